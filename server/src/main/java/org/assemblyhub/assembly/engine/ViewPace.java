package org.assemblyhub.assembly.engine;

/**
 * How often an assembly's views may change on screens. However fast commands arrive, each audience gets at most one
 * update per interval; the interval is as short as 50 ms while the assembly's whole fan-out (sockets × updates per
 * second) stays within {@link #FAN_OUT_BUDGET} messages a second, and grows to the maximum (100 ms by default) as
 * sockets are added: 20 updates a second for a room of a thousand, 10 for ten thousand observers.
 */
final class ViewPace {
    static final int MIN_INTERVAL_MS = 50;
    static final int FAN_OUT_BUDGET = 50_000;

    private ViewPace() {}

    static long intervalMs(int sockets, int maxIntervalMs) {
        int min = Math.min(MIN_INTERVAL_MS, maxIntervalMs);
        long byBudget = (long) sockets * 1_000 / FAN_OUT_BUDGET;
        return Math.max(min, Math.min(maxIntervalMs, byBudget));
    }
}
