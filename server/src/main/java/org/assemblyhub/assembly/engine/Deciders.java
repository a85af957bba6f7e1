package org.assemblyhub.assembly.engine;

import org.assemblyhub.kernel.Actor;
import org.assemblyhub.assembly.domain.AssemblyCommand;
import org.assemblyhub.assembly.domain.AssemblyDecider;
import org.assemblyhub.assembly.domain.AssemblyEvent;
import org.assemblyhub.assembly.domain.AssemblyState;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Audience;
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
import org.assemblyhub.decision.domain.BallotBox;
import org.assemblyhub.decision.domain.BallotCommand;
import org.assemblyhub.decision.domain.BallotDecider;
import org.assemblyhub.decision.domain.BallotEvent;
import org.assemblyhub.decision.domain.DraftCommand;
import org.assemblyhub.decision.domain.DraftDecider;
import org.assemblyhub.decision.domain.DraftEvent;
import org.assemblyhub.decision.domain.Drafts;
import org.assemblyhub.poll.domain.PollCommand;
import org.assemblyhub.poll.domain.PollDecider;
import org.assemblyhub.poll.domain.PollEvent;
import org.assemblyhub.poll.domain.PollKind;
import org.assemblyhub.poll.domain.PollSpec;
import org.assemblyhub.poll.domain.Polls;

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
final class Deciders implements java.io.Serializable {
    static final int DEFAULT_MIN = 7;
    static final int DEFAULT_MAX = 8;

    final AssemblyState state = new AssemblyState();
    final SessionClock clock = new SessionClock();
    final BreakoutRooms rooms = new BreakoutRooms();
    final Workspaces workspaces = new Workspaces();
    final Polls polls = new Polls();
    final Drafts drafts = new Drafts();
    final BallotBox ballots = new BallotBox();
    final org.assemblyhub.kernel.TextUsage usage = new org.assemblyhub.kernel.TextUsage();
    /** Set by the engine from the hub's configuration (not part of the state). */
    transient org.assemblyhub.config.LimitsConfig limits = org.assemblyhub.config.LimitsConfig.DEFAULTS;

    /** Decides, then adds what a closing breakout round means for polls: its groups' polls close with it. */
    Verdict decide(Actor actor, DomainCommand command, Instant now) {
        return withGroupPollsClosed(routed(actor, command, now), now);
    }

    /**
     * Group numbers restart every round: a group's poll left open would meet another group 1 in the next round.
     * When a round closes (by hand, by the clock, or when its last extended group comes back), its group polls close.
     */
    private Verdict withGroupPollsClosed(Verdict decision, Instant now) {
        if (!(decision instanceof Verdict.Accepted accepted)) return decision;
        List<DomainEvent> closing = new ArrayList<>();
        for (DomainEvent e : accepted.events()) {
            if (!(e instanceof BreakoutEvent.BreakoutsClosed closed)) continue;
            for (Polls.Poll poll : polls.open()) {
                boolean ofGroups = poll.spec().voters() == PollSpec.Voters.GROUP; // rounds run in every group are the lead's to close
                boolean alreadyClosing = accepted.events().stream().anyMatch(x -> x instanceof PollEvent.PollClosed c && c.pollId().equals(poll.id()));
                if (ofGroups && poll.opened().breakoutRound() == closed.round() && !alreadyClosing) {
                    closing.add(new PollEvent.PollClosed(poll.id(), now, null));
                }
            }
        }
        if (closing.isEmpty()) return decision;
        List<DomainEvent> events = new ArrayList<>(accepted.events());
        events.addAll(closing);
        return Verdict.accept(events);
    }

    private Verdict routed(Actor actor, DomainCommand command, Instant now) {
        if (command instanceof org.assemblyhub.kernel.WritesText && !actor.isHub() && actor.role() != Role.ORGANISER) {
            var refusal = usage.refusal(actor.personId(), limits.assemblyTextBytes(), limits.personTextBytes());
            if (refusal != null) return new Verdict.Rejected(refusal);
        }
        if (command instanceof AssemblyCommand.Announce c && SessionDecider.leads(clock, actor)) {
            // The lead facilitator broadcasts to every screen, groups included, like the organisers.
            return AssemblyDecider.decide(state, Actor.person(actor.personId(), Role.ORGANISER), c, now);
        }
        if (command instanceof AssemblyCommand.MarkPresence c && c.connected()) {
            return withLatecomer(AssemblyDecider.decide(state, actor, c, now), c.personId());
        }
        if (command instanceof AssemblyCommand c) return AssemblyDecider.decide(state, actor, c, now);
        if (!state.exists()) return Verdict.reject("no-such-assembly", "This assembly does not exist.");
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
            return actor.isHub() ? BreakoutDecider.returnOverdue(rooms, now) : Verdict.reject("forbidden", "Only the hub's timer does this.");
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
        if (command instanceof PollCommand c) {
            if (closed) return closed();
            return decidePoll(actor, c, now);
        }
        if (command instanceof DraftCommand c) {
            if (closed) return closed();
            if (state.phase() != Phase.DELIBERATION && state.phase() != Phase.DECISION) {
                return Verdict.reject("wrong-phase", "Drafts are written and amended in the deliberation and decision phases.");
            }
            var author = new DraftDecider.Author(actor.personId(), SessionDecider.leads(clock, actor), facilitatedGroup(actor));
            if (c instanceof DraftCommand.ProposeDraft p) {
                var idea = p.fromIdeaId() == null ? null : workspaces.idea(p.fromIdeaId()).orElse(null);
                return DraftDecider.propose(drafts, author, p, idea == null ? 0 : idea.group(), idea != null && idea.promoted(), now);
            }
            return DraftDecider.amend(drafts, ballots, author, (DraftCommand.AmendDraft) c, now);
        }
        if (command instanceof BallotCommand.FindReceipt c) return BallotDecider.receipt(ballots, c);
        if (command instanceof BallotCommand.OpenBallot c) {
            if (closed) return closed();
            if (state.phase() != Phase.DECISION) return Verdict.reject("wrong-phase", "Ballots are held in the decision phase.");
            List<String> seated = state.people().values().stream()
                    .filter(p -> p.role() == Role.MEMBER && state.present().contains(p.id())).map(Person::id).toList();
            return BallotDecider.open(ballots, drafts, SessionDecider.leads(clock, actor), c, seated, now);
        }
        if (command instanceof BallotCommand.CloseBallot c) return BallotDecider.close(ballots, SessionDecider.leads(clock, actor), c, now);
        if (command instanceof BallotCommand.ShowTurnout) {
            return actor.isHub() ? BallotDecider.showTurnout(ballots, now) : Verdict.reject("forbidden", "Only the hub's timer does this.");
        }
        if (command instanceof BallotCommand.CastBallot) {
            // Casts reach the ballot box through the engine's pool, from members only; anything else is refused here.
            return Verdict.reject("forbidden", "Only members on the ballot's roll vote.");
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** A pool of ballot casts, decided together in a random order (see {@link BallotDecider#castPooled}). */
    BallotDecider.Pooled decidePooled(List<BallotCommand.CastPooled.Cast> casts, java.util.random.RandomGenerator random) {
        return BallotDecider.castPooled(ballots, casts, random);
    }

    private Verdict decidePoll(Actor actor, PollCommand command, Instant now) {
        int facilitated = facilitatedGroup(actor);
        int seated = rooms.groupOf(actor.personId()).map(org.assemblyhub.breakout.domain.Group::number).orElse(0);
        var who = new PollDecider.Who(actor.personId(), SessionDecider.leads(clock, actor), actor.isHub(), facilitated, seated,
                rooms.round());
        if (command instanceof PollCommand.OpenPoll c) {
            PollSpec spec = PollDecider.withDefaultVoters(who, c.spec());
            return PollDecider.open(polls, who, spec, roll(spec), now);
        }
        if (command instanceof PollCommand.AnswerPoll c) return PollDecider.answer(polls, who, c, now);
        return PollDecider.close(polls, who, (PollCommand.ClosePoll) command, now);
    }

    /** Who may answer: every member, one group's members, or the facilitators. */
    private List<String> roll(PollSpec spec) {
        if (spec.voters() == PollSpec.Voters.GROUP) {
            return rooms.groups().stream().filter(g -> g.number() == spec.group()).findFirst()
                    .map(g -> List.copyOf(g.members())).orElse(List.of());
        }
        Role role = spec.voters() == PollSpec.Voters.FACILITATORS ? Role.FACILITATOR : Role.MEMBER;
        return state.people().values().stream().filter(p -> p.role() == role).map(Person::id).toList();
    }

    /** The group this person facilitates now (0: none). */
    private int facilitatedGroup(Actor actor) {
        if (actor.personId() == null || !rooms.isOpen()) return 0;
        return rooms.groupOf(actor.personId())
                .filter(g -> actor.personId().equals(g.leadFacilitator()) || actor.personId().equals(g.coFacilitator()))
                .map(org.assemblyhub.breakout.domain.Group::number).orElse(0);
    }

    /** The next moment something is due: the segment's end, an extended group's end, a poll's timer. */
    java.util.Optional<Instant> nextDeadline() {
        return java.util.stream.Stream.of(clock.deadline(), rooms.nextGroupEnd(), polls.nextDeadline())
                .flatMap(java.util.Optional::stream).min(Instant::compareTo);
    }

    void evolve(DomainEvent event) {
        if (event instanceof org.assemblyhub.kernel.ParticipantText text) usage.evolve(text);
        if (event instanceof AssemblyEvent e) {
            state.evolve(e);
        } else if (event instanceof SessionEvent e) {
            clock.evolve(e);
        } else if (event instanceof BreakoutEvent e) {
            rooms.evolve(e);
        } else if (event instanceof WorkspaceEvent e) {
            workspaces.evolve(e);
        } else if (event instanceof PollEvent e) {
            polls.evolve(e);
        } else if (event instanceof DraftEvent e) {
            drafts.evolve(e);
        } else if (event instanceof BallotEvent e) {
            ballots.evolve(e);
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
    private Verdict withRooms(Verdict decision, Instant now, boolean onTime) {
        if (!(decision instanceof Verdict.Accepted accepted)) return decision;
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
        for (Polls.Poll poll : polls.open()) {
            if (poll.spec().fromScript()) events.add(new PollEvent.PollClosed(poll.id(), now, null));
        }
        if (entered != null && entered.isPoll()) {
            boolean consensus = "consensus".equals(entered.kind());
            PollSpec spec = new PollSpec(consensus ? PollKind.GRADIENTS : PollKind.SINGLE, entered.text(),
                    consensus ? List.of() : entered.options(), 0, 0, 0, List.of(), true, true, PollSpec.Voters.EVERYONE, 0,
                    consensus && entered.inGroups(), null, null, null, 0, true);
            var opened = PollDecider.open(polls, new PollDecider.Who(null, true, true, 0, 0, rooms.round()), spec, roll(spec), now);
            if (opened instanceof Verdict.Accepted a) events.addAll(a.events());
        }
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
            return Verdict.accept(events);
        }
        if (rooms.isOpen()) events.add(new BreakoutEvent.BreakoutsClosed(rooms.round(), now));
        if (entered != null && entered.isBreakouts()) {
            int round = heldRounds + (planned ? 0 : 1);
            if (!planned && entered.keepGroups() && !rooms.lastGroups().isEmpty()) {
                events.add(new BreakoutEvent.BreakoutsPlanned(round, 0, rooms.lastGroups(), emptyQuality(), emptyQuality()));
            } else if (!planned) {
                BreakoutDecider.Present present = present();
                if (present.members().isEmpty()) return Verdict.accept(events);
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
        return Verdict.accept(events);
    }

    /**
     * A member who connects while a round is open, and sits in no group, joins the group where balance suffers least
     * (and never a full one while another has room).
     */
    private Verdict withLatecomer(Verdict decision, String personId) {
        if (!(decision instanceof Verdict.Accepted accepted) || accepted.events().isEmpty() || !rooms.isOpen()) return decision;
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
        return Verdict.accept(events);
    }

    private static org.assemblyhub.breakout.domain.AllocationQuality emptyQuality() {
        return new org.assemblyhub.breakout.domain.AllocationQuality(Map.of(), Map.of(), 0, 0);
    }

    private static Verdict closed() {
        return Verdict.reject("assembly-closed", "The assembly is closed: nothing can change any more.");
    }
}
