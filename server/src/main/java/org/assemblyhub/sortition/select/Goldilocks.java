package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.Distribution.WeightedPanel;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.SelectionProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Goldilocks (Flanigan, Liang, Procaccia and Wang, <i>Manipulation-robust selection of citizens' assemblies</i>,
 * AAAI 2024): keep everyone's probability close to k/n from both sides, minimising
 * max( max_i π_i/c , max_i c/π_i ) with c = k/n — nobody far more likely than the fair share (which a group could
 * exploit by misreporting), nobody far less.
 *
 * <p>For a floor ℓ, the smallest cap u(ℓ) with ℓ ≤ π_i ≤ u(ℓ) is a linear program over panels, solved by column
 * generation ({@link BoundsLp}, priced by the same swaps and integer program as maximin). u is convex and
 * non-decreasing in ℓ while c/ℓ decreases, so the objective max(u(ℓ)/c, c/ℓ) is lowest where the two meet, or at the
 * largest floor, maximin's value ℓ_max, if u(ℓ_max)/c ≤ c/ℓ_max. The search starts at ℓ_max and moves left by Newton
 * steps on u(ℓ)/c = c/ℓ along u's tangent (slope Σ a_i from the duals): a tangent of a convex function lies below it,
 * so each step stays right of the meeting point ℓ* and the floors fall towards it, and c over the step's floor
 * bounds the objective from below. It stops when the best objective found is within {@link #TOLERANCE} of that
 * bound (a step that lands left of ℓ*, as the caps are only within the pricing tolerance of u, halves the bracket
 * instead). People no panel can hold get 0 and are left out, as in maximin (c is then k over the others).
 */
final class Goldilocks {
    /** How close to its lower bound the objective must be (relative), below the noise of rounding to m panels. */
    static final double TOLERANCE = 1e-3;

    private static final int STEPS = 12;
    private static final int COLUMNS = 8;
    private static final int STARTS = 16;
    private static final int BOUND_EVERY = 10;

    private final SelectionProblem problem;
    private final SelectionRun run;
    private final PanelSearch search;
    private final PanelSwaps swaps;
    private final Set<Panel> panels = new LinkedHashSet<>();

    Goldilocks(SelectionProblem problem, SelectionRun run) {
        this.problem = problem;
        this.run = run;
        this.search = new PanelSearch(problem, run.solver(), run.solverTimeLimit());
        this.swaps = new PanelSwaps(problem);
    }

    /** One floor's optimum: the floor, the cap reached with the known panels, u's slope there, the panels in use. */
    private record Point(double floor, double cap, double slope, List<BoundsLp.InUse> panels) {}

    SelectionOutcome run() {
        SelectionOutcome maximin = new ColumnGeneration(problem, run).run(Algorithm.MAXIMIN);
        if (!(maximin instanceof SelectionOutcome.Selected)) return maximin;
        Distribution start = ((SelectionOutcome.Selected) maximin).distribution();
        int n = problem.size();
        int[] row = new int[n];
        int seated = 0;
        double highestFloor = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            boolean canSit = start.probability(i) > 0;
            row[i] = canSit ? seated++ : -1;
            if (canSit) highestFloor = Math.min(highestFloor, start.probability(i));
        }
        Set<Panel> anchors = new LinkedHashSet<>();
        start.panels().forEach(wp -> anchors.add(wp.panel()));
        panels.addAll(anchors);
        double fair = problem.panelSize() / (double) seated;

        // A hair below the lowest chance of maximin's panels, so that they meet the floor despite rounding.
        Optional<Point> at = solveAt(highestFloor * (1 - 1e-9), row, anchors);
        if (at.isEmpty()) return stopped();
        Point right = at.get();
        Point best = right;
        double left = 0;
        for (int step = 0; step < STEPS && right.cap() / fair > fair / right.floor(); step++) {
            // The meeting point is left of the tangent's: the objective cannot go below c over that floor.
            double next = newton(right, fair);
            if (objective(best, fair) <= fair / next * (1 + TOLERANCE)) break;
            // Solved caps are within PRICING_EPSILON of u, so a step may overshoot: then halve the bracket.
            if (next <= left) next = (left + right.floor()) / 2;
            if (next >= right.floor() * (1 - 1e-9)) break;
            Optional<Point> point = solveAt(next, row, anchors);
            if (point.isEmpty()) return stopped();
            Point p = point.get();
            if (objective(p, fair) < objective(best, fair)) best = p;
            if (p.cap() / fair >= fair / p.floor()) right = p;
            else left = p.floor();
        }
        return selected(best);
    }

    /**
     * The floor where the tangent of u at the point meets c²/ℓ: the positive root of s·ℓ² + (u − s·ℓ₀)·ℓ − c² = 0.
     */
    private static double newton(Point p, double fair) {
        double s = p.slope();
        double b = p.cap() - s * p.floor();
        double c2 = fair * fair;
        if (s < 1e-12) return c2 / b;
        return (-b + Math.sqrt(b * b + 4 * s * c2)) / (2 * s);
    }

    private static double objective(Point p, double fair) {
        return Math.max(p.cap() / fair, fair / p.floor());
    }

    private SelectionOutcome stopped() {
        return run.cancellation().cancelled()
                ? new SelectionOutcome.Cancelled()
                : new SelectionOutcome.Failed("the solver gave up on the linear program");
    }

    /**
     * Column generation for one floor: cheap swapped panels each round, the integer program when they find none and
     * every {@link #BOUND_EVERY} rounds, until the integer program's lower bound on u is within
     * {@link ColumnGeneration#PRICING_EPSILON} of the cap reached, or it finds no improving panel.
     */
    private Optional<Point> solveAt(double floor, int[] row, Set<Panel> anchors) {
        try (BoundsLp lp = new BoundsLp(run, floor, row, anchors, new ArrayList<>(panels))) {
            double bestBound = Double.NEGATIVE_INFINITY;
            int sinceBound = 0;
            while (true) {
                if (run.cancellation().cancelled()) return Optional.empty();
                Optional<BoundsLp.Solved> solved = lp.solve();
                if (solved.isEmpty()) return Optional.empty();
                BoundsLp.Solved r = solved.get();
                report(floor, r.cap());
                double threshold = r.threshold(floor) + ColumnGeneration.PRICING_EPSILON;
                List<Panel> swapped =
                        swaps.heavierThan(heaviestKnown(r.weights()), r.weights(), threshold, COLUMNS, lp.columns());
                for (Panel p : swapped) {
                    panels.add(p);
                    lp.add(p);
                }
                if (!swapped.isEmpty() && ++sinceBound < BOUND_EVERY) continue;
                sinceBound = 0;
                if (run.cancellation().cancelled()) return Optional.empty();
                Optional<PanelSearch.Found> heaviest = search.heaviest(r.weights());
                if (heaviest.isEmpty()) return Optional.empty();
                bestBound =
                        Math.max(bestBound, floor * r.slope() - heaviest.get().weight());
                Point point = new Point(floor, r.cap(), r.slope(), r.panels());
                if (r.cap() - bestBound <= ColumnGeneration.PRICING_EPSILON) return Optional.of(point);
                Panel panel = heaviest.get().panel();
                boolean improves = heaviest.get().weight() > threshold;
                if (improves && lp.add(panel)) {
                    panels.add(panel);
                } else if (swapped.isEmpty()) {
                    return Optional.of(point);
                }
            }
        }
    }

    /** The known panels heaviest under the weights, heaviest first. */
    private List<Panel> heaviestKnown(double[] weights) {
        List<Panel> known = new ArrayList<>(panels);
        double[] w = new double[known.size()];
        Integer[] order = new Integer[known.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
            w[j] = PanelSwaps.weight(known.get(j), weights);
        }
        Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
        List<Panel> top = new ArrayList<>();
        for (int j = 0; j < Math.min(STARTS, order.length); j++) top.add(known.get(order[j]));
        return top;
    }

    private SelectionOutcome selected(Point best) {
        double total =
                best.panels().stream().mapToDouble(BoundsLp.InUse::weight).sum();
        List<WeightedPanel> weighted = new ArrayList<>();
        for (BoundsLp.InUse p : best.panels()) {
            double w = p.weight() / total;
            if (w > 1e-9) weighted.add(new WeightedPanel(p.panel(), w));
        }
        double kept = weighted.stream().mapToDouble(WeightedPanel::weight).sum();
        List<WeightedPanel> normalised = weighted.stream()
                .map(wp -> new WeightedPanel(wp.panel(), wp.weight() / kept))
                .toList();
        Distribution distribution = Distribution.of(normalised, problem.size());
        run.progress().report(new Progress("done", panels.size(), 0, problem.size(), distribution.minimum()));
        return new SelectionOutcome.Selected(Algorithm.GOLDILOCKS, distribution);
    }

    private void report(double floor, double cap) {
        run.progress()
                .report(new Progress("bounding the chances from both sides", panels.size(), 0, problem.size(), floor));
    }
}
