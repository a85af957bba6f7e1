package org.assemblyhub.sortition.select;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.sortition.Pools;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.PanelRules;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.solver.ortools.OrToolsSolver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

class PanelSwapsTest {
    @Test
    void swapping_members_gives_heavier_panels_that_still_meet_the_quotas_and_the_household_rule() {
        SelectionProblem problem = Pools.realistic(150, 24, 4);
        PanelSearch search = new PanelSearch(problem, new OrToolsSolver(), Duration.ofSeconds(30));
        SplittableRandom random = new SplittableRandom(3);
        PanelSwaps swaps = new PanelSwaps(problem);
        List<Panel> starts = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            double[] noise = new double[problem.size()];
            for (int i = 0; i < noise.length; i++) noise[i] = random.nextDouble();
            Optional<PanelSearch.Found> found = search.heaviest(noise);
            assertThat(found).isPresent();
            starts.add(found.get().panel());
        }
        double[] weights = new double[problem.size()];
        for (int i = 0; i < weights.length; i++) weights[i] = random.nextDouble();
        double heaviestStart = starts.stream()
                .mapToDouble(p -> PanelSwaps.weight(p, weights))
                .max()
                .orElseThrow();
        Set<Panel> known = new HashSet<>(starts);
        List<Panel> found = swaps.heavierThan(starts, weights, heaviestStart, 6, known);

        assertThat(found).isNotEmpty().doesNotContainAnyElementsOf(known);
        for (Panel p : found) {
            assertThat(PanelRules.broken(problem, p)).isEmpty();
            assertThat(PanelSwaps.weight(p, weights)).isGreaterThan(heaviestStart);
        }
        double best = search.heaviest(weights).orElseThrow().weight();
        for (Panel p : found) assertThat(PanelSwaps.weight(p, weights)).isLessThanOrEqualTo(best + 1e-9);
    }
}
