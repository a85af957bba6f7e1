package org.assemblyhub.breakout.domain;

import java.util.List;
import java.util.Optional;

/** The result: the groups, their quality, and the quality a plain random allocation of the same people would have. */
public record Allocation(List<Group> groups, AllocationQuality quality, AllocationQuality randomBaseline) {
    public Allocation {
        groups = List.copyOf(groups);
    }

    public Optional<Group> groupOf(String memberId) {
        return groups.stream().filter(g -> g.members().contains(memberId)).findFirst();
    }
}
