package org.assemblyhub.sortition.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.sortition.Pools;
import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.Distribution.WeightedPanel;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.select.SelectionOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The distribution kept across a restart comes back as it was, a run cut short at its budget still said so. */
class DistributionFileTest {
    @Test
    void a_leximin_cut_short_is_still_cut_short_after_a_restart() {
        SelectionProblem problem = Pools.balanced();
        int k = problem.panelSize();
        int[] first = new int[k];
        int[] second = new int[k];
        for (int i = 0; i < k; i++) {
            first[i] = i;
            second[i] = problem.size() - 1 - i;
        }
        Distribution d = Distribution.of(
                List.of(new WeightedPanel(new Panel(first), 0.25), new WeightedPanel(new Panel(second), 0.75)),
                problem.size());
        SelectionOutcome.CutShort cut =
                new SelectionOutcome.CutShort.Leximin(Duration.ofMinutes(20), 7, problem.size());
        SelectionOutcome.Selected written = new SelectionOutcome.Selected(Algorithm.LEXIMIN, d, Optional.of(cut));

        SelectionOutcome.Selected read = DistributionFile.read(DistributionFile.write(written, problem), problem)
                .orElseThrow()
                .selected();
        assertThat(read.algorithm()).isEqualTo(Algorithm.LEXIMIN);
        assertThat(read.cutShort()).contains(cut);
        assertThat(read.distribution().probabilities()).containsExactly(d.probabilities());

        SelectionOutcome.Selected complete = new SelectionOutcome.Selected(Algorithm.MAXIMIN, d);
        assertThat(DistributionFile.read(DistributionFile.write(complete, problem), problem)
                        .orElseThrow()
                        .selected()
                        .complete())
                .isTrue();
    }

    @Test
    void a_goldilocks_cut_short_keeps_its_ratio_and_bound_after_a_restart() {
        SelectionProblem problem = Pools.balanced();
        int k = problem.panelSize();
        int[] first = new int[k];
        for (int i = 0; i < k; i++) first[i] = i;
        Distribution d = Distribution.of(List.of(new WeightedPanel(new Panel(first), 1)), problem.size());
        SelectionOutcome.CutShort cut = new SelectionOutcome.CutShort.Goldilocks(Duration.ofMinutes(20), 2.31, 2.27);
        SelectionOutcome.Selected written = new SelectionOutcome.Selected(Algorithm.GOLDILOCKS, d, Optional.of(cut));

        SelectionOutcome.Selected read = DistributionFile.read(DistributionFile.write(written, problem), problem)
                .orElseThrow()
                .selected();
        assertThat(read.algorithm()).isEqualTo(Algorithm.GOLDILOCKS);
        assertThat(read.cutShort()).contains(cut);
    }
}
