package org.assemblyhub.sortition.domain;

import java.util.List;

/**
 * A lottery over feasible panels: each panel with its weight (weights sum to 1), and what it gives each person — the
 * probability of being selected, summing to k over the pool.
 */
public record Distribution(List<WeightedPanel> panels, double[] probabilities) {
    public Distribution {
        panels = List.copyOf(panels);
        probabilities = probabilities.clone();
    }

    public record WeightedPanel(Panel panel, double weight) {}

    public static Distribution of(List<WeightedPanel> panels, int poolSize) {
        double[] probabilities = new double[poolSize];
        for (WeightedPanel wp : panels) {
            for (int i : wp.panel().members()) probabilities[i] += wp.weight();
        }
        return new Distribution(panels, probabilities);
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    public double probability(int person) {
        return probabilities[person];
    }

    public double minimum() {
        double min = Double.POSITIVE_INFINITY;
        for (double p : probabilities) min = Math.min(min, p);
        return min;
    }

    public double maximum() {
        double max = 0;
        for (double p : probabilities) max = Math.max(max, p);
        return max;
    }
}
