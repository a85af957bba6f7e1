package org.assemblyhub.recommendation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.*;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.Engine;
import org.assemblyhub.kernel.plug.Plugin;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.recommendation.domain.BallotBox;
import org.assemblyhub.recommendation.domain.BallotCommand;
import org.assemblyhub.recommendation.domain.BallotDecider;
import org.assemblyhub.recommendation.domain.BallotEvent;
import org.assemblyhub.recommendation.domain.DraftCommand;
import org.assemblyhub.recommendation.domain.DraftDecider;
import org.assemblyhub.recommendation.domain.DraftEvent;
import org.assemblyhub.recommendation.domain.Recommendations;
import org.assemblyhub.recommendation.export.BallotRecord;
import org.assemblyhub.recommendation.export.OpenData;
import org.assemblyhub.recommendation.view.DecisionView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Draft recommendations (written from harvested ideas, analysed and amended, with every version kept) and the secret,
 * recountable ballots that decide them, with their public records.
 */
public final class RecommendationCapability implements Capability {
    public static final String NAME = "recommendation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WireCommand> wire() {
        return RecommendationWire.COMMANDS;
    }

    @Override
    public List<Class<? extends DomainEvent>> events() {
        return List.of(DraftEvent.class, BallotEvent.class);
    }

    @Override
    public List<Class<? extends DomainCommand>> commands() {
        return List.of(DraftCommand.class, BallotCommand.class);
    }

    @Override
    public Object newState() {
        return new Recommendations();
    }

    @Override
    public Verdict decide(Model model, Acting who, DomainCommand command, Instant now) {
        Recommendations r = state(model);
        Roster roster = model.roster();
        boolean closed = roster.phase() == Phase.CLOSED;
        if (command instanceof DraftCommand c) {
            if (closed) return Verdict.assemblyClosed();
            if (roster.phase() != Phase.DELIBERATION && roster.phase() != Phase.DECISION) {
                return Verdict.reject(
                        "wrong-phase", "Drafts are written and amended in the deliberation and decision phases.");
            }
            if (c instanceof DraftCommand.ProposeDraft p) {
                var card = p.fromIdeaId() == null
                        ? null
                        : model.seating().card(p.fromIdeaId()).orElse(null);
                return DraftDecider.propose(
                        r.drafts, who, p, card == null ? 0 : card.group(), card != null && card.promoted(), now);
            }
            return DraftDecider.amend(r.drafts, r.ballots, who, (DraftCommand.AmendDraft) c, now);
        }
        if (command instanceof BallotCommand.FindReceipt c) return BallotDecider.receipt(r.ballots, c);
        if (command instanceof BallotCommand.Standing c) return BallotDecider.standing(r.ballots, who.personId(), c);
        if (command instanceof BallotCommand.OpenBallot c) {
            if (closed) return Verdict.assemblyClosed();
            if (roster.phase() != Phase.DECISION)
                return Verdict.reject("wrong-phase", "Ballots are held in the decision phase.");
            List<String> seated = roster.people().values().stream()
                    .filter(p -> p.role() == Role.MEMBER && roster.present().contains(p.id()))
                    .map(Person::id)
                    .toList();
            return BallotDecider.open(r.ballots, r.drafts, who.leads(), c, seated, now);
        }
        if (command instanceof BallotCommand.CloseBallot c) return BallotDecider.close(r.ballots, who.leads(), c, now);
        if (command instanceof BallotCommand.SetDefaultRule c) {
            return closed ? Verdict.assemblyClosed() : BallotDecider.setDefaultRule(r.ballots, c);
        }
        if (command instanceof BallotCommand.ShowTurnout) {
            return who.isHub()
                    ? BallotDecider.showTurnout(r.ballots, now)
                    : Verdict.reject("forbidden", "Only the hub's timer does this.");
        }
        // Casts reach the ballot box through the pool (BallotRuntime), from members only; anything else is refused
        // here.
        return Verdict.reject("forbidden", "Only members on the ballot's roll vote.");
    }

    /** A pool of casts, decided together in a random order: no command id ties a choice to a sender. */
    @Override
    public Pool decide(Model model, Pooled command, RandomGenerator random) {
        var casts = ((BallotCommand.CastPooled) command).casts();
        BallotDecider.Pooled decided = BallotDecider.castPooled(state(model).ballots, casts, random);
        return new Pool(
                decided.events(),
                decided.answers().stream()
                        .map(a -> a instanceof Rejection r ? r : null)
                        .toList());
    }

    /** A member who arrives while a ballot is open joins its roll: latecomers vote too. */
    @Override
    public List<DomainEvent> react(Model model, Acting who, List<DomainEvent> accepted, Instant now) {
        List<DomainEvent> events = new ArrayList<>();
        for (DomainEvent e : accepted) {
            if (!(e instanceof PresenceChange arrived) || !arrived.connected()) continue;
            boolean member = model.roster()
                    .person(arrived.personId())
                    .map(p -> p.role() == Role.MEMBER)
                    .orElse(false);
            if (member) events.addAll(BallotDecider.latecomer(state(model).ballots, arrived.personId(), now));
        }
        return events;
    }

    @Override
    public void evolve(Model model, DomainEvent event) {
        Recommendations r = state(model);
        if (event instanceof DraftEvent e) r.drafts.evolve(e);
        else r.ballots.evolve((BallotEvent) event);
    }

    @Override
    public void view(Model model, Audience audience, ObjectNode view) {
        Recommendations r = state(model);
        ObjectNode drafts = DecisionView.drafts(r.drafts, r.ballots, model.roster(), audience);
        if (!drafts.isEmpty()) view.set("drafts", drafts);
        ObjectNode ballots = DecisionView.ballots(r.ballots, audience);
        if (!ballots.isEmpty()) view.set("ballots", ballots);
        DecisionView.defaultRule(r.ballots).ifPresent(rule -> view.set("ballotRule", rule));
    }

    @Override
    public void openData(Model model, ObjectNode openData) {
        OpenData.recommendations(state(model).drafts, state(model).ballots, openData);
    }

    /**
     * The drafts for the booklet (participants only, not observers), and a ballot's public record — which exists once
     * it is closed: while it is open its choices are sealed, and the answer is {@code ballot-open}.
     */
    @Override
    public Optional<JsonObject> record(Model model, String what, JsonObject request, boolean participant) {
        Recommendations r = state(model);
        if ("drafts".equals(what)) {
            if (!participant)
                return Optional.of(Answers.error(
                        "forbidden", "Open your invitation link first: this is for the assembly's participants."));
            return Optional.of(new JsonObject(DecisionView.drafts(r.drafts, r.ballots, model.roster(), Audience.MEMBER)
                    .toString()));
        }
        if (!"ballot".equals(what)) return Optional.empty();
        BallotBox.Ballot ballot =
                r.ballots.ballot(request.getString("ballotId", "")).orElse(null);
        if (ballot == null) return Optional.of(Answers.error("no-such-ballot", "There is no such ballot."));
        if (ballot.isOpen()) {
            return Optional.of(Answers.error(
                            "ballot-open",
                            "This ballot is still open: its choices are sealed until it closes. "
                                    + "Its opening and the number of members who have voted are public now.")
                    .put("opened", BallotRecord.opening(ballot))
                    .put("turnout", ballot.shownTurnout()));
        }
        return Optional.of(
                new JsonObject(BallotRecord.of(model.roster().id(), ballot).toString()));
    }

    @Override
    public Plugin plugin(Engine engine) {
        return new BallotRuntime(engine);
    }

    private static Recommendations state(Model model) {
        return model.slice(NAME, Recommendations.class);
    }
}
