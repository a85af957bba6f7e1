package org.assemblyhub.breakout.domain;

import java.io.Serializable;
import java.util.Map;

/**
 * How good an allocation is, in figures a lead facilitator can read: for each attribute, the mean distance (in
 * members per group) between a group's mix and the assembly's proportions, the largest such gap in percentage points,
 * and the number of pairs of members who already sat together in an earlier round.
 */
public record AllocationQuality(
        Map<String, Double> meanDeviation,
        Map<String, Double> worstGapPoints,
        int repeatedPairs,
        int keepApartViolations)
        implements Serializable {
    public AllocationQuality {
        meanDeviation = Map.copyOf(meanDeviation);
        worstGapPoints = Map.copyOf(worstGapPoints);
    }
}
