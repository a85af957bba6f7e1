package org.assemblyhub.poll.domain;

import java.util.List;

/**
 * The Modified Borda Count: a voter who ranks m options gives m points to the first, m − 1 to the second, … 1 to the
 * last ranked, and nothing to options left out — so ranking more options never hurts the ones ranked first.
 */
public final class ModifiedBorda {
    private ModifiedBorda() {}

    public static int[] points(int options, List<List<Integer>> ballots) {
        int[] points = new int[options];
        for (List<Integer> ballot : ballots) {
            int m = ballot.size();
            for (int k = 0; k < m; k++) points[ballot.get(k)] += m - k;
        }
        return points;
    }
}
