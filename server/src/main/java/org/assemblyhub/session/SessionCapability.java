package org.assemblyhub.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.JournalReport;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.records.AttendanceReport;
import org.assemblyhub.session.domain.SessionClock;
import org.assemblyhub.session.domain.SessionCommand;
import org.assemblyhub.session.domain.SessionDecider;
import org.assemblyhub.session.domain.SessionEvent;
import org.assemblyhub.session.view.SessionView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The run of show: the script's sessions and segments, the lead facilitator, and the clock that moves on when a
 * segment's time is up. Its state is the {@link org.assemblyhub.kernel.Agenda} other capabilities react to.
 */
public final class SessionCapability implements Capability {
    public static final String NAME = "session";

    @Override
    public String name() {
        return NAME;
    }

    /** Who attended each session, for compensation and evaluation ({@code attendance.csv}). */
    @Override
    public List<JournalReport> reports() {
        return List.of(new AttendanceReport());
    }

    @Override
    public List<WireCommand> wire() {
        return SessionWire.COMMANDS;
    }

    @Override
    public List<Class<? extends DomainEvent>> events() {
        return List.of(SessionEvent.class);
    }

    @Override
    public List<Class<? extends DomainCommand>> commands() {
        return List.of(SessionCommand.class);
    }

    @Override
    public Object newState() {
        return new SessionClock();
    }

    @Override
    public Verdict decide(Model model, Acting who, DomainCommand command, Instant now) {
        SessionCommand c = (SessionCommand) command;
        // The clock's own move still lands once the assembly is closed: a session may end after the last vote.
        if (model.roster().phase() == Phase.CLOSED && !(c instanceof SessionCommand.AdvanceClock))
            return Verdict.assemblyClosed();
        return SessionDecider.decide(clock(model), who.actor(), c, now, personId -> model.roster()
                .person(personId)
                .map(p -> p.role() == Role.FACILITATOR || p.role() == Role.ORGANISER)
                .orElse(false));
    }

    @Override
    public void evolve(Model model, DomainEvent event) {
        clock(model).evolve((SessionEvent) event);
    }

    @Override
    public void view(Model model, Audience audience, ObjectNode view) {
        ObjectNode session = SessionView.project(clock(model), audience);
        if (!session.isEmpty()) view.set("session", session);
    }

    @Override
    public Optional<Instant> nextDeadline(Model model) {
        return clock(model).deadline();
    }

    /**
     * The segment's time is up: the clock moves on (naming the segment, so a move by hand meanwhile is not doubled).
     */
    @Override
    public List<DomainCommand> due(Model model, Instant now) {
        SessionClock clock = clock(model);
        if (!clock.isRunning() || clock.deadline().map(d -> d.isAfter(now)).orElse(true)) return List.of();
        return List.of(new SessionCommand.AdvanceClock(clock.running().id(), clock.index()));
    }

    private static SessionClock clock(Model model) {
        return model.slice(NAME, SessionClock.class);
    }
}
