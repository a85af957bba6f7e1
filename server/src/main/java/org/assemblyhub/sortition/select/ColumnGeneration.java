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
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maximin and leximin by column generation (Flanigan, Gölz, Gupta, Hennig and Procaccia, Nature 596, 2021).
 *
 * <p>Each stage solves "maximise the lowest probability z among the people not yet fixed, keeping every fixed person
 * at their probability" over the known panels (the restricted primal, {@link StageLp}); its duals are the weights of
 * the dual: minimise ŷ − Σ_fixed π_i·y_i subject to Σ_{i∈P} y_i ≤ ŷ for every known panel P, Σ_unfixed y_i = 1,
 * y ≥ 0. A panel heavier than ŷ under the weights y improves the stage. Swapping members of the heaviest known panels
 * ({@link PanelSwaps}) finds such panels in microseconds, several per round; the integer program ({@link PanelSearch})
 * runs when the swaps find none, and every few rounds regardless, because only it bounds z from above. When no panel
 * is heavier, or the bound is within {@link #PRICING_EPSILON}, the stage is optimal: its value is z, and the people
 * with y_i &gt; 0 are at z in every optimal distribution (complementary slackness), so leximin fixes them and goes on
 * with the others. Maximin stops after the first stage; leximin stops at its time budget after the first stage,
 * saying so. A last linear program weighs the known panels to give everyone at least their value.
 */
final class ColumnGeneration {
    /** Below the 1/m by which rounding to m = 1,000 panels moves a probability anyway. */
    static final double PRICING_EPSILON = 5e-4;

    private static final double POSITIVE = 1e-6;

    private final SelectionProblem problem;
    private final SelectionRun run;
    private final PanelSearch search;
    private final PanelSwaps swaps;
    private final Set<Panel> panels = new LinkedHashSet<>();
    private final double[] fixed;
    private final boolean[] isFixed;
    private final int n;

    ColumnGeneration(SelectionProblem problem, SelectionRun run) {
        this.problem = problem;
        this.run = run;
        this.search = new PanelSearch(problem, run.solver(), run.solverTimeLimit());
        this.swaps = new PanelSwaps(problem);
        this.n = problem.size();
        this.fixed = new double[n];
        this.isFixed = new boolean[n];
    }

    SelectionOutcome run(Algorithm algorithm) {
        long deadline = System.nanoTime() + run.budget().toNanos();
        Optional<SelectionOutcome> stopped = coverEveryoneWhoCanSit();
        if (stopped.isPresent()) return stopped.get();
        double lowest = Double.NaN;
        boolean first = true;
        while (unfixed() > 0) {
            // The first stage (maximin) always finishes: whatever is returned is at least maximin-fair.
            Optional<Stage> stage = solveStage(first ? Long.MAX_VALUE : deadline);
            if (stage.isEmpty()) {
                return run.cancellation().cancelled()
                        ? new SelectionOutcome.Cancelled()
                        : new SelectionOutcome.Failed("the solver gave up on the linear program");
            }
            lowest = stage.get().value;
            if (!stage.get().finished) {
                SelectionOutcome.CutShort cut = new SelectionOutcome.CutShort.Leximin(run.budget(), n - unfixed(), n);
                return weighPanels(lowest, algorithm, Optional.of(cut));
            }
            fixAtStageValue(stage.get());
            first = false;
            if (algorithm == Algorithm.MAXIMIN) break;
            if (unfixed() > 0 && System.nanoTime() - deadline > 0) {
                SelectionOutcome.CutShort cut = new SelectionOutcome.CutShort.Leximin(run.budget(), n - unfixed(), n);
                return weighPanels(lowest, algorithm, Optional.of(cut));
            }
        }
        return weighPanels(Double.isNaN(lowest) ? 0 : lowest, algorithm, Optional.empty());
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

    /** A stage's value and dual; not finished when the budget ran out first (then its value is what is known). */
    private record Stage(double value, double[] y, boolean finished) {}

    /**
     * One stage, with the dual smoothed as Wentges proposed: the integer program prices at a mix of the best dual seen
     * so far (the one giving the lowest upper bound) and the linear program's, which damps the oscillation that
     * makes plain column generation crawl at the end. The stage ends when the upper bound is within
     * {@link #PRICING_EPSILON} of the value of the known panels, or no panel is heavier at the linear program's dual.
     */
    private Optional<Stage> solveStage(long deadline) {
        try (StageLp lp = new StageLp()) {
            return solveStage(lp, deadline);
        }
    }

    private Optional<Stage> solveStage(StageLp lp, long deadline) {
        double bestBound = Double.POSITIVE_INFINITY;
        double[] center = null;
        int sinceBound = 0;
        while (true) {
            if (run.cancellation().cancelled()) return Optional.empty();
            Optional<Restricted> solved = lp.solve();
            if (solved.isEmpty()) return Optional.empty();
            Restricted r = solved.get();
            report("improving the lowest probability", r.value);
            if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0)
                return Optional.of(new Stage(r.value, r.y, false));
            List<Panel> swapped =
                    swaps.heavierThan(heaviestKnown(r.y, STARTS), r.y, r.yHat + PRICING_EPSILON, COLUMNS, lp.columns());
            for (Panel p : swapped) {
                panels.add(p);
                lp.add(p);
            }
            if (!swapped.isEmpty() && ++sinceBound < BOUND_EVERY) continue;
            sinceBound = 0;
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
                if (bestBound - r.value <= PRICING_EPSILON) return Optional.of(new Stage(r.value, r.y, true));
                Panel panel = heaviest.get().panel();
                boolean violated = weightOf(panel, r.y) > r.yHat + PRICING_EPSILON;
                if (violated && lp.add(panel)) {
                    panels.add(panel);
                    break;
                }
                if (!swapped.isEmpty()) break;
                if (pricing == r.y) return Optional.of(new Stage(r.value, r.y, true));
                pricing = r.y;
            }
        }
    }

    private static final double SMOOTHING = 0.8;

    /** Panels the swaps may add per round: more means fewer linear programs, each a little slower. */
    private static final int COLUMNS = 8;

    /** The known panels the swaps start from, the heaviest under the current weights. */
    private static final int STARTS = 16;

    /** The linear program is cut back to half this many columns per row when it reaches this many per row. */
    private static final int COLUMN_LIMIT = 2;

    /** Rounds of swapped panels between two integer programs, which bound the stage's value from above. */
    private static final int BOUND_EVERY = 10;

    /** The known panels heaviest under the weights, heaviest first. */
    private List<Panel> heaviestKnown(double[] weights, int count) {
        List<Panel> known = new ArrayList<>(panels);
        double[] w = new double[known.size()];
        Integer[] order = new Integer[known.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
            w[j] = weightOf(known.get(j), weights);
        }
        Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
        List<Panel> top = new ArrayList<>();
        for (int j = 0; j < Math.min(count, order.length); j++) top.add(known.get(order[j]));
        return top;
    }

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

    /** How far below its value a fixed person's row may be met, for the rounding of the stage that fixed them. */
    private static final double FIXED_SLACK = 1e-9;

    /**
     * The restricted primal over the known panels, kept in the solver for one stage: maximise z subject to Σ p_P = 1,
     * Σ_{P∋i} p_P ≥ π_i for the fixed and ≥ z for the others. Each new panel is one more column, so the last basis
     * stays feasible and the solver restarts from it; the rows' duals are the weights y (and ŷ) of the dual above.
     */
    private final class StageLp implements AutoCloseable {
        private final int[] row = new int[n];
        private final int rows;
        private final Set<Panel> columns = new LinkedHashSet<>();
        private final List<Panel> order = new ArrayList<>();
        private IncrementalLp lp;

        StageLp() {
            int count = 1;
            for (int i = 0; i < n; i++) {
                // Nobody can seat the people fixed at 0: a weight on them could only mislead the search.
                row[i] = isFixed[i] && fixed[i] == 0 ? -1 : count++;
            }
            rows = count;
            rebuild(new ArrayList<>(panels));
        }

        private void rebuild(List<Panel> keep) {
            if (lp != null) lp.close();
            LinearModel primal = LinearModel.maximising();
            int z = primal.variable(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, 1);
            primal.constraint(new int[0], new double[0], 1, 1);
            for (int i = 0; i < n; i++) {
                if (row[i] < 0) continue;
                if (isFixed[i]) {
                    primal.constraint(new int[0], new double[0], fixed[i] - FIXED_SLACK, Double.POSITIVE_INFINITY);
                } else {
                    primal.constraint(new int[] {z}, new double[] {-1}, 0, Double.POSITIVE_INFINITY);
                }
            }
            lp = run.solver().incremental(primal);
            columns.clear();
            order.clear();
            for (Panel p : keep) add(p);
        }

        Set<Panel> columns() {
            return columns;
        }

        /** Adds the panel as a column; false if it is one already. */
        boolean add(Panel p) {
            if (!columns.add(p)) return false;
            order.add(p);
            int[] members = p.members();
            int[] at = new int[members.length + 1];
            int count = 1;
            for (int i : members) if (row[i] >= 0) at[count++] = row[i];
            at = Arrays.copyOf(at, count);
            double[] ones = new double[count];
            Arrays.fill(ones, 1);
            lp.addColumn(0, Double.POSITIVE_INFINITY, 0, at, ones);
            return true;
        }

        Optional<Restricted> solve() {
            Solution s = lp.solve(run.solverTimeLimit());
            if (!s.found()) {
                // GLOP has been seen to give up on a model grown by many columns; a fresh copy solves.
                rebuild(new ArrayList<>(order));
                s = lp.solve(run.solverTimeLimit());
            }
            if (!s.found() || !s.hasDuals()) return Optional.empty();
            double unfixedSum = 0;
            for (int i = 0; i < n; i++) if (!isFixed[i]) unfixedSum += s.dual(row[i]);
            // Solvers differ in the sign they give a maximisation's duals; the unfixed weights sum to 1.
            double sign = unfixedSum < 0 ? -1 : 1;
            double[] weights = new double[n];
            double fixedPart = 0;
            for (int i = 0; i < n; i++) {
                if (row[i] < 0) continue;
                weights[i] = Math.max(0, sign * s.dual(row[i]));
                if (isFixed[i]) fixedPart += fixed[i] * weights[i];
            }
            Restricted r = new Restricted(s.objective(), s.objective() + fixedPart, weights);
            if (order.size() > COLUMN_LIMIT * rows) compact(s, r);
            return Optional.of(r);
        }

        /**
         * The solver's time grows with the columns, most of which soon stop mattering: keep those in use and the
         * heaviest under the current weights (the others stay known, and come back if the search finds them again).
         */
        private void compact(Solution s, Restricted r) {
            List<Panel> keep = new ArrayList<>();
            List<Panel> rest = new ArrayList<>();
            for (int j = 0; j < order.size(); j++) {
                if (s.value(1 + j) > 1e-12) keep.add(order.get(j));
                else rest.add(order.get(j));
            }
            rest.sort(Comparator.comparingDouble((Panel p) -> weightOf(p, r.y)).reversed());
            int room = Math.max(0, rows * COLUMN_LIMIT / 2 - keep.size());
            keep.addAll(rest.subList(0, Math.min(room, rest.size())));
            rebuild(keep);
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

    private SelectionOutcome weighPanels(
            double lowest, Algorithm algorithm, Optional<SelectionOutcome.CutShort> cutShort) {
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
        return new SelectionOutcome.Selected(algorithm, distribution, cutShort);
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
