package org.assemblyhub.breakout.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** Computes the readable figures of {@link AllocationQuality} from groups of member indexes. */
final class AllocationQualities {
    private AllocationQualities() {}

    static AllocationQuality empty() {
        return new AllocationQuality(Map.of(), Map.of(), 0, 0);
    }

    static AllocationQuality of(CostModel model, int[][] groups) {
        int[][][] counts = model.counts(groups);
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> worst = new LinkedHashMap<>();
        for (int a = 0; a < model.attributeNames.size(); a++) {
            double sum = 0;
            double gapMax = 0;
            for (int k = 0; k < groups.length; k++) {
                int size = groups[k].length;
                double l1 = 0;
                for (int v = 0; v < model.share[a].length; v++) {
                    double expected = model.share[a][v] * size;
                    l1 += Math.abs(counts[k][a][v] - expected);
                    if (size > 0)
                        gapMax = Math.max(gapMax, Math.abs(counts[k][a][v] / (double) size - model.share[a][v]));
                }
                sum += l1 / 2; // each member out of place shows up twice: one value over, another under
            }
            mean.put(model.attributeNames.get(a), round(sum / groups.length));
            worst.put(model.attributeNames.get(a), round(gapMax * 100));
        }
        int repeated = 0;
        int apart = 0;
        for (int[] group : groups) {
            for (int x = 0; x < group.length; x++) {
                for (int y = x + 1; y < group.length; y++) {
                    if (model.met[group[x]][group[y]] > 0) repeated++;
                    if (model.apart[group[x]][group[y]]) apart++;
                }
            }
        }
        return new AllocationQuality(mean, worst, repeated, apart);
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
