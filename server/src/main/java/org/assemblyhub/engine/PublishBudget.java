package org.assemblyhub.engine;

/**
 * How many view updates an assembly may publish now: a token bucket refilled with one update per interval
 * ({@link ViewPace}) and holding at most {@link #BURST}. Over any stretch of time updates stay within the pace, but two
 * votes that land a few milliseconds apart after a quiet moment both reach screens at once instead of the second
 * waiting for a slot. Time is passed in (nanoseconds), so the rule is tested without a clock.
 */
final class PublishBudget {
    static final int BURST = 3;

    private double tokens = BURST;
    private long refilledAt;
    private boolean started;

    /** Takes one update if the budget has one. */
    boolean tryTake(long nowNanos, long intervalNanos) {
        refill(nowNanos, intervalNanos);
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** Takes one update even when none is left (a client's sync, or a slot that waited for a write): a debt. */
    void take(long nowNanos, long intervalNanos) {
        refill(nowNanos, intervalNanos);
        tokens -= 1;
    }

    /** How long until one update is available (0 when one is now). */
    long nanosUntilNext(long nowNanos, long intervalNanos) {
        refill(nowNanos, intervalNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * intervalNanos);
    }

    private void refill(long nowNanos, long intervalNanos) {
        if (!started) {
            started = true;
            refilledAt = nowNanos;
            return;
        }
        long elapsed = nowNanos - refilledAt;
        if (elapsed <= 0) return;
        tokens = Math.min(BURST, tokens + (double) elapsed / Math.max(1, intervalNanos));
        refilledAt = nowNanos;
    }
}
