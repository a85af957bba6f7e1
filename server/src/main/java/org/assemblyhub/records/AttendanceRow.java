package org.assemblyhub.records;

import java.time.Instant;
import java.util.List;

/**
 * One person in one session held, as the attendance report gives it (docs/operations.md, "Attendance"). Times are
 * null when there is none: no planned start in the script, a session still running, someone never connected.
 *
 * @param minutes  minutes connected within the session's start and end (several devices counted once), rounded
 * @param groups   the breakout groups they sat in or visited during the session, as "round:group"
 * @param phoneOnly marked as taking part by telephone only at some point of the session
 */
public record AttendanceRow(
        String sessionId,
        String sessionTitle,
        Instant plannedStart,
        Instant startedAt,
        Instant endedAt,
        String personId,
        String name,
        String role,
        boolean phoneOnly,
        Present present,
        Instant firstJoined,
        Instant lastLeft,
        long minutes,
        List<String> groups) {
    public AttendanceRow {
        groups = List.copyOf(groups);
    }

    /** Whether the hub saw them there: a phone-only member it never saw connect is unknown, not absent. */
    public enum Present {
        YES("yes"),
        NO("no"),
        UNKNOWN("unknown");

        private final String wire;

        Present(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
