package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Quota;

import java.util.List;

/**
 * Why no panel meets the quotas: the features involved, plain reasons where counting shows them, and the smallest
 * relaxation (fewest seats of slack in total) that makes a panel possible — within the flex bounds when
 * {@code withinFlex}, otherwise the smallest one at all, to show what the flex bounds would have to allow.
 */
public record QuotaExplanation(
        List<String> features, List<String> reasons, List<Relaxation> relaxations, boolean withinFlex) {
    public QuotaExplanation {
        features = List.copyOf(features);
        reasons = List.copyOf(reasons);
        relaxations = List.copyOf(relaxations);
    }

    /** One quota loosened: its bounds before and after. */
    public record Relaxation(Quota before, Quota after) {
        public String describe() {
            return before.feature() + "=" + before.value() + ": " + before.min() + "-" + before.max() + " → "
                    + after.min() + "-" + after.max();
        }
    }

    public boolean relaxable() {
        return !relaxations.isEmpty();
    }
}
