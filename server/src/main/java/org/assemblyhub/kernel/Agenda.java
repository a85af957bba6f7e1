package org.assemblyhub.kernel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The run of show as other capabilities see it (the session clock owns it). */
public interface Agenda {
    /** The appointed lead facilitator's person id, or null. */
    String lead();

    /** The segment the running session is in, if one runs. */
    Optional<PlannedSegment> current();

    /**
     * What these accepted events do to the run of show: empty if they move nothing; otherwise the segment they enter
     * ({@link Move#entered()} null when the session ends).
     */
    Optional<Move> move(List<DomainEvent> events);

    /** The phase of the assembly a session started by these events belongs to, if the script gives one. */
    Optional<Phase> phaseEntered(List<DomainEvent> events);

    /** The script's sessions in order, as a calendar: when each is planned, whether it was held or runs now. */
    List<Scheduled> schedule();

    /** A session's segments as the script plans them (empty for an unknown session). */
    default List<PlannedSegment> segments(String sessionId) {
        return List.of();
    }

    record Move(PlannedSegment entered) {}

    /** {@code plannedStart} and {@code phase} may be null (the script does not say). */
    record Scheduled(String id, String title, Phase phase, Instant plannedStart, boolean held, boolean running) {}
}
