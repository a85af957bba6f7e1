package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.select.QuotaExplanation.Relaxation;
import org.assemblyhub.sortition.solver.LinearModel;
import org.assemblyhub.sortition.solver.Solution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Explains quotas no panel can meet. An integer program picks a panel while letting each quota's minimum drop by
 * l_q and its maximum rise by u_q, and minimises Σ (l_q + u_q): the smallest total relaxation. It runs first within
 * the flex bounds, then — if even they do not suffice — down to 0 and up to k, to name what would be needed.
 */
public final class QuotaRelaxation {
    private QuotaRelaxation() {}

    public static QuotaExplanation explain(SelectionProblem problem, SelectionRun run) {
        List<String> reasons = countingReasons(problem);
        Optional<List<Relaxation>> withinFlex = relax(problem, run, true);
        if (withinFlex.isPresent()) {
            return new QuotaExplanation(
                    featuresOf(withinFlex.get(), reasons, problem), reasons, withinFlex.get(), true);
        }
        List<Relaxation> beyond = relax(problem, run, false).orElse(List.of());
        reasons = new ArrayList<>(reasons);
        reasons.add("the flex bounds do not allow enough relaxation");
        return new QuotaExplanation(featuresOf(beyond, reasons, problem), reasons, beyond, false);
    }

    private static List<String> featuresOf(List<Relaxation> relaxations, List<String> reasons, SelectionProblem p) {
        Set<String> features = new LinkedHashSet<>();
        for (Relaxation r : relaxations) features.add(r.before().feature());
        for (String reason : reasons) {
            for (String f : p.quotas().features()) if (reason.startsWith(f + "=")) features.add(f);
        }
        return List.copyOf(features);
    }

    /** Reasons one can see by counting: fewer people (or households) with a value than its minimum. */
    private static List<String> countingReasons(SelectionProblem problem) {
        List<String> reasons = new ArrayList<>();
        List<Quota> quotas = problem.quotas().all();
        List<int[]> holders = problem.holders();
        for (int q = 0; q < quotas.size(); q++) {
            Quota quota = quotas.get(q);
            long available =
                    problem.oneFromEachHousehold() ? households(problem, holders.get(q)) : holders.get(q).length;
            if (available < quota.min()) {
                reasons.add(quota.feature() + "=" + quota.value() + " needs at least " + quota.min()
                        + " but the pool has only " + available
                        + (problem.oneFromEachHousehold() ? " households with it" : " people with it"));
            }
        }
        return reasons;
    }

    private static long households(SelectionProblem problem, int[] people) {
        Set<String> seen = new LinkedHashSet<>();
        long alone = 0;
        for (int i : people) {
            String key = problem.pool().get(i).household();
            if (key.isEmpty()) alone++;
            else seen.add(key);
        }
        return alone + seen.size();
    }

    private static Optional<List<Relaxation>> relax(SelectionProblem problem, SelectionRun run, boolean withinFlex) {
        int k = problem.panelSize();
        LinearModel m = LinearModel.minimising();
        int[] x = new int[problem.size()];
        for (int i = 0; i < x.length; i++) x[i] = m.binary(0);
        m.sum(x, k, k);
        List<Quota> quotas = problem.quotas().all();
        List<int[]> holders = problem.holders();
        int[] lower = new int[quotas.size()];
        int[] upper = new int[quotas.size()];
        for (int q = 0; q < quotas.size(); q++) {
            Quota quota = quotas.get(q);
            int canDrop = withinFlex ? quota.min() - quota.minFlex() : quota.min();
            int canRise = withinFlex ? quota.maxFlex() - quota.max() : Math.max(0, k - quota.max());
            lower[q] = m.variable(0, canDrop, true, 1);
            upper[q] = m.variable(0, canRise, true, 1);
            int[] members = holders.get(q);
            int[] vars = new int[members.length + 2];
            double[] coefficients = new double[vars.length];
            for (int j = 0; j < members.length; j++) {
                vars[j] = x[members[j]];
                coefficients[j] = 1;
            }
            vars[members.length] = lower[q];
            coefficients[members.length] = 1;
            vars[members.length + 1] = upper[q];
            coefficients[members.length + 1] = -1;
            // count + l ≥ min and count − u ≤ max: two rows, as one range on count + l − u would let l and u cancel.
            double[] forMin = coefficients.clone();
            forMin[members.length + 1] = 0;
            m.constraint(vars, forMin, quota.min(), Double.POSITIVE_INFINITY);
            double[] forMax = coefficients.clone();
            forMax[members.length] = 0;
            m.constraint(vars, forMax, Double.NEGATIVE_INFINITY, quota.max());
        }
        for (int[] household : problem.sharedHouseholds()) m.sum(household, 0, 1);
        Solution s = run.solver().solve(m, run.solverTimeLimit());
        if (!s.found()) return Optional.empty();
        List<Relaxation> relaxations = new ArrayList<>();
        for (int q = 0; q < quotas.size(); q++) {
            int drop = (int) Math.round(s.value(lower[q]));
            int rise = (int) Math.round(s.value(upper[q]));
            if (drop > 0 || rise > 0) {
                Quota before = quotas.get(q);
                relaxations.add(new Relaxation(before, before.withBounds(before.min() - drop, before.max() + rise)));
            }
        }
        return Optional.of(relaxations);
    }
}
