package org.assemblyhub.support;

import java.util.function.LongSupplier;

/** A token bucket per connection: {@code perSecond} sustained, bursts up to twice that (or as given). */
public final class RateLimiter {
    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public RateLimiter(int perSecond, LongSupplier nanoTime) {
        this(perSecond, perSecond * 2, nanoTime);
    }

    /** {@code perSecond} sustained, bursts up to {@code burst}. */
    public RateLimiter(int perSecond, int burst, LongSupplier nanoTime) {
        this.perNano = perSecond / 1e9;
        this.capacity = burst;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
    }

    public boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
