package org.assemblyhub.assembly.engine;

import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.breakout.domain.BreakoutCommand;
import org.assemblyhub.live.domain.SessionCommand;
import org.assemblyhub.poll.domain.PollCommand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the hub's own timer asks for when time is up — like any command, recorded and decided in order: the clock moves
 * to the next segment, extended groups come back, a poll's timer closes it. (A ballot's turnout has its own grid:
 * {@link TurnoutTicker}.)
 */
final class HubTimers {
    private HubTimers() {}

    /**
     * The commands due at {@code now}. {@code sessionId} and {@code index}: the segment running when the timer was
     * set, so that a clock moved meanwhile by hand is not moved twice.
     */
    static List<DomainCommand> due(Deciders model, Instant now, String sessionId, int index) {
        List<DomainCommand> due = new ArrayList<>();
        if (sessionId != null && model.clock.deadline().map(d -> !d.isAfter(now)).orElse(false)) {
            due.add(new SessionCommand.AdvanceClock(sessionId, index));
        }
        if (model.rooms.nextGroupEnd().map(d -> !d.isAfter(now)).orElse(false)) due.add(new BreakoutCommand.ReturnOverdueGroups());
        for (var poll : model.polls.open()) {
            if (poll.opened().closesAt() != null && !poll.opened().closesAt().isAfter(now)) due.add(new PollCommand.ClosePoll(poll.id()));
        }
        return due;
    }
}
