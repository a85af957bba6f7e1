package org.assemblyhub.video;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Whether a viewer's report that its parent stopped passing the stage on should move anyone. A relay starved by its
 * own parent looks dead to its children too, so nothing is moved on a first report: the child reports again a few
 * seconds later if it is still without media, and only then is the relay replaced — unless the relay itself reported
 * its own parent meanwhile (then the fault is upstream, and fixing that one heals both). Reports are rate-limited per
 * reporter, and one member cannot have more than a few relays replaced in ten minutes. Plain Java, time injected.
 */
public final class RelayHealth {
    public enum Verdict {
        /** Too soon after this reporter's previous report, or too many replacements caused by it. */
        RATE_LIMITED,
        /** First report: wait for it to be confirmed. */
        NOTED,
        /** The relay is itself starved by its parent. */
        UPSTREAM,
        /** Confirmed: replace the relay. */
        REPLACE
    }

    static final long MIN_INTERVAL_MS = 2_500;
    static final long CONFIRM_AFTER_MS = 2_500;
    static final long CONFIRM_WITHIN_MS = 20_000;
    static final long UPSTREAM_MS = 20_000;
    static final int MAX_REPLACEMENTS = 3;
    static final long REPLACEMENTS_WINDOW_MS = 10 * 60_000;

    private record Report(String relay, long at) {}

    private final LongSupplier millis;
    private final Map<String, Long> lastReportAt = new HashMap<>();
    private final Map<String, Report> pending = new HashMap<>();
    private final Map<String, Deque<Long>> replacements = new HashMap<>();

    public RelayHealth(LongSupplier millis) {
        this.millis = millis;
    }

    public Verdict report(String reporter, String relay) {
        long now = millis.getAsLong();
        Long last = lastReportAt.get(reporter);
        Deque<Long> caused = replacements.computeIfAbsent(reporter, r -> new ArrayDeque<>());
        while (!caused.isEmpty() && now - caused.peekFirst() > REPLACEMENTS_WINDOW_MS) caused.pollFirst();
        if ((last != null && now - last < MIN_INTERVAL_MS) || caused.size() >= MAX_REPLACEMENTS)
            return Verdict.RATE_LIMITED;
        lastReportAt.put(reporter, now);
        Report first = pending.get(reporter);
        if (first == null
                || !first.relay().equals(relay)
                || now - first.at() > CONFIRM_WITHIN_MS
                || now - first.at() < CONFIRM_AFTER_MS) {
            if (first == null || !first.relay().equals(relay) || now - first.at() > CONFIRM_WITHIN_MS)
                pending.put(reporter, new Report(relay, now));
            return Verdict.NOTED;
        }
        pending.remove(reporter);
        Long relaysOwn = lastReportAt.get(relay);
        if (relaysOwn != null && now - relaysOwn < UPSTREAM_MS) return Verdict.UPSTREAM;
        caused.addLast(now);
        return Verdict.REPLACE;
    }

    /** The person left the plenary's call: their reports no longer matter. */
    public void forget(String personId) {
        lastReportAt.remove(personId);
        pending.remove(personId);
    }
}
