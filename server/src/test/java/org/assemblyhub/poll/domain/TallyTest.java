package org.assemblyhub.poll.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.kernel.agreement.AdoptionRule;
import org.assemblyhub.kernel.agreement.AgreementTally;
import org.assemblyhub.kernel.agreement.Fraction;
import org.assemblyhub.kernel.agreement.Level;
import org.assemblyhub.kernel.agreement.Outcome;
import org.assemblyhub.kernel.agreement.Scale;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

class TallyTest {
    private static final int A = 0, B = 1, C = 2, D = 3, E = 4;

    private static void add(List<List<Integer>> ballots, int times, Integer... ranking) {
        for (int i = 0; i < times; i++) ballots.add(List.of(ranking));
    }

    @Test
    void schulze_finds_e_on_the_published_45_voter_example_with_its_pairwise_and_strongest_paths() {
        // The worked example of Schulze's method as published on Wikipedia (45 voters, 5 candidates).
        List<List<Integer>> ballots = new ArrayList<>();
        add(ballots, 5, A, C, B, E, D);
        add(ballots, 5, A, D, E, C, B);
        add(ballots, 8, B, E, D, A, C);
        add(ballots, 3, C, A, B, E, D);
        add(ballots, 7, C, A, E, B, D);
        add(ballots, 2, C, B, A, D, E);
        add(ballots, 7, D, C, E, B, A);
        add(ballots, 8, E, B, A, D, C);

        Schulze s = Schulze.of(5, ballots);

        assertThat(s.pairwise()[A]).containsExactly(0, 20, 26, 30, 22);
        assertThat(s.pairwise()[E]).containsExactly(23, 27, 21, 31, 0);
        assertThat(s.strongest()[E]).containsExactly(25, 28, 28, 31, 0);
        assertThat(s.strongest()[A]).containsExactly(0, 28, 28, 30, 24);
        assertThat(s.winners()).containsExactly(E);
        assertThat(s.ranking()).containsExactly(List.of(E), List.of(A), List.of(C), List.of(B), List.of(D));
    }

    @Test
    void schulze_reports_a_tie_when_voters_are_split_evenly() {
        List<List<Integer>> ballots = new ArrayList<>();
        add(ballots, 2, A, B);
        add(ballots, 2, B, A);

        assertThat(Schulze.of(2, ballots).winners()).containsExactly(A, B);
    }

    @Test
    void schulze_ranks_options_left_out_of_a_ballot_below_the_listed_ones() {
        List<List<Integer>> ballots = new ArrayList<>();
        add(ballots, 3, C);
        add(ballots, 2, A, B, C);

        assertThat(Schulze.of(3, ballots).ranking().get(0)).containsExactly(C);
    }

    @Test
    void modified_borda_gives_m_points_to_the_first_of_m_ranked_options_and_none_to_unranked_ones() {
        List<List<Integer>> ballots = new ArrayList<>();
        add(ballots, 2, A, B, C);
        add(ballots, 1, B);
        add(ballots, 1, C, A);

        assertThat(ModifiedBorda.points(3, ballots)).containsExactly(7, 5, 4);
    }

    private static List<Integer> votes(int supportLevel, int support, int otherLevel, int other) {
        List<Integer> v = new ArrayList<>(Collections.nCopies(support, supportLevel));
        v.addAll(Collections.nCopies(other, otherLevel));
        return v;
    }

    private static final AdoptionRule NO_QUORUM = new AdoptionRule(
            new Fraction(4, 5), AdoptionRule.Base.VALID_VOTES, null, AdoptionRule.BlockEffect.DISCUSS, null);

    @Test
    void a_support_of_exactly_80_percent_is_adopted_and_79_point_9_percent_is_not() {
        AgreementTally at80 = AgreementTally.of(Scale.SUPPORT, votes(1, 800, 4, 200), 1000, NO_QUORUM);
        AgreementTally at799 = AgreementTally.of(Scale.SUPPORT, votes(1, 799, 4, 201), 1000, NO_QUORUM);

        assertThat(at80.outcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(at799.outcome()).isEqualTo(Outcome.NOT_ADOPTED);
        assertThat(at799.reason()).contains("799 support of 1000 does not reach 4/5");
    }

    @Test
    void abstentions_leave_the_valid_votes_base_but_count_in_the_ballots_cast_base() {
        List<Integer> v = votes(2, 8, 4, 1);
        v.add(3); // one abstention: 8 of 9 valid votes, 8 of 10 cast
        AgreementTally valid = AgreementTally.of(Scale.SUPPORT, v, 10, NO_QUORUM);
        AgreementTally cast = AgreementTally.of(
                Scale.SUPPORT,
                v,
                10,
                new AdoptionRule(
                        new Fraction(9, 10),
                        AdoptionRule.Base.BALLOTS_CAST,
                        null,
                        AdoptionRule.BlockEffect.DISCUSS,
                        null));

        assertThat(valid.base()).isEqualTo(9);
        assertThat(valid.outcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(cast.base()).isEqualTo(10);
        assertThat(cast.outcome()).isEqualTo(Outcome.NOT_ADOPTED);
    }

    @Test
    void a_result_without_its_quorum_is_not_read_at_all() {
        AgreementTally t = AgreementTally.of(Scale.SUPPORT, votes(1, 13, 4, 0), 20, AdoptionRule.DEFAULT);
        AgreementTally reached = AgreementTally.of(Scale.SUPPORT, votes(1, 14, 4, 0), 21, AdoptionRule.DEFAULT);

        assertThat(t.outcome()).isEqualTo(Outcome.NO_QUORUM);
        assertThat(t.reason()).contains("13 of 20");
        assertThat(reached.outcome()).isEqualTo(Outcome.ADOPTED);
    }

    @Test
    void a_tie_at_half_support_is_not_adopted_under_a_majority_threshold_of_more_than_half() {
        AdoptionRule majority = new AdoptionRule(
                new Fraction(51, 100), AdoptionRule.Base.VALID_VOTES, null, AdoptionRule.BlockEffect.OPPOSE, null);
        assertThat(AgreementTally.of(Scale.SUPPORT, votes(1, 5, 5, 5), 10, majority)
                        .outcome())
                .isEqualTo(Outcome.NOT_ADOPTED);
    }

    @Test
    void one_block_in_gradients_of_agreement_does_what_the_rule_says() {
        List<Integer> v = votes(1, 19, 8, 1);
        AdoptionRule veto = new AdoptionRule(
                new Fraction(4, 5), AdoptionRule.Base.VALID_VOTES, null, AdoptionRule.BlockEffect.VETO, null);
        AdoptionRule oppose = new AdoptionRule(
                new Fraction(4, 5), AdoptionRule.Base.VALID_VOTES, null, AdoptionRule.BlockEffect.OPPOSE, null);

        assertThat(AgreementTally.of(Scale.GRADIENTS, v, 20, AdoptionRule.DEFAULT)
                        .outcome())
                .isEqualTo(Outcome.ANOTHER_ROUND);
        assertThat(AgreementTally.of(Scale.GRADIENTS, v, 20, veto).outcome()).isEqualTo(Outcome.NOT_ADOPTED);
        assertThat(AgreementTally.of(Scale.GRADIENTS, v, 20, oppose).outcome()).isEqualTo(Outcome.ADOPTED);
    }

    @Test
    void twenty_percent_asking_for_more_discussion_call_for_another_round() {
        List<Integer> v = votes(1, 8, 5, 2); // 2 of 10 at level 5, "more discussion needed"
        List<Integer> fewer = votes(1, 9, 5, 1);

        assertThat(AgreementTally.of(Scale.GRADIENTS, v, 10, AdoptionRule.DEFAULT)
                        .outcome())
                .isEqualTo(Outcome.ANOTHER_ROUND);
        assertThat(AgreementTally.of(Scale.GRADIENTS, fewer, 10, AdoptionRule.DEFAULT)
                        .outcome())
                .isEqualTo(Outcome.ADOPTED);
    }

    @Test
    void sociocratic_consent_with_one_objection_is_not_given() {
        List<Integer> v = votes(1, 11, 3, 1);

        AgreementTally t = AgreementTally.of(Scale.CONSENT, v, 12, AdoptionRule.DEFAULT);

        assertThat(t.outcome()).isEqualTo(Outcome.ANOTHER_ROUND);
        assertThat(t.byLevel().get(Level.BLOCK)).isEqualTo(1);
    }

    @Test
    void fist_to_five_counts_three_to_five_as_support() {
        AgreementTally t = AgreementTally.of(Scale.FIST, List.of(3, 4, 5, 5, 1), 5, AdoptionRule.DEFAULT);

        assertThat(t.support()).isEqualTo(4);
        assertThat(t.outcome()).isEqualTo(Outcome.ADOPTED);
    }

    @Test
    void a_rule_reads_back_from_its_one_line_description() {
        AdoptionRule rule = new AdoptionRule(
                new Fraction(2, 3),
                AdoptionRule.Base.ALL_MEMBERS,
                null,
                AdoptionRule.BlockEffect.VETO,
                new Fraction(1, 4));
        assertThat(AdoptionRule.parse(rule.describe())).isEqualTo(rule);
        assertThat(AdoptionRule.parse(AdoptionRule.DEFAULT.describe())).isEqualTo(AdoptionRule.DEFAULT);
    }

    @Test
    void the_word_cloud_counts_each_word_once_per_answer_and_leaves_out_little_words() {
        var words = WordCloud.of(
                List.of("More trees, more TREES!", "Trees and bikes", "des vélos et des arbres", "vélos"), 10);

        assertThat(words).startsWith(new WordCloud.Word("trees", 2), new WordCloud.Word("vélos", 2));
        assertThat(words).extracting(WordCloud.Word::word).doesNotContain("and", "des", "more", "et");
    }
}
