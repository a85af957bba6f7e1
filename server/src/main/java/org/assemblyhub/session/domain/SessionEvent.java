package org.assemblyhub.session.domain;

import org.assemblyhub.kernel.DomainEvent;

import java.time.Instant;
import java.util.List;

/**
 * Facts about the live clock. Time is part of the facts (when a segment started, when it was paused), so a restart
 * recomputes exactly the same remaining time.
 */
public sealed interface SessionEvent extends DomainEvent {

    record ScriptAttached(String title, List<PlannedSession> sessions) implements SessionEvent {
        public ScriptAttached {
            sessions = List.copyOf(sessions);
        }
    }

    record LeadAppointed(String personId) implements SessionEvent {}

    record SessionStarted(String sessionId, Instant at) implements SessionEvent {}

    /** The clock moves to segment {@code index} (on time, skipped ahead, or sent back) with its full planned time. */
    record SegmentStarted(int index, Instant at) implements SessionEvent {}

    record SegmentExtended(int minutes) implements SessionEvent {}

    record SessionPaused(Instant at) implements SessionEvent {}

    record SessionResumed(Instant at) implements SessionEvent {}

    record SessionEnded(Instant at) implements SessionEvent {}
}
