package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Panel;
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
 * Goldilocks' restricted primal for one floor ℓ, over the known panels: minimise the cap u subject to Σ p_P = 1 and
 * ℓ ≤ Σ_{P∋i} p_P ≤ u for everyone who can sit (one column per panel; two rows per person, the floor's and the
 * cap's). With a_i ≥ 0 the floor rows' duals and b_i ≥ 0 the cap rows' (Σ b_i = 1), a panel P improves the program
 * when Σ_{i∈P} (a_i − b_i) exceeds ℓ·Σ a_i − u, and ℓ·Σ a_i − max_P Σ_{i∈P} (a_i − b_i) over every feasible panel
 * bounds u(ℓ) from below; Σ a_i is the slope of u at ℓ. The anchors (panels on which some distribution gives everyone
 * at least ℓ) are always columns, so the program stays feasible when it is cut back.
 */
final class BoundsLp implements AutoCloseable {
    /** What one solve gives: the cap, the pricing weights a_i − b_i, the slope Σ a_i, and the panels in use. */
    record Solved(double cap, double[] weights, double slope, List<InUse> panels) {
        /** The weight of the heaviest known panel: a panel heavier than this improves the program. */
        double threshold(double floor) {
            return floor * slope - cap;
        }
    }

    /** A panel in use and its probability. */
    record InUse(Panel panel, double weight) {}

    /** The program is cut back to the anchors, the panels in use and the heaviest when it has this many per person. */
    private static final int COLUMN_LIMIT = 2;

    private final SelectionRun run;
    private final double floor;
    private final int[] row;
    private final int seated;
    private final Set<Panel> anchors;
    private final Set<Panel> columns = new LinkedHashSet<>();
    private final List<Panel> order = new ArrayList<>();
    private IncrementalLp lp;

    /** {@code row[i]} is person i's index among those who can sit, or −1. */
    BoundsLp(SelectionRun run, double floor, int[] row, Set<Panel> anchors, List<Panel> known) {
        this.run = run;
        this.floor = floor;
        this.row = row.clone();
        this.seated = (int) Arrays.stream(row).filter(r -> r >= 0).count();
        this.anchors = anchors;
        List<Panel> start = new ArrayList<>(anchors);
        start.addAll(known);
        rebuild(start);
    }

    private void rebuild(List<Panel> keep) {
        if (lp != null) lp.close();
        LinearModel primal = LinearModel.minimising();
        int cap = primal.variable(0, Double.POSITIVE_INFINITY, false, 1);
        primal.constraint(new int[0], new double[0], 1, 1);
        for (int r = 0; r < seated; r++) primal.constraint(new int[0], new double[0], floor, Double.POSITIVE_INFINITY);
        for (int r = 0; r < seated; r++)
            primal.constraint(new int[] {cap}, new double[] {-1}, Double.NEGATIVE_INFINITY, 0);
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
        int[] at = new int[2 * p.size() + 1];
        double[] ones = new double[at.length];
        int count = 1;
        for (int i : p.members()) {
            if (row[i] < 0) continue;
            at[count++] = 1 + row[i];
            at[count++] = 1 + seated + row[i];
        }
        at = Arrays.copyOf(at, count);
        ones = Arrays.copyOf(ones, count);
        Arrays.fill(ones, 1);
        lp.addColumn(0, Double.POSITIVE_INFINITY, 0, at, ones);
        return true;
    }

    Optional<Solved> solve() {
        Solution s = lp.solve(run.solverTimeLimit());
        if (!s.found()) {
            // As in ColumnGeneration: GLOP has been seen to give up on a model grown by many columns.
            rebuild(new ArrayList<>(order));
            s = lp.solve(run.solverTimeLimit());
        }
        if (!s.found() || !s.hasDuals()) return Optional.empty();
        double capDuals = 0;
        for (int r = 0; r < seated; r++) capDuals += s.dual(1 + seated + r);
        // Solvers differ in the sign they give duals; the cap rows' b_i sum to 1, whatever the sign.
        double sign = capDuals < 0 ? 1 : -1;
        double[] weights = new double[row.length];
        double slope = 0;
        for (int i = 0; i < row.length; i++) {
            if (row[i] < 0) continue;
            double a = Math.max(0, sign * s.dual(1 + row[i]));
            double b = Math.max(0, -sign * s.dual(1 + seated + row[i]));
            weights[i] = a - b;
            slope += a;
        }
        List<InUse> inUse = new ArrayList<>();
        for (int j = 0; j < order.size(); j++) {
            if (s.value(1 + j) > 1e-12) inUse.add(new InUse(order.get(j), s.value(1 + j)));
        }
        Solved solved = new Solved(s.objective(), weights, slope, inUse);
        if (order.size() > COLUMN_LIMIT * seated) compact(solved);
        return Optional.of(solved);
    }

    /** Keeps the anchors, the panels in use and the heaviest under the current weights (the others stay known). */
    private void compact(Solved solved) {
        Set<Panel> keep = new LinkedHashSet<>(anchors);
        solved.panels().forEach(d -> keep.add(d.panel()));
        List<Panel> rest = new ArrayList<>(order);
        rest.removeAll(keep);
        rest.sort(Comparator.comparingDouble((Panel p) -> PanelSwaps.weight(p, solved.weights()))
                .reversed());
        int room = Math.max(0, seated * COLUMN_LIMIT / 2 - keep.size());
        keep.addAll(rest.subList(0, Math.min(room, rest.size())));
        rebuild(new ArrayList<>(keep));
    }

    @Override
    public void close() {
        lp.close();
    }
}
