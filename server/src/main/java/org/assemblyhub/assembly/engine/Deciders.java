package org.assemblyhub.assembly.engine;

import org.assemblyhub.assembly.domain.Actor;
import org.assemblyhub.assembly.domain.AssemblyCommand;
import org.assemblyhub.assembly.domain.AssemblyDecider;
import org.assemblyhub.assembly.domain.AssemblyEvent;
import org.assemblyhub.assembly.domain.AssemblyState;
import org.assemblyhub.assembly.domain.Decision;
import org.assemblyhub.assembly.domain.DomainCommand;
import org.assemblyhub.assembly.domain.DomainEvent;
import org.assemblyhub.assembly.domain.Person;
import org.assemblyhub.assembly.domain.Phase;
import org.assemblyhub.assembly.domain.Role;
import org.assemblyhub.assembly.view.Audience;
import org.assemblyhub.breakout.domain.AllocationRequest;
import org.assemblyhub.breakout.domain.BreakoutCommand;
import org.assemblyhub.breakout.domain.BreakoutDecider;
import org.assemblyhub.breakout.domain.BreakoutEvent;
import org.assemblyhub.breakout.domain.BreakoutRooms;
import org.assemblyhub.breakout.domain.GroupAllocator;
import org.assemblyhub.breakout.domain.Participant;
import org.assemblyhub.breakout.workspace.Seat;
import org.assemblyhub.breakout.workspace.WorkspaceCommand;
import org.assemblyhub.breakout.workspace.WorkspaceDecider;
import org.assemblyhub.breakout.workspace.WorkspaceEvent;
import org.assemblyhub.breakout.workspace.Workspaces;
import org.assemblyhub.live.domain.PlannedSession;
import org.assemblyhub.live.domain.SessionClock;
import org.assemblyhub.live.domain.SessionCommand;
import org.assemblyhub.live.domain.SessionDecider;
import org.assemblyhub.live.domain.SessionEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The whole assembly as the engine holds it — the core state and each capability's slice — and the routing of each
 * command to its capability's decider and each event to its fold. Adding a capability means adding a line here.
 * It also holds the one cross-capability rule: when the clock enters a breakouts segment the rooms open (planned now
 * unless the lead already previewed them), and when it leaves it everyone is brought back to the plenary.
 */
final class Deciders {
    static final int DEFAULT_MIN = 7;
    static final int DEFAULT_MAX = 8;

    final AssemblyState state = new AssemblyState();
    final SessionClock clock = new SessionClock();
    final BreakoutRooms rooms = new BreakoutRooms();
    final Workspaces workspaces = new Workspaces();

    Decision decide(Actor actor, DomainCommand command, Instant now) {
        if (command instanceof AssemblyCommand.Announce c && SessionDecider.leads(clock, actor)) {
            // The lead facilitator broadcasts to every screen, groups included, like the organisers.
            return AssemblyDecider.decide(state, Actor.person(actor.personId(), Role.ORGANISER), c, now);
        }
        if (command instanceof AssemblyCommand.MarkPresence c && c.connected()) {
            return withLatecomer(AssemblyDecider.decide(state, actor, c, now), c.personId());
        }
        if (command instanceof AssemblyCommand c) return AssemblyDecider.decide(state, actor, c, now);
        if (!state.exists()) return Decision.reject("no-such-assembly", "This assembly does not exist.");
        boolean closed = state.phase() == Phase.CLOSED;
        if (command instanceof SessionCommand c) {
            if (closed && !(c instanceof SessionCommand.AdvanceClock)) return closed();
            if (c instanceof SessionCommand.AppointLead lead) {
                boolean eligible = state.person(lead.personId())
                        .map(p -> p.role() == Role.FACILITATOR || p.role() == Role.ORGANISER).orElse(false);
                c = new SessionCommand.AppointLead(lead.personId(), eligible);
            }
            return withRooms(SessionDecider.decide(clock, actor, c, now), now, c instanceof SessionCommand.AdvanceClock);
        }
        if (command instanceof BreakoutCommand.ReturnOverdueGroups) {
            return actor.isHub() ? BreakoutDecider.returnOverdue(rooms, now) : Decision.reject("forbidden", "Only the hub's timer does this.");
        }
        if (command instanceof BreakoutCommand.ExtendGroup c) {
            if (closed) return closed();
            int facilitated = rooms.groupOf(actor.personId())
                    .filter(g -> actor.personId().equals(g.leadFacilitator()) || actor.personId().equals(g.coFacilitator()))
                    .map(org.assemblyhub.breakout.domain.Group::number).orElse(0);
            int limit = clock.isRunning() && clock.segment().isBreakouts() ? clock.segment().extendableMinutes() : rooms.overtimeLimit();
            return BreakoutDecider.extend(rooms, facilitated, new BreakoutCommand.ExtendGroup(c.minutes(), limit));
        }
        if (command instanceof BreakoutCommand c) {
            if (closed) return closed();
            return BreakoutDecider.decide(rooms, present(), SessionDecider.leads(clock, actor), c, now);
        }
        if (command instanceof WorkspaceCommand c) {
            if (closed) return closed();
            var group = rooms.groupOf(actor.personId());
            Seat seat = group.map(g -> new Seat(rooms.round(), g.number(),
                    actor.personId().equals(g.leadFacilitator()) || actor.personId().equals(g.coFacilitator()))).orElse(null);
            Set<String> people = group.map(g -> {
                Set<String> all = new java.util.HashSet<>(g.members());
                if (g.leadFacilitator() != null) all.add(g.leadFacilitator());
                if (g.coFacilitator() != null) all.add(g.coFacilitator());
                return all;
            }).orElse(Set.of());
            return WorkspaceDecider.decide(workspaces, actor.personId(), seat, people, SessionDecider.leads(clock, actor),
                    rooms.round(), c, now);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    void evolve(DomainEvent event) {
        if (event instanceof AssemblyEvent e) {
            state.evolve(e);
        } else if (event instanceof SessionEvent e) {
            clock.evolve(e);
        } else if (event instanceof BreakoutEvent e) {
            rooms.evolve(e);
        } else if (event instanceof WorkspaceEvent e) {
            workspaces.evolve(e);
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    /** The audience a person's sockets belong to now: their role's, inside their group while rooms are open. */
    Audience audienceOf(Person person) {
        if (person.id().equals(clock.lead()) && person.role() == Role.FACILITATOR) return Audience.LEAD;
        Audience base = Audience.of(person.role());
        return rooms.groupOf(person.id()).map(g -> base.inGroup(g.number())).orElse(base);
    }

    /** Members and facilitators connected now (the lead stays at the plenary desk, not in a group). */
    BreakoutDecider.Present present() {
        List<Participant> members = new ArrayList<>();
        List<String> facilitators = new ArrayList<>();
        for (Person p : state.people().values()) {
            if (!state.present().contains(p.id())) continue;
            if (p.role() == Role.MEMBER) members.add(new Participant(p.id(), p.attributes()));
            if (p.role() == Role.FACILITATOR && !p.id().equals(clock.lead())) facilitators.add(p.id());
        }
        Set<String> rosterMembers = new java.util.HashSet<>();
        state.people().values().stream().filter(p -> p.role() == Role.MEMBER).forEach(p -> rosterMembers.add(p.id()));
        return new BreakoutDecider.Present(members, facilitators, rosterMembers);
    }

    /** Adds what the clock's move means for the rooms: close the open round, open one for a breakouts segment. */
    private Decision withRooms(Decision decision, Instant now, boolean onTime) {
        if (!(decision instanceof Decision.Accepted accepted)) return decision;
        PlannedSession.PlannedSegment entered = null;
        boolean moved = false;
        String sessionId = clock.isRunning() ? clock.running().id() : null;
        for (DomainEvent e : accepted.events()) {
            if (e instanceof SessionEvent.SessionStarted s) sessionId = s.sessionId();
            if (e instanceof SessionEvent.SegmentStarted s) {
                moved = true;
                entered = clock.session(sessionId).map(p -> p.segments().get(s.index())).orElse(null);
            }
            if (e instanceof SessionEvent.SessionEnded) {
                moved = true;
                entered = null;
            }
        }
        if (!moved) return decision;
        List<DomainEvent> events = new ArrayList<>(accepted.events());
        boolean planned = rooms.hasPlan() && !rooms.isOpen();
        int heldRounds = rooms.heldRounds().size();
        boolean leavingForPlenary = entered == null || !entered.isBreakouts();
        if (rooms.isOpen() && onTime && leavingForPlenary && rooms.hasExtendedGroups()
                && events.stream().noneMatch(e -> e instanceof SessionEvent.SessionEnded)) {
            // Time is up for the round, not for the groups given extra minutes: the others come back now.
            List<Integer> back = rooms.groups().stream().map(org.assemblyhub.breakout.domain.Group::number)
                    .filter(n -> rooms.extraMinutes(n) == 0).toList();
            int limit = clock.segment() == null ? 0 : clock.segment().extendableMinutes();
            events.add(new BreakoutEvent.GroupsReturned(back, now, limit));
            return Decision.accept(events);
        }
        if (rooms.isOpen()) events.add(new BreakoutEvent.BreakoutsClosed(rooms.round(), now));
        if (entered != null && entered.isBreakouts()) {
            int round = heldRounds + (planned ? 0 : 1);
            if (!planned && entered.keepGroups() && !rooms.lastGroups().isEmpty()) {
                events.add(new BreakoutEvent.BreakoutsPlanned(round, 0, rooms.lastGroups(), emptyQuality(), emptyQuality()));
            } else if (!planned) {
                BreakoutDecider.Present present = present();
                if (present.members().isEmpty()) return Decision.accept(events);
                long seed = now.toEpochMilli();
                int min = entered.minSize() > 0 ? entered.minSize() : DEFAULT_MIN;
                int max = entered.maxSize() > 0 ? entered.maxSize() : DEFAULT_MAX;
                var allocation = new GroupAllocator(new SplittableRandom(seed)).allocate(new AllocationRequest(
                        present.members(), present.facilitators(), min, max, rooms.heldRounds(), rooms.pinnedIndexes(), rooms.keepApart()));
                events.add(new BreakoutEvent.BreakoutsPlanned(round, seed, allocation.groups(), allocation.quality(),
                        allocation.randomBaseline()));
            }
            events.add(new BreakoutEvent.BreakoutsOpened(planned ? rooms.round() : round, now));
        }
        return Decision.accept(events);
    }

    /**
     * A member who connects while a round is open, and sits in no group, joins the group where balance suffers least
     * (and never a full one while another has room).
     */
    private Decision withLatecomer(Decision decision, String personId) {
        if (!(decision instanceof Decision.Accepted accepted) || accepted.events().isEmpty() || !rooms.isOpen()) return decision;
        Person person = state.person(personId).orElse(null);
        if (person == null || person.role() != Role.MEMBER) return decision;
        boolean seated = rooms.groups().stream().anyMatch(g -> g.members().contains(personId));
        if (seated) return decision;
        List<Participant> everyone = new ArrayList<>();
        for (var g : rooms.groups()) {
            for (String m : g.members()) state.person(m).ifPresent(p -> everyone.add(new Participant(p.id(), p.attributes())));
        }
        Participant latecomer = new Participant(person.id(), person.attributes());
        var context = new AllocationRequest(everyone, List.of(), DEFAULT_MIN, DEFAULT_MAX, rooms.heldRounds(), Map.of(), rooms.keepApart());
        var group = GroupAllocator.placeLatecomer(rooms.groups(), latecomer, everyone, context);
        List<DomainEvent> events = new ArrayList<>(accepted.events());
        events.add(new BreakoutEvent.MemberMoved(personId, group.number()));
        return Decision.accept(events);
    }

    private static org.assemblyhub.breakout.domain.AllocationQuality emptyQuality() {
        return new org.assemblyhub.breakout.domain.AllocationQuality(Map.of(), Map.of(), 0, 0);
    }

    private static Decision closed() {
        return Decision.reject("assembly-closed", "The assembly is closed: nothing can change any more.");
    }
}
