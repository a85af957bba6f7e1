package org.assemblyhub.sortition;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.Quotas;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.select.QuotaExplanation;
import org.assemblyhub.sortition.select.Selection;
import org.assemblyhub.sortition.select.SelectionOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;

class InfeasibleQuotasTest {
    /** Six people; only two are young, and only one young person is a man. */
    static SelectionProblem problem(Quota youngQuota, Quota menQuota) {
        return new SelectionProblem(
                List.of(
                        Pools.person("p1", "gender", "f", "age", "young"),
                        Pools.person("p2", "gender", "m", "age", "young"),
                        Pools.person("p3", "gender", "f", "age", "old"),
                        Pools.person("p4", "gender", "m", "age", "old"),
                        Pools.person("p5", "gender", "f", "age", "old"),
                        Pools.person("p6", "gender", "m", "age", "old")),
                new Quotas(List.of(Quota.of("gender", "f", 1, 3), menQuota, youngQuota, Quota.of("age", "old", 1, 4))),
                4,
                false);
    }

    @Test
    void quotas_no_panel_can_meet_are_explained_with_the_smallest_relaxation_within_the_flex_bounds() {
        SelectionProblem p = problem(new Quota("age", "young", 3, 4, 1, 4), Quota.of("gender", "m", 1, 3));
        for (Algorithm a : Algorithm.values()) {
            SelectionOutcome outcome = Selection.select(p, a, SelectionTest.run());
            assertThat(outcome).as(a.name()).isInstanceOf(SelectionOutcome.Infeasible.class);
            QuotaExplanation e = ((SelectionOutcome.Infeasible) outcome).explanation();
            assertThat(e.features()).containsExactly("age");
            assertThat(e.reasons())
                    .containsExactly("age=young needs at least 3 but the pool has only 2 people with it");
            assertThat(e.withinFlex()).isTrue();
            assertThat(e.relaxations()).hasSize(1);
            assertThat(e.relaxations().get(0).describe()).isEqualTo("age=young: 3-4 → 2-4");
        }
    }

    @Test
    void when_the_flex_bounds_are_too_tight_the_explanation_says_so_and_what_would_be_needed() {
        SelectionProblem p = problem(new Quota("age", "young", 2, 2, 2, 2), new Quota("gender", "m", 4, 4, 4, 4));
        SelectionOutcome outcome = Selection.select(p, Algorithm.LEXIMIN, SelectionTest.run());
        QuotaExplanation e = ((SelectionOutcome.Infeasible) outcome).explanation();
        assertThat(e.withinFlex()).isFalse();
        assertThat(e.reasons()).contains("the flex bounds do not allow enough relaxation");
        assertThat(e.relaxations()).hasSize(1);
        assertThat(e.features()).containsExactly("gender");
        assertThat(e.relaxations().get(0).describe()).isEqualTo("gender=m: 4-4 → 3-4");
    }
}
