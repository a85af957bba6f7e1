package org.assemblyhub.breakout.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cost of a set of groups, in numbers the search can update cheaply:
 * <ul>
 *   <li><b>diversity</b>: for each attribute and value, the squared gap between a group's count and its proportional
 *       share ({@code share × group size}); every attribute counts alike, a missing value counts as its own value;</li>
 *   <li><b>mixing</b>: {@link #PAIR_WEIGHT} for each earlier round a pair of group-mates already shared;</li>
 *   <li><b>keep-apart</b>: {@link #APART_WEIGHT} per pair that must not meet (in effect a hard rule).</li>
 * </ul>
 * Members are indexed 0..n-1 in request order.
 */
final class CostModel {
    static final double PAIR_WEIGHT = 2.0;
    static final double APART_WEIGHT = 10_000.0;

    final int n;
    final List<String> attributeNames;
    /** value[i][a]: index of member i's value for attribute a. */
    final int[][] value;
    /** share[a][v]: the assembly's proportion of value v for attribute a. */
    final double[][] share;
    /** weight[i][j]: the cost of i and j sitting together. */
    final double[][] weight;

    final int[][] met;
    final boolean[][] apart;

    CostModel(AllocationRequest request) {
        List<Participant> members = request.members();
        n = members.size();
        Set<String> names = new TreeSet<>();
        members.forEach(m -> names.addAll(m.attributes().keySet()));
        attributeNames = List.copyOf(names);
        value = new int[n][attributeNames.size()];
        share = new double[attributeNames.size()][];
        for (int a = 0; a < attributeNames.size(); a++) {
            Map<String, Integer> codes = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String v = members.get(i).attributes().getOrDefault(attributeNames.get(a), "");
                value[i][a] = codes.computeIfAbsent(v, k -> codes.size());
            }
            share[a] = new double[codes.size()];
            for (int i = 0; i < n; i++) share[a][value[i][a]] += 1.0 / n;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) index.put(members.get(i).id(), i);
        met = new int[n][n];
        for (List<Set<String>> round : request.earlierRounds()) {
            for (Set<String> group : round) {
                List<Integer> present = new ArrayList<>();
                for (String id : group) if (index.containsKey(id)) present.add(index.get(id));
                for (int x : present) for (int y : present) if (x != y) met[x][y]++;
            }
        }
        apart = new boolean[n][n];
        for (Set<String> pair : request.keepApart()) {
            List<Integer> both =
                    pair.stream().filter(index::containsKey).map(index::get).toList();
            if (both.size() == 2) {
                apart[both.get(0)][both.get(1)] = true;
                apart[both.get(1)][both.get(0)] = true;
            }
        }
        weight = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) weight[i][j] = PAIR_WEIGHT * met[i][j] + (apart[i][j] ? APART_WEIGHT : 0);
        }
    }

    /** counts[k][a][v] for the given groups (each an array of member indexes). */
    int[][][] counts(int[][] groups) {
        int[][][] counts = new int[groups.length][attributeNames.size()][];
        for (int k = 0; k < groups.length; k++) {
            for (int a = 0; a < attributeNames.size(); a++) {
                counts[k][a] = new int[share[a].length];
                for (int i : groups[k]) counts[k][a][value[i][a]]++;
            }
        }
        return counts;
    }

    double groupCost(int[] group, int[][] groupCounts) {
        double cost = 0;
        for (int a = 0; a < attributeNames.size(); a++) {
            for (int v = 0; v < share[a].length; v++) {
                double gap = groupCounts[a][v] - share[a][v] * group.length;
                cost += gap * gap;
            }
        }
        for (int x = 0; x < group.length; x++) {
            for (int y = x + 1; y < group.length; y++) cost += weight[group[x]][group[y]];
        }
        return cost;
    }

    /** The change of cost if member {@code i} (group a) and member {@code j} (group b) swap places. */
    double swapDelta(int i, int[] groupA, int[][] countsA, int j, int[] groupB, int[][] countsB) {
        double delta = 0;
        int sizeA = groupA.length;
        int sizeB = groupB.length;
        for (int a = 0; a < attributeNames.size(); a++) {
            int vi = value[i][a];
            int vj = value[j][a];
            if (vi == vj) continue;
            double eAi = share[a][vi] * sizeA,
                    eAj = share[a][vj] * sizeA,
                    eBi = share[a][vi] * sizeB,
                    eBj = share[a][vj] * sizeB;
            delta += sq(countsA[a][vi] - 1 - eAi)
                    - sq(countsA[a][vi] - eAi)
                    + sq(countsA[a][vj] + 1 - eAj)
                    - sq(countsA[a][vj] - eAj)
                    + sq(countsB[a][vi] + 1 - eBi)
                    - sq(countsB[a][vi] - eBi)
                    + sq(countsB[a][vj] - 1 - eBj)
                    - sq(countsB[a][vj] - eBj);
        }
        for (int m : groupA) if (m != i) delta += weight[j][m] - weight[i][m];
        for (int m : groupB) if (m != j) delta += weight[i][m] - weight[j][m];
        return delta;
    }

    private static double sq(double x) {
        return x * x;
    }
}
