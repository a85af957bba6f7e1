package org.assemblyhub.sortition.desk;

import java.util.ArrayList;
import java.util.List;

/**
 * How equal the chances were: everyone's selection probability in twentieths of [0, 1], the lowest and the highest,
 * and the share each would have if all were equal (k/n). The organiser's histogram and the observers' are these.
 */
public record Fairness(List<Integer> histogram, double lowest, double highest, double equal) {
    public static final int BINS = 20;

    public Fairness {
        histogram = List.copyOf(histogram);
    }

    public static Fairness of(double[] probabilities, int panelSize) {
        int[] bins = new int[BINS];
        double lowest = probabilities.length == 0 ? 0 : Double.MAX_VALUE;
        double highest = 0;
        for (double p : probabilities) {
            bins[Math.min(BINS - 1, Math.max(0, (int) Math.floor(p * BINS + 1e-9)))]++;
            lowest = Math.min(lowest, p);
            highest = Math.max(highest, p);
        }
        List<Integer> histogram = new ArrayList<>();
        for (int b : bins) histogram.add(b);
        double equal = probabilities.length == 0 ? 0 : panelSize / (double) probabilities.length;
        return new Fairness(histogram, lowest, highest, equal);
    }
}
