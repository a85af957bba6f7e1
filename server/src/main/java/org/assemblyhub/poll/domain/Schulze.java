package org.assemblyhub.poll.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The Schulze method on ranked ballots (each ballot lists option indexes, best first; options left out rank below
 * all listed ones, tied with each other). {@code pairwise[i][j]} is the number of voters preferring i to j,
 * {@code strongest[i][j]} the strength of the strongest path from i to j; {@code ranking} groups tied options.
 */
public record Schulze(int[][] pairwise, int[][] strongest, List<List<Integer>> ranking) {

    public static Schulze of(int options, List<List<Integer>> ballots) {
        int[][] d = new int[options][options];
        for (List<Integer> ballot : ballots) {
            int[] position = new int[options];
            Arrays.fill(position, Integer.MAX_VALUE);
            for (int k = 0; k < ballot.size(); k++) position[ballot.get(k)] = k;
            for (int i = 0; i < options; i++) {
                for (int j = 0; j < options; j++) {
                    if (i != j && position[i] < position[j]) d[i][j]++;
                }
            }
        }
        int[][] p = new int[options][options];
        for (int i = 0; i < options; i++) {
            for (int j = 0; j < options; j++) {
                if (i != j && d[i][j] > d[j][i]) p[i][j] = d[i][j];
            }
        }
        for (int i = 0; i < options; i++) {
            for (int j = 0; j < options; j++) {
                if (i == j) continue;
                for (int k = 0; k < options; k++) {
                    if (i != k && j != k) p[j][k] = Math.max(p[j][k], Math.min(p[j][i], p[i][k]));
                }
            }
        }
        // The relation "p[i][j] > p[j][i]" is a strict order: the count of options each one beats sorts them.
        int[] beats = new int[options];
        for (int i = 0; i < options; i++) {
            for (int j = 0; j < options; j++) if (p[i][j] > p[j][i]) beats[i]++;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < options; i++) order.add(i);
        order.sort(Comparator.comparingInt((Integer i) -> -beats[i]).thenComparingInt(i -> i));
        List<List<Integer>> ranking = new ArrayList<>();
        for (int i : order) {
            if (!ranking.isEmpty() && beats[ranking.get(ranking.size() - 1).get(0)] == beats[i]) {
                ranking.get(ranking.size() - 1).add(i);
            } else {
                ranking.add(new ArrayList<>(List.of(i)));
            }
        }
        return new Schulze(d, p, ranking.stream().map(List::copyOf).toList());
    }

    /** The option(s) no other option beats. */
    public List<Integer> winners() {
        return ranking.isEmpty() ? List.of() : ranking.get(0);
    }
}
