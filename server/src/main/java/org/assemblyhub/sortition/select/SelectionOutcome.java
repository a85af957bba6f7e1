package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Distribution;

import java.time.Duration;
import java.util.Optional;

/** How a selection ended: a distribution, quotas no panel can meet (with what to relax), cancelled, or failed. */
public sealed interface SelectionOutcome {
    /**
     * A distribution. {@code cutShort} is present when leximin ran out of its time budget: the distribution is then
     * maximin-optimal (nobody's probability is below the best possible lowest one) and every person fixed by a
     * finished stage has their leximin probability, but the others may not — a screen must say so.
     */
    record Selected(Algorithm algorithm, Distribution distribution, Optional<CutShort> cutShort)
            implements SelectionOutcome {
        public Selected(Algorithm algorithm, Distribution distribution) {
            this(algorithm, distribution, Optional.empty());
        }

        /** True unless leximin stopped at its time budget. */
        public boolean complete() {
            return cutShort.isEmpty();
        }
    }

    /**
     * Leximin stopped at its budget with {@code fixedPeople} of {@code poolSize} people at their leximin probability
     * (at least those at the lowest one); the others have at least the lowest probability of the last stage reached.
     */
    record CutShort(Duration budget, int fixedPeople, int poolSize) {}

    record Infeasible(QuotaExplanation explanation) implements SelectionOutcome {}

    record Cancelled() implements SelectionOutcome {}

    record Failed(String reason) implements SelectionOutcome {}
}
