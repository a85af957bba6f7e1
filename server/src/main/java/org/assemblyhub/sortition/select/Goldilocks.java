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
 * generation ({@link BoundsLp}, priced by the same swaps and integer program as maximin, which runs first: its panels
 * keep every floor up to its value ℓ_max feasible). u is convex and non-decreasing in ℓ while c/ℓ decreases, so
 * max(u(ℓ)/c, c/ℓ) is lowest where the two meet, at ℓ*, or at ℓ_max if they do not meet below it. Each solved floor
 * gives u and its slope Σ a_i (the duals): the tangents lie below the convex u, so where their maximum meets c²/ℓ is
 * right of ℓ* and c over it bounds the objective from below; a chord between two solved floors lies above u, so
 * where it meets c²/ℓ is left of ℓ*. The search starts at 0.75·min(ℓ_max, c), then goes to the tangents' meeting
 * point after a floor left of ℓ*, to the chord's after one right of it, and stops when the best objective found (of
 * the chances themselves, whose lowest may be above the floor) is within {@link #TOLERANCE} of the bound. People no
 * panel can hold get 0 and are left out, as in maximin (c is then k over the others).
 *
 * <p>The quotas bound the chances before any solve ({@link ChanceBounds}): when they hold the highest chance at h > c,
 * the objective is at least h/c, reached if u stays at h up to ℓ = c²/h, so the search starts there; a floor stops as
 * soon as its cap reaches h (u is flat there, and column generation would crawl proving it). The run's budget
 * ({@link SelectionRun#budget()}, counted from the start; maximin is never cut) stops the search and returns the best
 * distribution found so far — never worse than maximin's — with its ratio and the bound, said on every screen.
 */
final class Goldilocks {
    /** How close to its lower bound the objective must be (relative), below the noise of rounding to m panels. */
    static final double TOLERANCE = 1e-3;

    private static final int STEPS = 12;

    /** The first floor, as a share of the lower of maximin's and k/n: ℓ* was 0.65–0.8 of maximin's where tried. */
    private static final double START = 0.75;

    /**
     * How far below maximin's floor the search stays: at that floor the program is degenerate and column generation
     * crawls (at 300/45, 90 integer programs for a cap that moved by 0.005).
     */
    private static final double NEAR_MAXIMIN = 1e-4;

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

    /**
     * One floor's optimum: the floor, the cap reached with the known panels, u's slope there, the panels in use, and
     * the Goldilocks objective of the chances they give (the lowest chance may be above the floor).
     */
    private record Point(
            double floor, double cap, double slope, List<BoundsLp.InUse> panels, double objective, boolean finished) {
        /** Whether the floor is at or right of ℓ*, where u(ℓ)/c meets c/ℓ. */
        boolean right(double fair) {
            return cap / fair >= fair / floor;
        }
    }

    SelectionOutcome run() {
        long deadline = System.nanoTime() + run.budget().toNanos();
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
        ChanceBounds bounds = ChanceBounds.of(problem, row);
        double fair = bounds.fair();
        List<BoundsLp.InUse> maximinPanels = start.panels().stream()
                .map(wp -> new BoundsLp.InUse(wp.panel(), wp.weight()))
                .toList();
        Point best = new Point(
                highestFloor, start.maximum(), Double.NaN, maximinPanels, objective(maximinPanels, row, fair), true);
        double bound = Math.max(bounds.ratio(), fair / highestFloor);

        List<Point> points = new ArrayList<>();
        double next = firstFloor(bounds, highestFloor);
        boolean cut = false;
        for (int step = 0; step < STEPS; step++) {
            Optional<Point> solved = solveAt(next, row, anchors, bounds, deadline);
            if (solved.isEmpty()) return stopped();
            Point p = solved.get();
            if (p.objective() < best.objective()) best = p;
            if (!p.finished()) {
                cut = true;
                break;
            }
            points.add(p);
            // ℓ* is left of the tangents' meeting point, and never right of maximin's floor.
            double high = Math.min(highestFloor, tangentsMeet(points, fair));
            bound = Math.max(bound, fair / high);
            if (best.objective() <= bound * (1 + TOLERANCE)) break;
            if (System.nanoTime() - deadline > 0) {
                cut = true;
                break;
            }
            next = nextFloor(points, p, fair, Math.min(high, highestFloor * (1 - NEAR_MAXIMIN)));
            if (Double.isNaN(next)) break;
        }
        Optional<SelectionOutcome.CutShort> cutShort = cut
                ? Optional.of(new SelectionOutcome.CutShort.Goldilocks(run.budget(), best.objective(), bound))
                : Optional.empty();
        return selected(best, cutShort);
    }

    /**
     * Where the quotas hold the highest chance at h above c, the floor c²/h (a hair below, so that u is flat there
     * and the floor stops at the quotas' bound): the optimum if u stays at h that far. Otherwise a share of the lower
     * of maximin's floor and c. Never closer to maximin's floor than {@link #NEAR_MAXIMIN}.
     */
    private static double firstFloor(ChanceBounds bounds, double highestFloor) {
        double fair = bounds.fair();
        double limit = highestFloor * (1 - NEAR_MAXIMIN);
        if (bounds.highestAtLeast() > fair * (1 + TOLERANCE))
            return Math.min(limit, fair * fair / bounds.highestAtLeast() * (1 - TOLERANCE / 2));
        return Math.min(limit, START * Math.min(highestFloor, fair));
    }

    /**
     * After a point right of ℓ* (cap/c ≥ c/floor), the chord from the nearest point left of ℓ* (which lies above the
     * convex u, so it meets c²/ℓ left of ℓ*), or halfway to c²/cap when there is none yet; after a point left of ℓ*,
     * the tangents' meeting point (right of ℓ*). NaN when the candidate was solved already.
     */
    private static double nextFloor(List<Point> points, Point last, double fair, double high) {
        Point left = null;
        Point right = null;
        for (Point p : points) {
            if (p.right(fair)) {
                if (right == null || p.floor() < right.floor()) right = p;
            } else if (left == null || p.floor() > left.floor()) {
                left = p;
            }
        }
        double next;
        if (!last.right(fair) || right == null) next = high;
        else if (left == null) next = (fair * fair / right.cap() + Math.min(high, right.floor())) / 2;
        else next = chordMeets(left, right, fair);
        for (Point p : points) {
            if (Math.abs(p.floor() - next) <= 1e-7 * next) {
                if (left == null || right == null) return Double.NaN;
                next = (left.floor() + right.floor()) / 2;
            }
        }
        return next;
    }

    /** Where max_j tangent_j(ℓ)/c meets c/ℓ; the function is increasing, so bisection finds it. */
    private static double tangentsMeet(List<Point> points, double fair) {
        double lo = 1e-9;
        double hi = 1;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            double model = 0;
            for (Point p : points) model = Math.max(model, p.cap() + p.slope() * (mid - p.floor()));
            if (model / fair >= fair / mid) hi = mid;
            else lo = mid;
        }
        return hi;
    }

    /** Where the chord from the left point to the right one meets c²/ℓ. */
    private static double chordMeets(Point left, Point right, double fair) {
        double lo = left.floor();
        double hi = right.floor();
        double slope = (right.cap() - left.cap()) / (hi - lo);
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if ((left.cap() + slope * (mid - left.floor())) / fair >= fair / mid) hi = mid;
            else lo = mid;
        }
        return hi;
    }

    private SelectionOutcome stopped() {
        return run.cancellation().cancelled()
                ? new SelectionOutcome.Cancelled()
                : new SelectionOutcome.Failed("the solver gave up on the linear program");
    }

    /**
     * Column generation for one floor: cheap swapped panels each round, the integer program when they find none and
     * every {@link #BOUND_EVERY} rounds, until the integer program's lower bound on u is within
     * {@link ColumnGeneration#PRICING_EPSILON} of the cap reached, or the cap reaches the quotas' bound (then u is
     * flat at it: slope 0), or it finds no improving panel. Past the deadline, the panels so far, not finished.
     */
    private Optional<Point> solveAt(double floor, int[] row, Set<Panel> anchors, ChanceBounds bounds, long deadline) {
        double fair = bounds.fair();
        try (BoundsLp lp = new BoundsLp(run, floor, row, anchors, new ArrayList<>(panels))) {
            double bestBound = Double.NEGATIVE_INFINITY;
            int sinceBound = 0;
            while (true) {
                if (run.cancellation().cancelled()) return Optional.empty();
                Optional<BoundsLp.Solved> solved = lp.solve();
                if (solved.isEmpty()) return Optional.empty();
                BoundsLp.Solved r = solved.get();
                report(floor, r.cap());
                if (r.cap() <= bounds.highestAtLeast() + ColumnGeneration.PRICING_EPSILON)
                    return Optional.of(
                            new Point(floor, r.cap(), 0, r.panels(), objective(r.panels(), row, fair), true));
                if (System.nanoTime() - deadline > 0) {
                    Point sofar =
                            new Point(floor, r.cap(), r.slope(), r.panels(), objective(r.panels(), row, fair), false);
                    return Optional.of(sofar);
                }
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
                Point point = new Point(floor, r.cap(), r.slope(), r.panels(), objective(r.panels(), row, fair), true);
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

    /** max(max π/c, max c/π) over the people who can sit, for the panels with their probabilities. */
    private static double objective(List<BoundsLp.InUse> inUse, int[] row, double fair) {
        double[] chance = new double[row.length];
        double total = 0;
        for (BoundsLp.InUse p : inUse) total += p.weight();
        for (BoundsLp.InUse p : inUse) for (int i : p.panel().members()) chance[i] += p.weight() / total;
        double worst = 1;
        for (int i = 0; i < row.length; i++) {
            if (row[i] >= 0) worst = Math.max(worst, Math.max(chance[i] / fair, fair / chance[i]));
        }
        return worst;
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

    private SelectionOutcome selected(Point best, Optional<SelectionOutcome.CutShort> cutShort) {
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
        return new SelectionOutcome.Selected(Algorithm.GOLDILOCKS, distribution, cutShort);
    }

    private void report(double floor, double cap) {
        run.progress()
                .report(new Progress("bounding the chances from both sides", panels.size(), 0, problem.size(), floor));
    }
}
