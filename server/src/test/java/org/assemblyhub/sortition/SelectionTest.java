package org.assemblyhub.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.Distribution.WeightedPanel;
import org.assemblyhub.sortition.domain.PanelRules;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.select.Selection;
import org.assemblyhub.sortition.select.SelectionOutcome;
import org.assemblyhub.sortition.select.SelectionRun;
import org.assemblyhub.sortition.solver.ortools.OrToolsSolver;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

class SelectionTest {
    static final OrToolsSolver SOLVER = new OrToolsSolver();

    static Distribution select(SelectionProblem problem, Algorithm algorithm) {
        SelectionOutcome outcome = Selection.select(problem, algorithm, SelectionRun.of(SOLVER, new SplittableRandom(7)));
        assertThat(outcome).isInstanceOf(SelectionOutcome.Selected.class);
        return ((SelectionOutcome.Selected) outcome).distribution();
    }

    @Test
    void on_a_balanced_pool_everyone_gets_k_over_n() {
        for (Algorithm a : Algorithm.values()) {
            if (a == Algorithm.LEGACY) continue;
            Distribution d = select(Pools.balanced(), a);
            assertThat(d.minimum()).as(a.name()).isCloseTo(0.5, within(1e-6));
        }
    }

    @Test
    void every_panel_meets_the_quotas_and_probabilities_sum_to_k() {
        SelectionProblem problem = Pools.skewed();
        for (Algorithm a : Algorithm.values()) {
            Distribution d = select(problem, a);
            for (WeightedPanel wp : d.panels()) assertThat(PanelRules.broken(problem, wp.panel())).isEmpty();
            assertThat(Arrays.stream(d.probabilities()).sum()).isCloseTo(problem.panelSize(), within(1e-6));
            System.out.println(a + " min " + d.minimum() + " max " + d.maximum() + " panels " + d.panels().size());
        }
    }
}
