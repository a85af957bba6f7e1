package org.assemblyhub.scripts;

import java.time.OffsetDateTime;
import java.util.List;

/** A run-of-show: the sessions of an assembly, each an ordered list of timed segments. */
public record Script(String title, String description, List<Session> sessions) {
    public Script {
        sessions = List.copyOf(sessions);
    }

    /** {@code phase} and {@code plannedStart} may be null. */
    public record Session(String id, String title, String phase, OffsetDateTime plannedStart, List<Segment> segments) {
        public Session {
            segments = List.copyOf(segments);
        }

        public int minutes() {
            return segments.stream().mapToInt(Segment::minutes).sum();
        }
    }

    public int minutes() {
        return sessions.stream().mapToInt(Session::minutes).sum();
    }

    public int segmentCount() {
        return sessions.stream().mapToInt(s -> s.segments().size()).sum();
    }
}
