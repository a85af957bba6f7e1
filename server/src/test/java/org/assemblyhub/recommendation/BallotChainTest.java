package org.assemblyhub.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Rejection;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.agreement.AdoptionRule;
import org.assemblyhub.recommendation.domain.Analysis;
import org.assemblyhub.recommendation.domain.BallotBox;
import org.assemblyhub.recommendation.domain.BallotChain;
import org.assemblyhub.recommendation.domain.BallotCommand.*;
import org.assemblyhub.recommendation.domain.BallotDecider;
import org.assemblyhub.recommendation.domain.BallotEvent;
import org.assemblyhub.recommendation.domain.DraftEvent;
import org.assemblyhub.recommendation.domain.Drafts;
import org.assemblyhub.recommendation.export.BallotRecord;
import org.assemblyhub.recommendation.verify.BallotVerifier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

class BallotChainTest {
    private static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");
    private final Drafts drafts = new Drafts();
    private final BallotBox box = new BallotBox();
    private final SplittableRandom random = new SplittableRandom(7);
    private int secrets;

    private String secret() {
        return String.format("%032x", ++secrets);
    }

    private void apply(List<DomainEvent> events) {
        for (DomainEvent e : events) box.evolve((BallotEvent) e);
    }

    private BallotDecider.Pooled cast(String person, List<Integer> levels, String secret, String previous) {
        var pooled = BallotDecider.castPooled(
                box, List.of(new CastPooled.Cast(person, new CastBallot("b1", levels, secret, previous))), random);
        apply(pooled.events());
        return pooled;
    }

    private void open(List<String> roll) {
        drafts.evolve(
                new DraftEvent.DraftProposed("d1", "Cycle lanes", "Build them", Analysis.EMPTY, 1, null, "f1", NOW));
        drafts.evolve(new DraftEvent.DraftProposed("d2", "Trees", "Plant them", Analysis.EMPTY, 2, null, "f2", NOW));
        Verdict d = BallotDecider.open(
                box, drafts, true, new OpenBallot("Final vote", List.of("d1", "d2"), AdoptionRule.DEFAULT), roll, NOW);
        apply(((Verdict.Accepted) d).events());
    }

    private void close() {
        apply(((Verdict.Accepted) BallotDecider.close(box, true, new CloseBallot("b1"), NOW.plusSeconds(600)))
                .events());
    }

    @Test
    void a_changed_vote_supersedes_the_earlier_tracker_and_only_the_last_one_counts() {
        open(List.of("m1", "m2", "m3"));
        String first = secret();
        String firstTracker =
                (String) cast("m1", List.of(4, 4), first, null).answers().get(0);
        String secondTracker =
                (String) cast("m1", List.of(1, 2), secret(), first).answers().get(0);
        cast("m2", List.of(1, 1), secret(), null);
        close();

        var ballot = box.ballot("b1").orElseThrow();
        assertThat(ballot.isSuperseded(firstTracker)).isTrue();
        assertThat(ballot.live())
                .containsOnlyKeys(
                        secondTracker,
                        ballot.live().keySet().stream()
                                .filter(t -> !t.equals(secondTracker))
                                .findFirst()
                                .orElseThrow());
        assertThat(ballot.turnout()).isEqualTo(2);
        assertThat(ballot.tallied().orElseThrow().fields().get("item.1"))
                .isEqualTo("levels=2,0,0,0,0 support=2 base=2 outcome=adopted");
    }

    @Test
    void a_second_first_vote_a_voter_off_the_roll_a_wrong_receipt_and_a_reused_secret_are_refused() {
        open(List.of("m1", "m2"));
        String s = secret();
        cast("m1", List.of(1, 1), s, null);

        assertThat(((Rejection) cast("m1", List.of(2, 2), secret(), null)
                                .answers()
                                .get(0))
                        .code())
                .isEqualTo("already-voted");
        assertThat(((Rejection) cast("x9", List.of(2, 2), secret(), null)
                                .answers()
                                .get(0))
                        .code())
                .isEqualTo("not-on-roll");
        assertThat(((Rejection) cast("m1", List.of(2, 2), secret(), secret())
                                .answers()
                                .get(0))
                        .code())
                .isEqualTo("unknown-receipt");
        assertThat(((Rejection) cast("m2", List.of(2, 2), s, null).answers().get(0)).code())
                .isEqualTo("secret-reused");
        assertThat(((Rejection) cast("m2", List.of(2, 9), secret(), null)
                                .answers()
                                .get(0))
                        .code())
                .isEqualTo("invalid-choice");
        assertThat(((Rejection) cast("m2", List.of(2), secret(), null).answers().get(0)).code())
                .isEqualTo("invalid-choice");
        close();
        assertThat(((Rejection) cast("m2", List.of(2, 2), secret(), null)
                                .answers()
                                .get(0))
                        .code())
                .isEqualTo("ballot-closed");
        assertThat(box.ballot("b1").orElseThrow().live()).hasSize(1);
    }

    @Test
    void in_a_pool_roll_marks_come_first_and_no_event_holds_both_a_person_and_a_choice() {
        open(List.of("m1", "m2", "m3", "m4"));
        List<CastPooled.Cast> casts = List.of("m3", "m1", "m4", "m2").stream()
                .map(p -> new CastPooled.Cast(p, new CastBallot("b1", List.of(1, 5), secret(), null)))
                .toList();

        var pooled = BallotDecider.castPooled(box, casts, random);

        assertThat(pooled.events().subList(0, 4))
                .extracting(e -> ((BallotEvent.BallotVoted) e).personId())
                .containsExactly("m1", "m2", "m3", "m4");
        assertThat(pooled.events().subList(4, 8)).allSatisfy(e -> {
            assertThat(e).isInstanceOf(BallotEvent.ChoiceSealed.class);
            assertThat(e.toString()).doesNotContain("m1", "m2", "m3", "m4");
        });
    }

    @Test
    void the_verifier_recounts_an_intact_record_and_names_the_first_altered_entry() {
        open(List.of("m1", "m2", "m3", "m4", "m5"));
        for (String m : List.of("m1", "m2", "m3", "m4")) cast(m, List.of(1, 4), secret(), null);
        close();
        ObjectNode record = BallotRecord.of("a1", box.ballot("b1").orElseThrow());

        var ok = BallotVerifier.verify(
                record, box.ballot("b1").orElseThrow().head().hash());
        assertThat(ok.ok()).as(String.valueOf(ok.problem())).isTrue();
        assertThat(String.join("\n", ok.lines()))
                .contains("4 ballots counted")
                .contains("outcome=adopted")
                .contains("outcome=not-adopted");

        ObjectNode third = (ObjectNode) record.get("entries").get(2).get("fields");
        third.put("choice", "4,1"); // someone rewrites one stored choice
        var altered = BallotVerifier.verify(record, null);
        assertThat(altered.ok()).isFalse();
        assertThat(altered.problem()).startsWith("entry 3 (accepted): its hash does not match");
    }

    @Test
    void a_record_rehashed_after_tampering_no_longer_ends_at_the_head_that_was_shown() {
        open(List.of("m1", "m2"));
        cast("m1", List.of(1, 1), secret(), null);
        close();
        String shownHead = box.ballot("b1").orElseThrow().head().hash();
        ObjectNode record = BallotRecord.of("a1", box.ballot("b1").orElseThrow());
        ((ArrayNode) record.get("entries")).remove(3);
        ((ArrayNode) record.get("entries")).remove(2);

        assertThat(BallotVerifier.verify(record, shownHead).problem()).contains("does not contain the head");
    }

    @Test
    void a_latecomer_joins_the_roll_votes_and_the_record_still_verifies_with_the_larger_roll() {
        open(List.of("m1", "m2", "m3"));
        apply(List.copyOf(BallotDecider.latecomer(box, "m4", NOW.plusSeconds(60))));
        assertThat(BallotDecider.latecomer(box, "m4", NOW.plusSeconds(90))).isEmpty(); // already on the roll
        var ballot = box.ballot("b1").orElseThrow();
        assertThat(ballot.rollSize()).isEqualTo(4);
        assertThat(ballot.rollFingerprint()).isEqualTo(BallotChain.fingerprint(List.of("m1", "m2", "m3", "m4"), null));
        for (String m : List.of("m1", "m2", "m4")) cast(m, List.of(1, 4), secret(), null);
        close();
        ObjectNode record = BallotRecord.of("a1", box.ballot("b1").orElseThrow());
        var ok = BallotVerifier.verify(record, null);
        assertThat(ok.ok()).as(String.valueOf(ok.problem())).isTrue();
        assertThat(String.join("\n", ok.lines()))
                .contains("3 ballots counted, 4 members on the roll (1 joined after it opened)");

        ObjectNode extended = (ObjectNode) record.get("entries").get(1).get("fields");
        extended.put("roll.size", "9"); // someone inflates the roll to bend the quorum
        assertThat(BallotVerifier.verify(record, null).problem()).startsWith("entry 2 (roll-extended)");
    }
}
