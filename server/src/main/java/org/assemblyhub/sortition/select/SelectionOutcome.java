package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Distribution;

import java.time.Duration;
import java.util.Optional;

/** How a selection ended: a distribution, quotas no panel can meet (with what to relax), cancelled, or failed. */
public sealed interface SelectionOutcome {
    /**
     * A distribution. {@code cutShort} is present when leximin or Goldilocks ran out of its time budget: the
     * distribution is then the best found so far, and a screen must say so.
     */
    record Selected(Algorithm algorithm, Distribution distribution, Optional<CutShort> cutShort)
            implements SelectionOutcome {
        public Selected(Algorithm algorithm, Distribution distribution) {
            this(algorithm, distribution, Optional.empty());
        }

        /** True unless the algorithm stopped at its time budget. */
        public boolean complete() {
            return cutShort.isEmpty();
        }
    }

    /** How an algorithm stopped at its time budget, and what is known of the distribution it returned. */
    sealed interface CutShort {
        Duration budget();

        /**
         * Leximin stopped with {@code fixedPeople} of {@code poolSize} people at their leximin probability (at least
         * those at the lowest one, so the distribution is maximin-optimal); the others have at least the lowest
         * probability of the last stage reached.
         */
        record Leximin(Duration budget, int fixedPeople, int poolSize) implements CutShort {}

        /**
         * Goldilocks stopped with the best distribution found so far, whose Goldilocks ratio max(max π/c, max c/π) is
         * {@code ratio}; no distribution has a ratio below {@code bound}.
         */
        record Goldilocks(Duration budget, double ratio, double bound) implements CutShort {}
    }

    record Infeasible(QuotaExplanation explanation) implements SelectionOutcome {}

    record Cancelled() implements SelectionOutcome {}

    record Failed(String reason) implements SelectionOutcome {}
}
