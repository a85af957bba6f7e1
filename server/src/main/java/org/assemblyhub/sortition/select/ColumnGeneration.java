package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.Distribution.WeightedPanel;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.solver.LinearModel;
import org.assemblyhub.sortition.solver.Solution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maximin and leximin by column generation (Flanigan, Gölz, Gupta, Hennig and Procaccia, Nature 596, 2021).
 *
 * <p>Each stage solves the dual of "maximise the lowest probability z among the people not yet fixed, keeping every
 * fixed person at their probability": minimise ŷ − Σ_fixed π_i·y_i subject to Σ_{i∈P} y_i ≤ ŷ for every known panel
 * P, Σ_unfixed y_i = 1, y ≥ 0. The integer program ({@link PanelSearch}) then looks for a panel heavier than ŷ under
 * the weights y; if there is one it joins the known panels, otherwise the stage is optimal: its value is z, and the
 * people with y_i &gt; 0 are at z in every optimal distribution (complementary slackness), so leximin fixes them and
 * goes on with the others. Maximin stops after the first stage. A last linear program weighs the known panels to
 * give everyone at least their value.
 */
final class ColumnGeneration {
    private static final double PRICING_EPSILON = 1e-5;
    private static final double POSITIVE = 1e-6;

    private final SelectionProblem problem;
    private final SelectionRun run;
    private final PanelSearch search;
    private final Set<Panel> panels = new LinkedHashSet<>();
    private final double[] fixed;
    private final boolean[] isFixed;
    private final int n;

    ColumnGeneration(SelectionProblem problem, SelectionRun run) {
        this.problem = problem;
        this.run = run;
        this.search = new PanelSearch(problem, run.solver(), run.solverTimeLimit());
        this.n = problem.size();
        this.fixed = new double[n];
        this.isFixed = new boolean[n];
    }

    SelectionOutcome run(Algorithm algorithm) {
        Optional<SelectionOutcome> stopped = coverEveryoneWhoCanSit();
        if (stopped.isPresent()) return stopped.get();
        double lowest = Double.NaN;
        while (unfixed() > 0) {
            Optional<Stage> stage = solveStage();
            if (stage.isEmpty()) {
                return run.cancellation().cancelled()
                        ? new SelectionOutcome.Cancelled()
                        : new SelectionOutcome.Failed("the solver gave up on the linear program");
            }
            lowest = stage.get().value;
            fixAtStageValue(stage.get());
            if (algorithm == Algorithm.MAXIMIN) break;
        }
        return weighPanels(Double.isNaN(lowest) ? 0 : lowest, algorithm);
    }

    /**
     * Finds, for everyone who can sit on some panel, a panel that holds them: the integer program weighs the people
     * not yet covered (plus a little noise, so that panels vary); when the heaviest panel covers nobody new, the
     * people left cannot sit on any panel and their probability is fixed at 0.
     */
    private Optional<SelectionOutcome> coverEveryoneWhoCanSit() {
        boolean[] covered = new boolean[n];
        while (true) {
            if (run.cancellation().cancelled()) return Optional.of(new SelectionOutcome.Cancelled());
            double[] weights = new double[n];
            for (int i = 0; i < n; i++)
                weights[i] = (covered[i] ? 0 : 1) + run.random().nextDouble() * 0.01;
            Optional<PanelSearch.Found> found = search.heaviest(weights);
            if (found.isEmpty()) return Optional.of(infeasibleOrFailed());
            int fresh = 0;
            for (int i : found.get().panel().members()) {
                if (!covered[i]) fresh++;
                covered[i] = true;
            }
            if (fresh == 0) break;
            panels.add(found.get().panel());
            report("finding a panel for everyone", Double.NaN);
        }
        for (int i = 0; i < n; i++) {
            if (!covered[i]) {
                isFixed[i] = true;
                fixed[i] = 0;
            }
        }
        return Optional.empty();
    }

    private SelectionOutcome infeasibleOrFailed() {
        if (panels.isEmpty()) {
            return new SelectionOutcome.Infeasible(QuotaRelaxation.explain(problem, run));
        }
        return new SelectionOutcome.Failed("the solver gave up on the integer program");
    }

    private record Stage(double value, double[] y) {}

    private Optional<Stage> solveStage() {
        while (true) {
            if (run.cancellation().cancelled()) return Optional.empty();
            List<Panel> known = new ArrayList<>(panels);
            LinearModel dual = LinearModel.minimising();
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                // Nobody can seat the people fixed at 0: a weight on them could only mislead the search.
                double upper = isFixed[i] && fixed[i] == 0 ? 0 : Double.POSITIVE_INFINITY;
                y[i] = dual.variable(0, upper, false, isFixed[i] ? -fixed[i] : 0);
            }
            int yHat = dual.variable(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, 1);
            for (Panel p : known) {
                int[] members = p.members();
                int[] vars = Arrays.copyOf(members, members.length + 1);
                double[] coefficients = new double[vars.length];
                Arrays.fill(coefficients, 1);
                vars[members.length] = yHat;
                coefficients[members.length] = -1;
                for (int j = 0; j < members.length; j++) vars[j] = y[members[j]];
                dual.constraint(vars, coefficients, Double.NEGATIVE_INFINITY, 0);
            }
            dual.sum(Arrays.stream(y).filter(i -> !isFixed[i]).toArray(), 1, 1);
            Solution s = run.solver().solve(dual, run.solverTimeLimit());
            if (!s.found()) return Optional.empty();
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) weights[i] = Math.max(0, s.value(y[i]));
            report("improving the lowest probability", s.objective());
            if (run.cancellation().cancelled()) return Optional.empty();
            Optional<PanelSearch.Found> heavier = search.heaviest(weights);
            if (heavier.isEmpty()) return Optional.empty();
            boolean improves = heavier.get().weight() > s.value(yHat) + PRICING_EPSILON;
            if (!improves || !panels.add(heavier.get().panel())) return Optional.of(new Stage(s.objective(), weights));
        }
    }

    private void fixAtStageValue(Stage stage) {
        int best = -1;
        int fixedNow = 0;
        for (int i = 0; i < n; i++) {
            if (isFixed[i]) continue;
            if (best < 0 || stage.y[i] > stage.y[best]) best = i;
            if (stage.y[i] > POSITIVE) {
                isFixed[i] = true;
                fixed[i] = stage.value;
                fixedNow++;
            }
        }
        // The weights of the unfixed people sum to 1, so one of them is positive; numerical noise aside.
        if (fixedNow == 0 && best >= 0) {
            isFixed[best] = true;
            fixed[best] = stage.value;
        }
    }

    private SelectionOutcome weighPanels(double lowest, Algorithm algorithm) {
        List<Panel> known = new ArrayList<>(panels);
        LinearModel primal = LinearModel.minimising();
        int[] p = new int[known.size()];
        for (int j = 0; j < p.length; j++) p[j] = primal.variable(0, 1, false, 0);
        primal.sum(p, 1, 1);
        List<List<Integer>> containing = new ArrayList<>();
        for (int i = 0; i < n; i++) containing.add(new ArrayList<>());
        for (int j = 0; j < p.length; j++) {
            for (int i : known.get(j).members()) containing.get(i).add(p[j]);
        }
        for (int i = 0; i < n; i++) {
            double target = isFixed[i] ? fixed[i] : lowest;
            if (target <= 0) continue;
            int shortfall = primal.variable(0, Double.POSITIVE_INFINITY, false, 1);
            int[] vars = new int[containing.get(i).size() + 1];
            for (int j = 0; j < vars.length - 1; j++)
                vars[j] = containing.get(i).get(j);
            vars[vars.length - 1] = shortfall;
            double[] ones = new double[vars.length];
            Arrays.fill(ones, 1);
            primal.constraint(vars, ones, target, Double.POSITIVE_INFINITY);
        }
        Solution s = run.solver().solve(primal, run.solverTimeLimit());
        if (!s.found()) return new SelectionOutcome.Failed("the solver gave up on weighing the panels");
        double total = 0;
        for (int j = 0; j < p.length; j++) total += Math.max(0, s.value(p[j]));
        List<WeightedPanel> weighted = new ArrayList<>();
        for (int j = 0; j < p.length; j++) {
            double w = Math.max(0, s.value(p[j])) / total;
            if (w > 1e-9) weighted.add(new WeightedPanel(known.get(j), w));
        }
        double kept = weighted.stream().mapToDouble(WeightedPanel::weight).sum();
        List<WeightedPanel> normalised = weighted.stream()
                .map(wp -> new WeightedPanel(wp.panel(), wp.weight() / kept))
                .toList();
        Distribution distribution = Distribution.of(normalised, n);
        report("done", distribution.minimum());
        return new SelectionOutcome.Selected(algorithm, distribution);
    }

    private int unfixed() {
        int count = 0;
        for (boolean f : isFixed) if (!f) count++;
        return count;
    }

    private void report(String phase, double minimum) {
        int fixedCount = n - unfixed();
        run.progress().report(new Progress(phase, panels.size(), fixedCount, n, minimum));
    }
}
