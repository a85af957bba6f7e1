package org.assemblyhub.sortition.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How each quota is filled: people with the value in the pool, the expected number on the panel under a distribution
 * (the sum of their probabilities), and the fewest and most on any panel of it — for the organiser's report.
 */
public record QuotaFill(Quota quota, int inPool, double expected, int fewest, int most) {
    public static List<QuotaFill> of(SelectionProblem problem, Distribution distribution) {
        List<QuotaFill> rows = new ArrayList<>();
        List<Quota> quotas = problem.quotas().all();
        List<int[]> holders = problem.holders();
        for (int q = 0; q < quotas.size(); q++) {
            double expected = 0;
            for (int i : holders.get(q)) expected += distribution.probability(i);
            int fewest = Integer.MAX_VALUE;
            int most = 0;
            for (Distribution.WeightedPanel wp : distribution.panels()) {
                int count = PanelRules.count(problem, wp.panel(), quotas.get(q));
                fewest = Math.min(fewest, count);
                most = Math.max(most, count);
            }
            rows.add(new QuotaFill(quotas.get(q), holders.get(q).length, expected, fewest, most));
        }
        return rows;
    }
}
