package org.assemblyhub.recommendation.domain;

import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Rejection;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.agreement.Scale;
import org.assemblyhub.recommendation.domain.BallotCommand.*;
import org.assemblyhub.recommendation.domain.BallotEvent.*;

import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.random.RandomGenerator;

/**
 * Final ballots. The lead (or an organiser) opens one in the decision phase on drafts as they stand, with the seated
 * members as its roll, and closes it; each member on the roll casts one ballot and may replace it while it is open
 * with the secret of the one they cast. Choices stay sealed while it is open; closing puts them in the public chain,
 * ordered by tracker, then the count.
 */
public final class BallotDecider {
    /** The turnout everyone sees moves at most this often while a ballot is open. */
    public static final Duration TURNOUT_INTERVAL = Duration.ofSeconds(20);

    /** The events of a pool of casts, and each cast's answer: its tracker, or why it was refused. */
    public record Pooled(List<DomainEvent> events, List<Object> answers) {}

    private BallotDecider() {}

    public static Verdict open(
            BallotBox box, Drafts drafts, boolean leads, OpenBallot c, List<String> seated, Instant now) {
        if (!leads) return Verdict.reject("forbidden", "Only the lead facilitator opens a ballot.");
        if (c.title() == null || c.title().isBlank() || c.title().length() > 200)
            return Verdict.reject("invalid-ballot", "Give the ballot a title (at most 200 characters).");
        if (c.draftIds().isEmpty() || c.draftIds().size() > 50)
            return Verdict.reject("invalid-ballot", "Put 1 to 50 drafts to the vote.");
        if (new HashSet<>(c.draftIds()).size() != c.draftIds().size())
            return Verdict.reject("invalid-ballot", "A draft is listed twice.");
        List<BallotSpec.Item> items = new ArrayList<>();
        for (String id : c.draftIds()) {
            var draft = drafts.draft(id).orElse(null);
            if (draft == null) return Verdict.reject("no-such-draft", "There is no draft " + id + ".");
            if (box.underVote(id))
                return Verdict.reject("already-under-vote", "Draft " + id + " is already under an open ballot.");
            items.add(new BallotSpec.Item(
                    id, draft.latest().version(), draft.latest().title()));
        }
        if (seated.isEmpty()) return Verdict.reject("nobody-to-ask", "No member is seated: nobody could vote.");
        BallotSpec spec = new BallotSpec(c.title().strip(), items, c.rule() == null ? box.defaultRule() : c.rule());
        String id = "b" + (box.count() + 1);
        List<String> roll = seated.stream().sorted().toList();
        AuditEntry first =
                AuditEntry.next(id, null, BallotChain.OPENED, BallotChain.opened(spec, roll, c.rollSalt(), now));
        return Verdict.accept(new BallotOpened(id, spec, roll, first, c.rollSalt()));
    }

    /** An organiser's default rule for the ballots to come; the same rule again records nothing. */
    public static Verdict setDefaultRule(BallotBox box, SetDefaultRule c) {
        if (c.rule().equals(box.defaultRule())) return Verdict.accept(List.of());
        return Verdict.accept(new DefaultRuleSet(c.rule()));
    }

    /**
     * Decides a pool of casts in a random order (so that the journal's order of choices is not the order they came
     * in); roll marks come first, sorted by person; then the sealed choices in that random order.
     */
    public static Pooled castPooled(BallotBox box, List<CastPooled.Cast> casts, RandomGenerator random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < casts.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(random.nextLong()));
        Object[] answers = new Object[casts.size()];
        List<BallotVoted> marks = new ArrayList<>();
        List<DomainEvent> records = new ArrayList<>();
        Set<String> votedNow = new HashSet<>();
        Set<String> takenNow = new HashSet<>();
        for (int i : order) {
            CastPooled.Cast cast = casts.get(i);
            CastBallot c = cast.ballot();
            BallotBox.Ballot ballot = box.ballot(c.ballotId()).orElse(null);
            Rejection problem = problem(ballot, cast.personId(), c, votedNow, takenNow);
            if (problem != null) {
                answers[i] = problem;
                continue;
            }
            String tracker = Trackers.of(ballot.id(), c.secret());
            String replaces = c.previousSecret() == null ? null : Trackers.of(ballot.id(), c.previousSecret());
            marks.add(new BallotVoted(
                    ballot.id(), cast.personId(), Trackers.owner(ballot.id(), cast.personId(), c.secret())));
            records.add(new ChoiceSealed(ballot.id(), tracker, List.copyOf(c.levels()), replaces));
            votedNow.add(ballot.id() + "/" + cast.personId());
            takenNow.add(tracker);
            answers[i] = tracker;
        }
        marks.sort(Comparator.comparing(BallotVoted::personId));
        List<DomainEvent> events = new ArrayList<>(marks);
        events.addAll(records);
        return new Pooled(events, Arrays.asList(answers));
    }

    private static Rejection problem(
            BallotBox.Ballot ballot, String personId, CastBallot c, Set<String> votedNow, Set<String> takenNow) {
        if (ballot == null) return Rejection.of("no-such-ballot", "There is no such ballot.");
        if (!ballot.isOpen()) return Rejection.of("ballot-closed", "This ballot is closed: votes are no longer taken.");
        if (personId == null || !ballot.onRoll(personId)) {
            return Rejection.of("not-on-roll", "You are not on this ballot's roll: only members vote.");
        }
        if (votedNow.contains(ballot.id() + "/" + personId))
            return Rejection.of("vote-in-progress", "Your vote is already being recorded.");
        int items = ballot.spec().items().size();
        if (c.levels() == null || c.levels().size() != items)
            return Rejection.of("invalid-choice", "Give one answer for each of the " + items + " recommendations.");
        if (c.levels().stream()
                .anyMatch(v -> v == null || v < Scale.SUPPORT.firstLevel() || v > Scale.SUPPORT.lastLevel())) {
            return Rejection.of(
                    "invalid-choice",
                    "Each answer is a level from " + Scale.SUPPORT.firstLevel() + " to " + Scale.SUPPORT.lastLevel()
                            + ".");
        }
        if (!Trackers.validSecret(c.secret()))
            return Rejection.of("invalid-secret", "The ballot's secret must be 32 to 128 hexadecimal digits.");
        String tracker = Trackers.of(ballot.id(), c.secret());
        if (ballot.live().containsKey(tracker) || ballot.isSuperseded(tracker) || takenNow.contains(tracker)) {
            return Rejection.of(
                    "secret-reused", "This secret was used already: your browser must make a new one for each ballot.");
        }
        boolean voted = ballot.hasVoted(personId);
        if (c.previousSecret() == null) {
            return voted
                    ? Rejection.of(
                            "already-voted",
                            "You have voted already. To change your vote, use the device you voted with: it keeps your receipt.")
                    : null;
        }
        if (!voted) return Rejection.of("no-earlier-vote", "You have no earlier vote to change.");
        if (!Trackers.validSecret(c.previousSecret())
                || !ballot.live().containsKey(Trackers.of(ballot.id(), c.previousSecret()))) {
            return Rejection.of("unknown-receipt", "This receipt does not match a ballot that counts now.");
        }
        // Only the member who cast a ballot replaces it: someone who learnt another member's secret cannot.
        String owner = ballot.owner(personId).orElse(null);
        if (owner != null && !owner.equals(Trackers.owner(ballot.id(), personId, c.previousSecret()))) {
            return Rejection.of("unknown-receipt", "This receipt does not match a ballot that counts now.");
        }
        return null;
    }

    public static Verdict close(BallotBox box, boolean leads, CloseBallot c, Instant now) {
        if (!leads) return Verdict.reject("forbidden", "Only the lead facilitator closes a ballot.");
        BallotBox.Ballot ballot = box.ballot(c.ballotId()).orElse(null);
        if (ballot == null) return Verdict.reject("no-such-ballot", "There is no such ballot.");
        if (!ballot.isOpen()) return Verdict.reject("ballot-closed", "This ballot is already closed.");
        // The sealed choices enter the public chain now, ordered by tracker: nothing in it says when each was made.
        List<AuditEntry> chain = new ArrayList<>(ballot.chain());
        List<DomainEvent> events = new ArrayList<>();
        AuditEntry head = ballot.head();
        for (String replaced : new TreeSet<>(ballot.replacedInChain())) {
            head = AuditEntry.next(ballot.id(), head, BallotChain.SUPERSEDED, BallotChain.superseded(replaced));
            chain.add(head);
            events.add(new BallotRecorded(ballot.id(), head));
        }
        for (Map.Entry<String, List<Integer>> sealed : ballot.sealed().entrySet()) {
            head = AuditEntry.next(
                    ballot.id(), head, BallotChain.ACCEPTED, BallotChain.accepted(sealed.getKey(), sealed.getValue()));
            chain.add(head);
            events.add(new BallotRecorded(ballot.id(), head));
        }
        AuditEntry closed = AuditEntry.next(
                ballot.id(),
                head,
                BallotChain.CLOSED,
                BallotChain.closed(ballot.turnout(), ballot.live().size(), now));
        chain.add(closed);
        AuditEntry tallied = AuditEntry.next(ballot.id(), closed, BallotChain.TALLIED, BallotChain.tally(chain));
        events.add(new BallotRecorded(ballot.id(), closed));
        events.add(new BallotRecorded(ballot.id(), tallied));
        return Verdict.accept(events);
    }

    /**
     * The hub's timer, at a tick of its fixed grid (every {@link #TURNOUT_INTERVAL} of the wall clock): each open
     * ballot whose turnout moved since it was last shown shows it now. Between ticks nobody sees a vote land.
     */
    public static Verdict showTurnout(BallotBox box, Instant now) {
        List<DomainEvent> events = new ArrayList<>();
        for (BallotBox.Ballot b : box.all()) {
            if (b.isOpen() && b.turnout() != b.shownTurnout()) events.add(new TurnoutShown(b.id(), b.turnout(), now));
        }
        return Verdict.accept(events);
    }

    /**
     * The first tick of the turnout's grid strictly after {@code now}: the wall clock's :00, :20, :40 of each minute.
     */
    public static Instant nextTick(Instant now) {
        long interval = TURNOUT_INTERVAL.toMillis();
        return Instant.ofEpochMilli((Math.floorDiv(now.toEpochMilli(), interval) + 1) * interval);
    }

    /**
     * A member has arrived: they join the roll of every open ballot they are not on, so latecomers vote too, and the
     * public chain says how many may vote now.
     */
    public static List<BallotEvent> latecomer(BallotBox box, String personId, Instant now) {
        List<BallotEvent> events = new ArrayList<>();
        for (BallotBox.Ballot ballot : box.all()) {
            if (!ballot.isOpen() || ballot.onRoll(personId)) continue;
            List<String> roll = new ArrayList<>(ballot.roll());
            roll.add(personId);
            events.add(new VoterAdded(ballot.id(), personId));
            events.add(new BallotRecorded(
                    ballot.id(),
                    AuditEntry.next(
                            ballot.id(),
                            ballot.head(),
                            BallotChain.ROLL_EXTENDED,
                            BallotChain.rollExtended(roll, ballot.rollSalt(), now))));
        }
        return events;
    }

    /** Where this member stands: whether the ballot is open, they are on its roll and have voted (for their eyes). */
    public static Verdict standing(BallotBox box, String personId, Standing c) {
        BallotBox.Ballot ballot = box.ballot(c.ballotId()).orElse(null);
        if (ballot == null) return Verdict.reject("no-such-ballot", "There is no such ballot.");
        return new Verdict.Answered(Map.of(
                "ballotId",
                ballot.id(),
                "open",
                ballot.isOpen(),
                "onRoll",
                personId != null && ballot.onRoll(personId),
                "voted",
                personId != null && ballot.hasVoted(personId)));
    }

    /** The state of one's own ballot, found from its secret; nothing is recorded and nobody else learns of it. */
    public static Verdict receipt(BallotBox box, FindReceipt c) {
        BallotBox.Ballot ballot = box.ballot(c.ballotId()).orElse(null);
        if (ballot == null) return Verdict.reject("no-such-ballot", "There is no such ballot.");
        if (!Trackers.validSecret(c.secret())) return Verdict.reject("invalid-secret", "This is not a ballot secret.");
        String tracker = Trackers.of(ballot.id(), c.secret());
        String status = ballot.live().containsKey(tracker)
                ? "counted"
                : ballot.isSuperseded(tracker) ? "superseded" : "unknown";
        return new Verdict.Answered(
                Map.of("ballotId", ballot.id(), "tracker", tracker, "status", status, "closed", !ballot.isOpen()));
    }
}
