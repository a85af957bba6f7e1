package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.SelectionProblem;

import java.util.List;

/**
 * What the quotas alone say of every distribution's chances, before any solve: each panel holds at least min and at
 * most max of the h people with a value who can sit, so their chances average between min/h and max/h — someone's
 * chance is at least the largest min/h, someone's at most the smallest max/h — and, the chances summing to k, the
 * highest is at least c = k/n and the lowest at most c. Goldilocks stops at these bounds: at 750/112 the quotas hold
 * the highest chance at 0.338 or more (22 of the 65 people aged 16–29 on every panel), where the cap program is flat
 * and column generation would crawl proving what they already say.
 */
public record ChanceBounds(double fair, double highestAtLeast, double lowestAtMost) {
    /** {@code row[i]} is person i's index among those who can sit, or −1 (who cannot sit is on no panel). */
    public static ChanceBounds of(SelectionProblem problem, int[] row) {
        int seated = 0;
        for (int r : row) if (r >= 0) seated++;
        double fair = problem.panelSize() / (double) seated;
        double highest = fair;
        double lowest = fair;
        List<Quota> quotas = problem.quotas().all();
        List<int[]> holders = problem.holders();
        for (int q = 0; q < quotas.size(); q++) {
            int canSit = 0;
            for (int i : holders.get(q)) if (row[i] >= 0) canSit++;
            if (canSit == 0) continue;
            highest = Math.max(highest, quotas.get(q).min() / (double) canSit);
            lowest = Math.min(lowest, quotas.get(q).max() / (double) canSit);
        }
        return new ChanceBounds(fair, highest, lowest);
    }

    /** No distribution's Goldilocks ratio max(max π/c, max c/π) is below this. */
    public double ratio() {
        return Math.max(highestAtLeast / fair, fair / lowestAtMost);
    }
}
