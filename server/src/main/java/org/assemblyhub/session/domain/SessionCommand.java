package org.assemblyhub.session.domain;

import org.assemblyhub.kernel.DomainCommand;

import java.util.List;

/**
 * Requests that steer the live clock. Most come from the lead facilitator; {@link AdvanceClock} from the hub's timer.
 */
public sealed interface SessionCommand extends DomainCommand {
    record AttachScript(String title, List<PlannedSession> sessions) implements SessionCommand {
        public AttachScript {
            sessions = List.copyOf(sessions);
        }
    }

    record AppointLead(String personId) implements SessionCommand {}

    record StartSession(String sessionId) implements SessionCommand {}

    record PauseSession() implements SessionCommand {}

    record ResumeSession() implements SessionCommand {}

    record ExtendSegment(int minutes) implements SessionCommand {}

    record SkipSegment() implements SessionCommand {}

    record GoBack() implements SessionCommand {}

    record EndSession() implements SessionCommand {}

    /**
     * The timer's check: moves on if segment {@code index} of {@code sessionId} is still current and its time is up.
     */
    record AdvanceClock(String sessionId, int index) implements SessionCommand {}
}
