package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.SelectionProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A cheap pricing heuristic for column generation: from a feasible panel, swap one member for one outsider while
 * that makes the panel heavier and keeps it within the quotas and the household rule. Every panel it returns is
 * feasible by construction (each swap is checked); it proves nothing about the heaviest panel, which is still the
 * integer program's job.
 */
final class PanelSwaps {
    private static final double GAIN = 1e-9;

    private final int n;
    private final int[] min;
    private final int[] max;
    private final int[][] groups;
    private final long[][] mask;
    private final int words;
    private final int[] household;
    private final int households;

    PanelSwaps(SelectionProblem problem) {
        this.n = problem.size();
        List<Quota> quotas = problem.quotas().all();
        this.min = quotas.stream().mapToInt(Quota::min).toArray();
        this.max = quotas.stream().mapToInt(Quota::max).toArray();
        List<List<Integer>> of = new ArrayList<>();
        for (int i = 0; i < n; i++) of.add(new ArrayList<>());
        List<int[]> holders = problem.holders();
        for (int q = 0; q < holders.size(); q++)
            for (int i : holders.get(q)) of.get(i).add(q);
        this.groups = new int[n][];
        for (int i = 0; i < n; i++)
            groups[i] = of.get(i).stream().mapToInt(Integer::intValue).toArray();
        this.words = (quotas.size() + 63) / 64;
        this.mask = new long[n][words];
        for (int i = 0; i < n; i++) for (int q : groups[i]) mask[i][q / 64] |= 1L << (q % 64);
        this.household = new int[n];
        Arrays.fill(household, -1);
        List<int[]> shared = problem.sharedHouseholds();
        for (int h = 0; h < shared.size(); h++) for (int i : shared.get(h)) household[i] = h;
        this.households = shared.size();
    }

    /**
     * Up to {@code limit} distinct panels heavier than {@code threshold} under the weights, each a local optimum
     * reached from one of the starting panels (tried in the order given), and none of them among {@code known}.
     */
    List<Panel> heavierThan(List<Panel> starts, double[] weights, double threshold, int limit, Set<Panel> known) {
        int[] heaviestFirst = IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> weights[i]).reversed())
                .mapToInt(Integer::intValue)
                .toArray();
        Set<Panel> found = new LinkedHashSet<>();
        for (Panel start : starts) {
            if (found.size() >= limit) break;
            Panel better = improve(start, weights, heaviestFirst);
            if (weight(better, weights) > threshold && !known.contains(better)) found.add(better);
        }
        return new ArrayList<>(found);
    }

    /**
     * The panel after best-improving swaps until none makes it heavier; {@code heaviestFirst} is everyone by weight,
     * heaviest first, so that the search for the best swap stops as soon as no pair left can beat it.
     */
    private Panel improve(Panel start, double[] weights, int[] heaviestFirst) {
        boolean[] on = new boolean[n];
        int[] count = new int[min.length];
        int[] seated = new int[households];
        for (int i : start.members()) {
            on[i] = true;
            for (int q : groups[i]) count[q]++;
            if (household[i] >= 0) seated[household[i]]++;
        }
        long[] atMin = new long[words];
        long[] atMax = new long[words];
        for (int q = 0; q < count.length; q++) mark(q, count, atMin, atMax);
        while (true) {
            int heaviestOutside = -1;
            for (int i : heaviestFirst) {
                if (!on[i]) {
                    heaviestOutside = i;
                    break;
                }
            }
            if (heaviestOutside < 0) break;
            double bestGain = GAIN;
            int out = -1;
            int in = -1;
            for (int a = n - 1; a >= 0; a--) {
                int leaving = heaviestFirst[a];
                if (!on[leaving]) continue;
                if (weights[heaviestOutside] - weights[leaving] <= bestGain) break;
                for (int joining : heaviestFirst) {
                    if (on[joining]) continue;
                    double gain = weights[joining] - weights[leaving];
                    if (gain <= bestGain) break;
                    if (canSwap(leaving, joining, atMin, atMax, seated)) {
                        bestGain = gain;
                        out = leaving;
                        in = joining;
                        break;
                    }
                }
            }
            if (out < 0) break;
            on[out] = false;
            on[in] = true;
            for (int q : groups[out]) count[q]--;
            for (int q : groups[in]) count[q]++;
            for (int q : groups[out]) mark(q, count, atMin, atMax);
            for (int q : groups[in]) mark(q, count, atMin, atMax);
            if (household[out] >= 0) seated[household[out]]--;
            if (household[in] >= 0) seated[household[in]]++;
        }
        return new Panel(IntStream.range(0, n).filter(i -> on[i]).toArray());
    }

    /** Records whether quota q is at its minimum (nobody holding it may leave alone) or maximum. */
    private void mark(int q, int[] count, long[] atMin, long[] atMax) {
        long bit = 1L << (q % 64);
        if (count[q] <= min[q]) atMin[q / 64] |= bit;
        else atMin[q / 64] &= ~bit;
        if (count[q] >= max[q]) atMax[q / 64] |= bit;
        else atMax[q / 64] &= ~bit;
    }

    /**
     * Whether the panel still meets the quotas and the household rule with {@code joining} in place of
     * {@code leaving}: no quota at its minimum loses a holder, none at its maximum gains one.
     */
    private boolean canSwap(int leaving, int joining, long[] atMin, long[] atMax, int[] seated) {
        int h = household[joining];
        if (h >= 0 && seated[h] > 0 && household[leaving] != h) return false;
        long[] out = mask[leaving];
        long[] in = mask[joining];
        for (int w = 0; w < words; w++) {
            if ((out[w] & ~in[w] & atMin[w]) != 0 || (in[w] & ~out[w] & atMax[w]) != 0) return false;
        }
        return true;
    }

    static double weight(Panel panel, double[] weights) {
        double w = 0;
        for (int i : panel.members()) w += weights[i];
        return w;
    }
}
