package org.assemblyhub.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.PanelRules;
import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.Quotas;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.domain.Volunteer;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.solver.LinearModel;
import org.assemblyhub.sortition.solver.Solution;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Small instances solved the slow way: every panel of the pool enumerated, and leximin found with the primal linear
 * programs alone (raise the lowest unfixed probability; fix whoever cannot go above it) — no column generation, no
 * duals — to check the column generation reaches the same optimum.
 */
class BruteForceTest {
    @Test
    void leximin_and_maximin_reach_the_optimum_found_by_enumerating_every_panel() {
        SplittableRandom random = new SplittableRandom(11);
        int checked = 0;
        for (int instance = 0; instance < 6; instance++) {
            SelectionProblem problem = smallInstance(random);
            List<Panel> all = feasiblePanels(problem);
            if (all.isEmpty()) continue;
            double[] optimum = leximin(problem, all);
            checked++;
            double[] leximin = SelectionTest.select(problem, Algorithm.LEXIMIN).probabilities();
            double[] maximin = SelectionTest.select(problem, Algorithm.MAXIMIN).probabilities();
            assertThat(sorted(leximin))
                    .as("leximin, instance " + instance)
                    .containsExactly(sorted(optimum), within(1e-4));
            assertThat(Arrays.stream(maximin).min().orElseThrow())
                    .as("maximin, instance " + instance)
                    .isCloseTo(Arrays.stream(optimum).min().orElseThrow(), within(1e-4));
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    static SelectionProblem smallInstance(SplittableRandom random) {
        List<Volunteer> pool = new ArrayList<>();
        String[] genders = {"f", "m"};
        String[] ages = {"young", "middle", "old"};
        for (int i = 0; i < 10; i++) {
            String household = i == 3 || i == 4 ? "shared" : "h" + i;
            pool.add(Pools.inHousehold(
                    "p" + i, household, "gender", genders[random.nextInt(2)], "age", ages[random.nextInt(3)]));
        }
        Quotas quotas = new Quotas(List.of(
                Quota.of("gender", "f", 2, 3),
                Quota.of("gender", "m", 1, 2),
                Quota.of("age", "young", 1, 2),
                Quota.of("age", "middle", 1, 2),
                Quota.of("age", "old", 1, 2)));
        return new SelectionProblem(pool, quotas, 4, true);
    }

    static List<Panel> feasiblePanels(SelectionProblem problem) {
        List<Panel> panels = new ArrayList<>();
        int n = problem.size();
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != problem.panelSize()) continue;
            int[] members = new int[problem.panelSize()];
            int at = 0;
            for (int i = 0; i < n; i++) if ((mask & 1 << i) != 0) members[at++] = i;
            Panel panel = new Panel(members);
            if (PanelRules.meets(problem, panel)) panels.add(panel);
        }
        return panels;
    }

    /** Leximin over an explicit list of panels, by primal linear programs only. */
    static double[] leximin(SelectionProblem problem, List<Panel> panels) {
        int n = problem.size();
        double[] fixed = new double[n];
        boolean[] isFixed = new boolean[n];
        for (int i = 0; i < n; i++) {
            final int person = i;
            if (panels.stream().noneMatch(p -> p.contains(person))) isFixed[i] = true;
        }
        while (true) {
            int unfixed = 0;
            for (boolean f : isFixed) if (!f) unfixed++;
            if (unfixed == 0) break;
            double z = maximise(problem, panels, fixed, isFixed, -1, 0);
            for (int i = 0; i < n; i++) {
                if (!isFixed[i] && maximise(problem, panels, fixed, isFixed, i, z) <= z + 1e-7) {
                    isFixed[i] = true;
                    fixed[i] = z;
                }
            }
        }
        return fixed;
    }

    /** The lowest unfixed probability at its highest (person &lt; 0), or one person's highest given that floor. */
    private static double maximise(
            SelectionProblem problem, List<Panel> panels, double[] fixed, boolean[] isFixed, int person, double floor) {
        LinearModel m = LinearModel.maximising();
        int[] p = new int[panels.size()];
        for (int j = 0; j < p.length; j++) p[j] = m.variable(0, 1, false, 0);
        m.sum(p, 1, 1);
        int z = m.variable(0, 1, false, person < 0 ? 1 : 0);
        for (int i = 0; i < problem.size(); i++) {
            List<Integer> vars = new ArrayList<>();
            for (int j = 0; j < p.length; j++) if (panels.get(j).contains(i)) vars.add(p[j]);
            if (vars.isEmpty()) continue;
            if (isFixed[i]) {
                m.sum(vars.stream().mapToInt(Integer::intValue).toArray(), fixed[i] - 1e-9, 1);
            } else if (person < 0) {
                vars.add(z);
                double[] coefficients = new double[vars.size()];
                Arrays.fill(coefficients, 1);
                coefficients[coefficients.length - 1] = -1;
                m.constraint(vars.stream().mapToInt(Integer::intValue).toArray(), coefficients, 0, 1);
            } else {
                m.sum(vars.stream().mapToInt(Integer::intValue).toArray(), floor - 1e-9, 1);
            }
        }
        if (person >= 0) {
            int[] containing = IntStream.range(0, p.length)
                    .filter(j -> panels.get(j).contains(person))
                    .toArray();
            int total = m.variable(0, 1, false, 1);
            int[] vars = Arrays.copyOf(containing, containing.length + 1);
            double[] coefficients = new double[vars.length];
            Arrays.fill(coefficients, 1);
            vars[containing.length] = total;
            coefficients[containing.length] = -1;
            m.constraint(vars, coefficients, 0, 0);
        }
        Solution s = SelectionTest.SOLVER.solve(m, Duration.ofSeconds(30));
        assertThat(s.found()).isTrue();
        return s.objective();
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
