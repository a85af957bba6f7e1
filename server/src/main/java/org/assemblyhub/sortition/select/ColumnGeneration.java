package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.Distribution.WeightedPanel;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.solver.IncrementalLp;
import org.assemblyhub.sortition.solver.LinearModel;
import org.assemblyhub.sortition.solver.Solution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

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
    /** Below the 1/m by which rounding to m = 1,000 panels moves a probability anyway. */
    private static final double PRICING_EPSILON = 5e-4;

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

    /**
     * One stage, with the dual smoothed as Wentges proposed: the integer program prices at a mix of the best dual seen
     * so far (the one giving the lowest upper bound) and the linear program's, which damps the oscillation that
     * makes plain column generation crawl at the end. The stage ends when the upper bound is within
     * {@link #PRICING_EPSILON} of the value of the known panels, or no panel is heavier at the linear program's dual.
     */
    private Optional<Stage> solveStage() {
        try (StageLp lp = new StageLp()) {
            return solveStage(lp);
        }
    }

    private Optional<Stage> solveStage(StageLp lp) {
        double bestBound = Double.POSITIVE_INFINITY;
        double[] center = null;
        while (true) {
            if (run.cancellation().cancelled()) return Optional.empty();
            Optional<Restricted> solved = lp.solve();
            if (solved.isEmpty()) return Optional.empty();
            Restricted r = solved.get();
            report("improving the lowest probability", r.value);
            double[] pricing = center == null ? r.y : mix(center, r.y);
            for (int attempt = 0; attempt < 2; attempt++) {
                if (run.cancellation().cancelled()) return Optional.empty();
                Optional<PanelSearch.Found> heaviest = search.heaviest(pricing);
                if (heaviest.isEmpty()) return Optional.empty();
                double bound = heaviest.get().weight() - fixedPart(pricing);
                if (bound < bestBound) {
                    bestBound = bound;
                    center = pricing;
                }
                Panel panel = heaviest.get().panel();
                boolean violated = weightOf(panel, r.y) > r.yHat + PRICING_EPSILON;
                if (violated && panels.add(panel)) {
                    lp.add(panel);
                    break;
                }
                if (bestBound - r.value <= PRICING_EPSILON || pricing == r.y)
                    return Optional.of(new Stage(r.value, r.y));
                pricing = r.y;
            }
        }
    }

    private static final double SMOOTHING = 0.8;

    private static double[] mix(double[] center, double[] y) {
        double[] mixed = new double[y.length];
        for (int i = 0; i < y.length; i++) mixed[i] = SMOOTHING * center[i] + (1 - SMOOTHING) * y[i];
        return mixed;
    }

    private double fixedPart(double[] y) {
        double sum = 0;
        for (int i = 0; i < n; i++) if (isFixed[i]) sum += fixed[i] * y[i];
        return sum;
    }

    private static double weightOf(Panel p, double[] weights) {
        double w = 0;
        for (int i : p.members()) w += weights[i];
        return w;
    }

    private record Restricted(double value, double yHat, double[] y) {}

    /**
     * The dual over the known panels, kept in the solver for one stage: its value is the best lowest probability
     * they allow; each new panel is one more row.
     */
    private final class StageLp implements AutoCloseable {
        private final IncrementalLp lp;
        private final int[] y = new int[n];
        private final int yHat;

        StageLp() {
            LinearModel dual = LinearModel.minimising();
            for (int i = 0; i < n; i++) {
                // Nobody can seat the people fixed at 0: a weight on them could only mislead the search.
                double upper = isFixed[i] && fixed[i] == 0 ? 0 : Double.POSITIVE_INFINITY;
                y[i] = dual.variable(0, upper, false, isFixed[i] ? -fixed[i] : 0);
            }
            yHat = dual.variable(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, 1);
            dual.sum(
                    IntStream.range(0, n)
                            .filter(i -> !isFixed[i])
                            .map(i -> y[i])
                            .toArray(),
                    1,
                    1);
            lp = run.solver().incremental(dual);
            for (Panel p : panels) add(p);
        }

        void add(Panel p) {
            int[] members = p.members();
            int[] vars = new int[members.length + 1];
            double[] coefficients = new double[vars.length];
            Arrays.fill(coefficients, 1);
            for (int j = 0; j < members.length; j++) vars[j] = y[members[j]];
            vars[members.length] = yHat;
            coefficients[members.length] = -1;
            lp.addConstraint(vars, coefficients, Double.NEGATIVE_INFINITY, 0);
        }

        Optional<Restricted> solve() {
            Solution s = lp.solve(run.solverTimeLimit());
            if (!s.found()) return Optional.empty();
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) weights[i] = Math.max(0, s.value(y[i]));
            return Optional.of(new Restricted(s.objective(), s.value(yHat), weights));
        }

        @Override
        public void close() {
            lp.close();
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
