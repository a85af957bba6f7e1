package org.assemblyhub.engine;

/**
 * How often an assembly's views may change on screens. However fast commands arrive, each audience gets at most one
 * update per interval; the interval is as short as 20 ms while the assembly's whole fan-out (sockets × updates per
 * second) stays within {@link #FAN_OUT_BUDGET} messages a second, and grows to the maximum (250 ms by default) as
 * sockets are added: 50 updates a second for a few hundred people, 40 for a room of a thousand, 5 for ten thousand
 * observers. Keeping within the budget matters more than a faster tally: past it, the observers' fan-out fills the
 * event loops and the members' own commands and acks wait behind it (at 10,000 observers and a 100 ms cap, a vote
 * took 0.5 s to be acknowledged). A change after a quiet interval goes out at once, so at a steady vote rate below the
 * pace every vote
 * reaches screens without waiting for a slot. Browsers draw at most once per animation frame whatever arrives.
 */
final class ViewPace {
    static final int MIN_INTERVAL_MS = 20;
    static final int FAN_OUT_BUDGET = 50_000;

    private ViewPace() {}

    static long intervalMs(int sockets, int maxIntervalMs) {
        int min = Math.min(MIN_INTERVAL_MS, maxIntervalMs);
        long byBudget = (long) sockets * 1_000 / FAN_OUT_BUDGET;
        return Math.max(min, Math.min(maxIntervalMs, byBudget));
    }
}
