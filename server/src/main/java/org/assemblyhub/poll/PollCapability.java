package org.assemblyhub.poll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.poll.domain.PollCommand;
import org.assemblyhub.poll.domain.PollDecider;
import org.assemblyhub.poll.domain.PollEvent;
import org.assemblyhub.poll.domain.PollKind;
import org.assemblyhub.poll.domain.PollSpec;
import org.assemblyhub.poll.domain.Polls;
import org.assemblyhub.poll.view.PollView;
import org.assemblyhub.poll.view.PollsOpenData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Live polls and consensus rounds, in the plenary, in one group, or in every group at once. It follows the run of
 * show (a poll segment opens its poll, the next move closes it) and the breakout rounds (a group's polls close with
 * their round: group numbers restart every round).
 */
public final class PollCapability implements Capability {
    public static final String NAME = "poll";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WireCommand> wire() {
        return PollWire.COMMANDS;
    }

    @Override
    public List<Class<? extends DomainEvent>> events() {
        return List.of(PollEvent.class);
    }

    @Override
    public List<Class<? extends DomainCommand>> commands() {
        return List.of(PollCommand.class);
    }

    @Override
    public Object newState() {
        return new Polls();
    }

    @Override
    public Verdict decide(Model model, Acting who, DomainCommand command, Instant now) {
        if (model.roster().phase() == Phase.CLOSED) return Verdict.assemblyClosed();
        Polls polls = polls(model);
        if (command instanceof PollCommand.OpenPoll c) {
            PollSpec spec = PollDecider.withDefaultVoters(who, c.spec());
            return PollDecider.open(polls, who, spec, roll(model, spec), now);
        }
        if (command instanceof PollCommand.AnswerPoll c) return PollDecider.answer(polls, who, c, now);
        return PollDecider.close(polls, who, (PollCommand.ClosePoll) command, now);
    }

    @Override
    public void evolve(Model model, DomainEvent event) {
        polls(model).evolve((PollEvent) event);
    }

    @Override
    public List<DomainEvent> react(Model model, Acting who, List<DomainEvent> accepted, Instant now) {
        Polls polls = polls(model);
        List<DomainEvent> events = new ArrayList<>();
        Optional<Agenda.Move> move = model.agenda().move(accepted);
        if (move.isPresent()) {
            // A poll the script opened lasts as long as its segment.
            for (Polls.Poll poll : polls.open()) {
                if (poll.spec().fromScript()) events.add(new PollEvent.PollClosed(poll.id(), now, null));
            }
            PlannedSegment entered = move.get().entered();
            if (entered != null && entered.isPoll()) {
                boolean consensus = "consensus".equals(entered.kind());
                PollSpec spec = new PollSpec(
                        consensus ? PollKind.GRADIENTS : PollKind.SINGLE,
                        entered.text(),
                        consensus ? List.of() : entered.options(),
                        0,
                        0,
                        0,
                        List.of(),
                        true,
                        true,
                        PollSpec.Voters.EVERYONE,
                        0,
                        consensus && entered.inGroups(),
                        null,
                        null,
                        null,
                        0,
                        true);
                Acting script =
                        new Acting(Actor.HUB, true, 0, 0, model.seating().round());
                if (PollDecider.open(polls, script, spec, roll(model, spec), now) instanceof Verdict.Accepted a)
                    events.addAll(a.events());
            }
        }
        // Group numbers restart every round: a group's poll left open would meet another group 1 in the next round.
        List<DomainEvent> all = new ArrayList<>(accepted);
        all.addAll(events);
        model.seating().roundClosedBy(all).ifPresent(round -> {
            for (Polls.Poll poll : polls.open()) {
                boolean ofGroups =
                        poll.spec().voters() == PollSpec.Voters.GROUP; // rounds in every group are the lead's to close
                boolean closing = all.stream()
                        .anyMatch(x -> x instanceof PollEvent.PollClosed c
                                && c.pollId().equals(poll.id()));
                if (ofGroups && poll.opened().breakoutRound() == round && !closing) {
                    events.add(new PollEvent.PollClosed(poll.id(), now, null));
                }
            }
        });
        return events;
    }

    @Override
    public void view(Model model, Audience audience, ObjectNode view) {
        ObjectNode polls = PollView.project(
                polls(model), model.roster(), audience, model.seating().round());
        if (!polls.isEmpty()) view.set("polls", polls);
    }

    @Override
    public void openData(Model model, ObjectNode openData) {
        PollsOpenData.of(polls(model), openData);
    }

    @Override
    public Optional<Instant> nextDeadline(Model model) {
        return polls(model).nextDeadline();
    }

    /** A poll's timer closes it. */
    @Override
    public List<DomainCommand> due(Model model, Instant now) {
        List<DomainCommand> due = new ArrayList<>();
        for (var poll : polls(model).open()) {
            if (poll.opened().closesAt() != null && !poll.opened().closesAt().isAfter(now))
                due.add(new PollCommand.ClosePoll(poll.id()));
        }
        return due;
    }

    /** Who may answer: every member, one group's members, or the facilitators. */
    private static List<String> roll(Model model, PollSpec spec) {
        if (spec.voters() == PollSpec.Voters.GROUP) return model.seating().members(spec.group());
        Role role = spec.voters() == PollSpec.Voters.FACILITATORS ? Role.FACILITATOR : Role.MEMBER;
        return model.roster().people().values().stream()
                .filter(p -> p.role() == role)
                .map(Person::id)
                .toList();
    }

    private static Polls polls(Model model) {
        return model.slice(NAME, Polls.class);
    }
}
