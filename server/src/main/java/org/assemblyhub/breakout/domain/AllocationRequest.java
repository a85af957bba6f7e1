package org.assemblyhub.breakout.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a breakout round needs: the members present, the facilitators present (two per group: lead and co), size
 * bounds, earlier rounds (to avoid repeated pairs), pinned members (accessibility, interpreter: group index) and pairs
 * to keep apart. The random generator's seed makes the allocation reproducible.
 */
public record AllocationRequest(
        List<Participant> members,
        List<String> facilitators,
        int minSize,
        int maxSize,
        List<List<Set<String>>> earlierRounds,
        Map<String, Integer> pinned,
        Set<Set<String>> keepApart) {
    public AllocationRequest {
        members = List.copyOf(members);
        facilitators = List.copyOf(facilitators);
        earlierRounds = List.copyOf(earlierRounds);
        pinned = Map.copyOf(pinned);
        keepApart = Set.copyOf(keepApart);
        if (minSize < 1 || maxSize < minSize) throw new IllegalArgumentException("sizes " + minSize + "–" + maxSize);
    }

    public static AllocationRequest of(List<Participant> members, List<String> facilitators, int minSize, int maxSize) {
        return new AllocationRequest(members, facilitators, minSize, maxSize, List.of(), Map.of(), Set.of());
    }

    public AllocationRequest withEarlierRounds(List<List<Set<String>>> rounds) {
        return new AllocationRequest(members, facilitators, minSize, maxSize, rounds, pinned, keepApart);
    }

    public AllocationRequest withPinned(Map<String, Integer> newPinned) {
        return new AllocationRequest(members, facilitators, minSize, maxSize, earlierRounds, newPinned, keepApart);
    }

    public AllocationRequest withKeepApart(Set<Set<String>> pairs) {
        return new AllocationRequest(members, facilitators, minSize, maxSize, earlierRounds, pinned, pairs);
    }
}
