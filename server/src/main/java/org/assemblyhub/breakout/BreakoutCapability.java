package org.assemblyhub.breakout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.breakout.domain.BreakoutCommand;
import org.assemblyhub.breakout.domain.BreakoutDecider;
import org.assemblyhub.breakout.domain.BreakoutEvent;
import org.assemblyhub.breakout.domain.BreakoutRooms;
import org.assemblyhub.breakout.domain.Breakouts;
import org.assemblyhub.breakout.domain.Participant;
import org.assemblyhub.breakout.domain.RoomsFollowTheClock;
import org.assemblyhub.breakout.view.BreakoutView;
import org.assemblyhub.breakout.view.GroupReports;
import org.assemblyhub.breakout.view.WorkspaceView;
import org.assemblyhub.breakout.workspace.WorkspaceCommand;
import org.assemblyhub.breakout.workspace.WorkspaceDecider;
import org.assemblyhub.breakout.workspace.WorkspaceEvent;
import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.OffersCard;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PhoneOnlyChange;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.kernel.PresenceChange;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.kernel.Seating;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.WireCommand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Breakout rounds in groups of 7–8 with their facilitators, each group's workspace (notes, cards, queue of hands, help
 * calls) and the harvest across groups. Its state is the {@link org.assemblyhub.kernel.Seating} other capabilities
 * read;
 * it follows the run of show (a breakouts segment opens a round) and seats latecomers.
 */
public final class BreakoutCapability implements Capability {
    public static final String NAME = "breakout";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WireCommand> wire() {
        return BreakoutWire.COMMANDS;
    }

    @Override
    public List<Class<? extends DomainEvent>> events() {
        return List.of(BreakoutEvent.class, WorkspaceEvent.class);
    }

    @Override
    public List<Class<? extends DomainCommand>> commands() {
        return List.of(BreakoutCommand.class, WorkspaceCommand.class);
    }

    @Override
    public Object newState() {
        return new Breakouts();
    }

    @Override
    public Verdict decide(Model model, Acting who, DomainCommand command, Instant now) {
        BreakoutRooms rooms = breakouts(model).rooms;
        if (command instanceof BreakoutCommand.ReturnOverdueGroups) {
            return who.isHub()
                    ? BreakoutDecider.returnOverdue(rooms, now)
                    : Verdict.reject("forbidden", "Only the hub's timer does this.");
        }
        if (command instanceof WorkspaceCommand.ListReports) return GroupReports.list(breakouts(model), who);
        if (command instanceof WorkspaceCommand.ReadReport c)
            return GroupReports.read(breakouts(model), model.roster(), who, c.round(), c.group());
        if (model.roster().phase() == Phase.CLOSED) return Verdict.assemblyClosed();
        if (command instanceof BreakoutCommand.ExtendGroup c) {
            int limit = model.agenda()
                    .current()
                    .filter(PlannedSegment::isBreakouts)
                    .map(PlannedSegment::extendableMinutes)
                    .orElse(rooms.overtimeLimit());
            int facilitated = model.seating()
                    .seatOf(who.personId() == null ? "" : who.personId())
                    .filter(s -> s.facilitates())
                    .map(s -> s.group())
                    .orElse(0);
            return BreakoutDecider.extend(rooms, facilitated, c, limit);
        }
        if (command instanceof BreakoutCommand.VisitGroup || command instanceof BreakoutCommand.LeaveGroup) {
            if (who.personId() == null) return Verdict.reject("forbidden", "Only people visit groups.");
            return BreakoutDecider.visit(rooms, who.personId(), who.role(), who.leads(), (BreakoutCommand) command);
        }
        if (command instanceof BreakoutCommand c)
            return BreakoutDecider.decide(rooms, present(model), who.leads(), c, now);
        var seat = who.personId() == null
                ? null
                : model.seating()
                        .seatOf(who.personId())
                        .map(s -> new Seating.Seat(
                                rooms.workspaceRound(s.round()), s.group(), s.facilitates(), s.people()))
                        .orElse(null);
        return WorkspaceDecider.decide(
                breakouts(model).workspaces,
                who,
                seat,
                rooms.workspaceRound(who.round()),
                (WorkspaceCommand) command,
                now);
    }

    @Override
    public void evolve(Model model, DomainEvent event) {
        Breakouts breakouts = breakouts(model);
        if (event instanceof BreakoutEvent e) breakouts.rooms.evolve(e);
        else breakouts.workspaces.evolve((WorkspaceEvent) event);
    }

    /** The clock's moves open and close rounds; a member arriving during a round is seated. */
    @Override
    public List<DomainEvent> react(Model model, Acting who, List<DomainEvent> accepted, Instant now) {
        BreakoutRooms rooms = breakouts(model).rooms;
        Agenda agenda = model.agenda();
        Optional<Agenda.Move> move = agenda.move(accepted);
        if (move.isPresent()) {
            boolean ended = move.get().entered() == null;
            // The hub moves the clock only when time is up; everything else is someone's hand.
            return RoomsFollowTheClock.clockMoved(
                    rooms,
                    move.get().entered(),
                    agenda.current().orElse(null),
                    ended,
                    who.isHub(),
                    present(model),
                    now);
        }
        List<DomainEvent> events = new ArrayList<>();
        int added = breakouts(model).workspaces.ideasAdded();
        for (DomainEvent e : accepted) {
            // A card offered by another capability (a task answer a facilitator brings in) lands on its group's board.
            if (e instanceof OffersCard offered && rooms.isOpen() && offered.round() == rooms.round()) {
                events.add(new WorkspaceEvent.IdeaAdded(
                        "i" + (++added),
                        rooms.workspaceRound(offered.round()),
                        offered.group(),
                        offered.text(),
                        offered.byPersonId(),
                        now,
                        offered.source()));
            }
        }
        for (DomainEvent e : accepted) {
            // A member arrives by connecting, or by being marked phone-only (they never connect: they call in).
            String arrived = e instanceof PresenceChange p && p.connected()
                    ? p.personId()
                    : e instanceof PhoneOnlyChange p && p.phoneOnly() ? p.personId() : null;
            if (arrived == null) continue;
            Roster roster = model.roster();
            Person person = roster.person(arrived).orElse(null);
            if (person == null || person.role() != Role.MEMBER) continue;
            List<Participant> seated = new ArrayList<>();
            for (var g : rooms.groups()) {
                for (String m : g.members())
                    roster.person(m).ifPresent(p -> seated.add(new Participant(p.id(), p.attributes())));
            }
            events.addAll(
                    RoomsFollowTheClock.latecomer(rooms, new Participant(person.id(), person.attributes()), seated));
        }
        return events;
    }

    @Override
    public void view(Model model, Audience audience, ObjectNode view) {
        Breakouts breakouts = breakouts(model);
        Roster roster = model.roster();
        var rooms = BreakoutView.project(breakouts.rooms, breakouts.workspaces, roster, audience);
        if (!rooms.isEmpty()) view.set("breakouts", rooms);
        var workspace = WorkspaceView.workspace(breakouts.workspaces, breakouts.rooms, roster, audience);
        if (!workspace.isEmpty()) view.set("workspace", workspace);
        var harvest = WorkspaceView.harvest(breakouts.workspaces, breakouts.rooms, audience);
        if (!harvest.isEmpty()) view.set("harvest", harvest);
    }

    @Override
    public Optional<Instant> nextDeadline(Model model) {
        return breakouts(model).rooms.nextGroupEnd();
    }

    /** Extended groups whose extra time is up come back. */
    @Override
    public List<DomainCommand> due(Model model, Instant now) {
        boolean due =
                breakouts(model).rooms.nextGroupEnd().map(d -> !d.isAfter(now)).orElse(false);
        return due ? List.of(new BreakoutCommand.ReturnOverdueGroups()) : List.of();
    }

    /**
     * Members connected now or taking part by phone only (the hub never sees them connect: they are seated so their
     * group and its dial-in PIN are ready when they call), and facilitators connected now (the lead stays at the
     * plenary desk, not in a group).
     */
    private static BreakoutDecider.Present present(Model model) {
        Roster roster = model.roster();
        String lead = model.agenda().lead();
        List<Participant> members = new ArrayList<>();
        List<String> facilitators = new ArrayList<>();
        Set<String> rosterMembers = new HashSet<>();
        for (Person p : roster.people().values()) {
            if (p.role() == Role.MEMBER) rosterMembers.add(p.id());
            boolean phoneOnly = p.role() == Role.MEMBER && roster.phoneOnly().contains(p.id());
            if (!roster.present().contains(p.id()) && !phoneOnly) continue;
            if (p.role() == Role.MEMBER) members.add(new Participant(p.id(), p.attributes()));
            if (p.role() == Role.FACILITATOR && !p.id().equals(lead)) facilitators.add(p.id());
        }
        return new BreakoutDecider.Present(members, facilitators, rosterMembers);
    }

    private static Breakouts breakouts(Model model) {
        return model.slice(NAME, Breakouts.class);
    }
}
