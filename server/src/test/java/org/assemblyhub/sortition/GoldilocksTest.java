package org.assemblyhub.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.Distribution.WeightedPanel;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.PanelRules;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.select.ChanceBounds;
import org.assemblyhub.sortition.select.Selection;
import org.assemblyhub.sortition.select.SelectionOutcome;
import org.assemblyhub.sortition.solver.LinearModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Goldilocks: every chance as close to k/n as possible from both sides, max(max π/c, max c/π) with c = k/n. */
class GoldilocksTest {
    static double objective(SelectionProblem problem, double[] probabilities) {
        double[] seated = Arrays.stream(probabilities).filter(p -> p > 1e-9).toArray();
        double fair = problem.panelSize() / (double) seated.length;
        double worst = 0;
        for (double p : seated) worst = Math.max(worst, Math.max(p / fair, fair / p));
        return worst;
    }

    @Test
    void every_panel_meets_the_quotas_and_the_household_rule_and_probabilities_sum_to_k() {
        for (SelectionProblem problem : List.of(Pools.skewed(), Pools.realistic(120, 18, 21))) {
            Distribution d = SelectionTest.select(problem, Algorithm.GOLDILOCKS);
            for (WeightedPanel wp : d.panels())
                assertThat(PanelRules.broken(problem, wp.panel())).isEmpty();
            assertThat(d.panels().stream().mapToDouble(WeightedPanel::weight).sum())
                    .isCloseTo(1, within(1e-9));
            assertThat(Arrays.stream(d.probabilities()).sum()).isCloseTo(problem.panelSize(), within(1e-6));
        }
    }

    @Test
    void on_a_pool_where_everyone_can_get_k_over_n_goldilocks_gives_everyone_exactly_k_over_n() {
        SelectionProblem problem = Pools.balanced();
        Distribution d = SelectionTest.select(problem, Algorithm.GOLDILOCKS);
        double[] everyone = new double[problem.size()];
        Arrays.fill(everyone, 0.5);
        assertThat(d.probabilities()).containsExactly(everyone, within(1e-6));
        assertThat(objective(problem, d.probabilities())).isCloseTo(1, within(1e-6));
    }

    /**
     * Measured on the skewed pool (k/n = 0.2): highest chance 0.311 with Goldilocks, 0.667 with maximin, 0.5 with
     * leximin; lowest 0.129 (= 9/70), against their 1/6; objective 1.56 against 3.33 and 2.5.
     */
    @Test
    void on_a_skewed_pool_the_highest_chance_is_lower_than_maximins_and_leximins_and_the_lowest_stays_close() {
        SelectionProblem problem = Pools.skewed();
        Distribution goldilocks = SelectionTest.select(problem, Algorithm.GOLDILOCKS);
        Distribution maximin = SelectionTest.select(problem, Algorithm.MAXIMIN);
        Distribution leximin = SelectionTest.select(problem, Algorithm.LEXIMIN);
        assertThat(goldilocks.maximum()).isLessThan(maximin.maximum());
        assertThat(goldilocks.maximum()).isLessThan(leximin.maximum());
        assertThat(goldilocks.maximum()).isCloseTo(0.311, within(0.002));
        assertThat(goldilocks.minimum()).isGreaterThan(maximin.minimum() - 0.04);
        assertThat(objective(problem, goldilocks.probabilities()))
                .isLessThan(objective(problem, leximin.probabilities()))
                .isCloseTo(1.556, within(0.005));
    }

    @Test
    void goldilocks_reaches_the_optimum_found_by_enumerating_every_panel() {
        SplittableRandom random = new SplittableRandom(11);
        int checked = 0;
        for (int instance = 0; instance < 6; instance++) {
            SelectionProblem problem = BruteForceTest.smallInstance(random);
            List<Panel> all = BruteForceTest.feasiblePanels(problem);
            if (all.isEmpty()) continue;
            double optimum = bestObjective(problem, all);
            double found = objective(
                    problem, SelectionTest.select(problem, Algorithm.GOLDILOCKS).probabilities());
            assertThat(found).as("instance " + instance).isCloseTo(optimum, within(1e-3));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    /**
     * The optimum over an explicit list of panels, found another way than the algorithm's: bisection on the objective
     * T, each step a feasibility linear program c/T ≤ π_i ≤ T·c over every panel.
     */
    private static double bestObjective(SelectionProblem problem, List<Panel> panels) {
        int n = problem.size();
        boolean[] canSit = new boolean[n];
        for (Panel p : panels) for (int i : p.members()) canSit[i] = true;
        int seated = 0;
        for (boolean c : canSit) if (c) seated++;
        double fair = problem.panelSize() / (double) seated;
        double low = 1;
        double high = 1 / fair + 1 / fair;
        for (int step = 0; step < 60; step++) {
            double t = (low + high) / 2;
            if (feasible(problem, panels, canSit, fair / t, fair * t)) high = t;
            else low = t;
        }
        return high;
    }

    private static boolean feasible(
            SelectionProblem problem, List<Panel> panels, boolean[] canSit, double floor, double cap) {
        LinearModel m = LinearModel.minimising();
        int[] p = new int[panels.size()];
        for (int j = 0; j < p.length; j++) p[j] = m.variable(0, 1, false, 0);
        m.sum(p, 1, 1);
        for (int i = 0; i < problem.size(); i++) {
            if (!canSit[i]) continue;
            final int person = i;
            int[] containing = IntStream.range(0, p.length)
                    .filter(j -> panels.get(j).contains(person))
                    .toArray();
            m.sum(containing, floor, cap);
        }
        return SelectionTest.SOLVER.solve(m, Duration.ofSeconds(30)).found();
    }

    /** Everyone's index among the people some panel of the distribution holds, as the algorithms count them. */
    private static int[] seatable(Distribution d) {
        int[] row = new int[d.probabilities().length];
        int seated = 0;
        for (int i = 0; i < row.length; i++) row[i] = d.probability(i) > 1e-9 ? seated++ : -1;
        return row;
    }

    @Test
    void the_quotas_bound_every_algorithms_highest_and_lowest_chance_and_so_the_goldilocks_ratio() {
        SelectionProblem problem = Pools.realistic(120, 18, 21);
        for (Algorithm a : List.of(Algorithm.MAXIMIN, Algorithm.LEXIMIN, Algorithm.GOLDILOCKS)) {
            Distribution d = SelectionTest.select(problem, a);
            ChanceBounds bounds = ChanceBounds.of(problem, seatable(d));
            assertThat(bounds.highestAtLeast()).isGreaterThan(bounds.fair());
            assertThat(d.maximum()).as(a.settingName()).isGreaterThanOrEqualTo(bounds.highestAtLeast() - 1e-9);
            assertThat(d.minimum()).as(a.settingName()).isLessThanOrEqualTo(bounds.lowestAtMost() + 1e-9);
            assertThat(objective(problem, d.probabilities())).isGreaterThanOrEqualTo(bounds.ratio() - 1e-9);
        }
    }

    /**
     * At 200/30 every panel needs 5 of the 16 volunteers aged 16–29, so one of them has at least 0.3125 and the ratio
     * is at least 0.3125/0.15: Goldilocks starts where that is reachable and stops there (within its tolerance).
     */
    @Test
    void where_the_quotas_hold_the_highest_chance_goldilocks_reaches_their_bound() {
        SelectionProblem problem = Pools.realistic(200, 30, 2026);
        Distribution goldilocks = SelectionTest.select(problem, Algorithm.GOLDILOCKS);
        ChanceBounds bounds = ChanceBounds.of(problem, seatable(goldilocks));
        assertThat(bounds.highestAtLeast()).isCloseTo(5 / 16.0, within(1e-9));
        assertThat(objective(problem, goldilocks.probabilities()))
                .isBetween(bounds.ratio() - 1e-9, bounds.ratio() * (1 + 1e-3));
    }

    @Test
    void without_a_budget_goldilocks_returns_its_best_distribution_so_far_said_cut_short_and_no_worse_than_maximin() {
        SelectionProblem problem = Pools.skewed();
        SelectionOutcome outcome = Selection.select(
                problem, Algorithm.GOLDILOCKS, SelectionTest.run().withBudget(Duration.ZERO));
        SelectionOutcome.Selected selected = (SelectionOutcome.Selected) outcome;
        Distribution maximin = SelectionTest.select(problem, Algorithm.MAXIMIN);
        double ratio = objective(problem, selected.distribution().probabilities());
        assertThat(selected.complete()).isFalse();
        SelectionOutcome.CutShort.Goldilocks cut =
                (SelectionOutcome.CutShort.Goldilocks) selected.cutShort().orElseThrow();
        assertThat(cut.ratio()).isCloseTo(ratio, within(1e-6));
        assertThat(cut.bound()).isLessThanOrEqualTo(ratio);
        assertThat(ratio).isLessThanOrEqualTo(objective(problem, maximin.probabilities()) + 1e-9);
        for (WeightedPanel wp : selected.distribution().panels())
            assertThat(PanelRules.broken(problem, wp.panel())).isEmpty();
    }
}
