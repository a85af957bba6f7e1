package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Distribution;

/** How a selection ended: a distribution, quotas no panel can meet (with what to relax), cancelled, or failed. */
public sealed interface SelectionOutcome {
    record Selected(Algorithm algorithm, Distribution distribution) implements SelectionOutcome {}

    record Infeasible(QuotaExplanation explanation) implements SelectionOutcome {}

    record Cancelled() implements SelectionOutcome {}

    record Failed(String reason) implements SelectionOutcome {}
}
