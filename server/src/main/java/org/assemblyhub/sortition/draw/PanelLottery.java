package org.assemblyhub.sortition.draw;

import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.Distribution.WeightedPanel;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.solver.LinearModel;
import org.assemblyhub.sortition.solver.MathSolver;
import org.assemblyhub.sortition.solver.Solution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a distribution into m equally likely panels, so that a public draw is just "pick one of m". Each panel's
 * weight w becomes a count of ⌊m·w⌋ or ⌈m·w⌉ copies, the counts summing to m; an integer program chooses which
 * panels round up so that the largest change in anyone's probability is as small as it can be (Flanigan, Kehne and
 * Procaccia, "Fair sortition made transparent", 2021, round the same way). If the solver gives up, largest
 * remainders decide.
 */
public final class PanelLottery {
    private PanelLottery() {}

    /** The m panels (a panel repeated as often as its count) and the largest change of any probability. */
    public record Lottery(List<Panel> panels, double maxChange) {
        public Lottery {
            panels = List.copyOf(panels);
        }
    }

    public static Lottery round(Distribution d, int m, int poolSize, MathSolver solver, Duration timeLimit) {
        List<WeightedPanel> weighted = d.panels();
        int[] counts = optimalCounts(weighted, m, d, solver, timeLimit);
        if (counts == null) counts = largestRemainders(weighted, m);
        List<Panel> panels = new ArrayList<>();
        double[] rounded = new double[poolSize];
        for (int j = 0; j < weighted.size(); j++) {
            for (int c = 0; c < counts[j]; c++) panels.add(weighted.get(j).panel());
            for (int i : weighted.get(j).panel().members()) rounded[i] += counts[j] / (double) m;
        }
        double maxChange = 0;
        for (int i = 0; i < poolSize; i++) maxChange = Math.max(maxChange, Math.abs(rounded[i] - d.probability(i)));
        return new Lottery(panels, maxChange);
    }

    private static int[] optimalCounts(
            List<WeightedPanel> weighted, int m, Distribution d, MathSolver solver, Duration timeLimit) {
        LinearModel model = LinearModel.minimising();
        int[] up = new int[weighted.size()];
        int floors = 0;
        for (int j = 0; j < up.length; j++) {
            double exact = weighted.get(j).weight() * m;
            boolean whole = Math.abs(exact - Math.rint(exact)) < 1e-9;
            up[j] = model.variable(0, whole ? 0 : 1, true, 0);
            floors += floor(exact);
        }
        model.sum(up, m - floors, m - floors);
        int t = model.variable(0, 1, false, 1);
        int poolSize = d.probabilities().length;
        List<List<Integer>> containing = new ArrayList<>();
        for (int i = 0; i < poolSize; i++) containing.add(new ArrayList<>());
        for (int j = 0; j < up.length; j++)
            for (int i : weighted.get(j).panel().members()) containing.get(i).add(j);
        for (int i = 0; i < poolSize; i++) {
            List<Integer> js = containing.get(i);
            if (js.isEmpty()) continue;
            // |(Σ floor + Σ up)/m − π| ≤ t, as two rows on Σ up/m ± t.
            double base = 0;
            int[] vars = new int[js.size() + 1];
            double[] coefficients = new double[vars.length];
            for (int a = 0; a < js.size(); a++) {
                base += floor(weighted.get(js.get(a)).weight() * m) / (double) m;
                vars[a] = up[js.get(a)];
                coefficients[a] = 1.0 / m;
            }
            vars[js.size()] = t;
            coefficients[js.size()] = -1;
            model.constraint(vars, coefficients, Double.NEGATIVE_INFINITY, d.probability(i) - base);
            double[] plus = coefficients.clone();
            plus[js.size()] = 1;
            model.constraint(vars, plus, d.probability(i) - base, Double.POSITIVE_INFINITY);
        }
        Solution s = solver.solve(model, timeLimit);
        if (!s.found()) return null;
        int[] counts = new int[up.length];
        for (int j = 0; j < up.length; j++) {
            counts[j] = floor(weighted.get(j).weight() * m) + (s.value(up[j]) > 0.5 ? 1 : 0);
        }
        return counts;
    }

    private static int floor(double exact) {
        // A weight of 0.3 times 1000 may come out as 299.99999: that is 300, not 299.
        return (int) Math.floor(exact + 1e-9);
    }

    private static int[] largestRemainders(List<WeightedPanel> weighted, int m) {
        int[] counts = new int[weighted.size()];
        int given = 0;
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < counts.length; j++) {
            counts[j] = floor(weighted.get(j).weight() * m);
            given += counts[j];
            order.add(j);
        }
        order.sort(Comparator.comparingDouble(
                j -> -(weighted.get(j).weight() * m - floor(weighted.get(j).weight() * m))));
        for (int a = 0; given < m; a = (a + 1) % counts.length, given++) counts[order.get(a)]++;
        return counts;
    }
}
