package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.solver.LinearModel;
import org.assemblyhub.sortition.solver.MathSolver;
import org.assemblyhub.sortition.solver.Solution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The integer program of column generation: among the panels that meet the quotas and the household rule, the one
 * whose members' weights add up to the most. One binary variable per person.
 */
final class PanelSearch {
    record Found(Panel panel, double weight) {}

    private final SelectionProblem problem;
    private final List<int[]> holders;
    private final List<int[]> households;
    private final MathSolver solver;
    private final Duration timeLimit;

    PanelSearch(SelectionProblem problem, MathSolver solver, Duration timeLimit) {
        this.problem = problem;
        this.holders = problem.holders();
        this.households = problem.sharedHouseholds();
        this.solver = solver;
        this.timeLimit = timeLimit;
    }

    /** The heaviest feasible panel, or empty if no panel meets the quotas (or the solver gave up). */
    Optional<Found> heaviest(double[] weights) {
        Solution s = solver.solve(model(weights), timeLimit);
        if (!s.found()) return Optional.empty();
        List<Integer> members = new ArrayList<>();
        double weight = 0;
        for (int i = 0; i < problem.size(); i++) {
            if (s.value(i) > 0.5) {
                members.add(i);
                weight += weights[i];
            }
        }
        return Optional.of(
                new Found(new Panel(members.stream().mapToInt(Integer::intValue).toArray()), weight));
    }

    private LinearModel model(double[] weights) {
        LinearModel m = LinearModel.maximising();
        int[] everyone = new int[problem.size()];
        for (int i = 0; i < everyone.length; i++) everyone[i] = m.binary(weights[i]);
        m.sum(everyone, problem.panelSize(), problem.panelSize());
        List<Quota> quotas = problem.quotas().all();
        for (int q = 0; q < quotas.size(); q++) {
            m.sum(holders.get(q), quotas.get(q).min(), quotas.get(q).max());
        }
        for (int[] household : households) m.sum(household, 0, 1);
        return m;
    }
}
