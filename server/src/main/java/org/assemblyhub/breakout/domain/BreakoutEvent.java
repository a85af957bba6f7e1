package org.assemblyhub.breakout.domain;

import org.assemblyhub.kernel.DomainEvent;

import java.time.Instant;
import java.util.List;

/** Facts about breakout rounds. A plan records its seed, so anyone can recompute the same groups from the journal. */
public sealed interface BreakoutEvent extends DomainEvent {

    record BreakoutsPlanned(
            int round, long seed, List<Group> groups, AllocationQuality quality, AllocationQuality randomBaseline)
            implements BreakoutEvent {
        public BreakoutsPlanned {
            groups = List.copyOf(groups);
        }
    }

    /** The lead moved someone to another group of the planned or open round. */
    record MemberMoved(String personId, int toGroup) implements BreakoutEvent {}

    record BreakoutsOpened(int round, Instant at) implements BreakoutEvent {}

    /** Always place this member in group {@code group} (accessibility, an interpreter); 0 lifts the pin. */
    record MemberPinned(String personId, int group) implements BreakoutEvent {}

    /** Never place these two in the same group ({@code apart} false lifts it). */
    record PairKeptApart(String personId, String otherId, boolean apart) implements BreakoutEvent {}

    record GroupExtensionsAllowed(boolean allowed) implements BreakoutEvent {}

    record GroupExtended(int group, int minutes) implements BreakoutEvent {}

    /**
     * These groups are back in the plenary while extended ones run on ({@code at}: when the round's time was up;
     * {@code extendableMinutes}: the round's limit, which still applies to the groups running over).
     */
    record GroupsReturned(List<Integer> groups, Instant at, int extendableMinutes) implements BreakoutEvent {
        public GroupsReturned {
            groups = List.copyOf(groups);
        }
    }

    /**
     * Someone not seated in the round joins group {@code group} ({@code facilitates}: as one of its facilitators — the
     * lead, an organiser, a roaming facilitator — rather than as a guest, e.g. an expert); group 0: they left it.
     */
    record GroupVisited(String personId, int group, boolean facilitates) implements BreakoutEvent {}

    /** Everyone is back in the plenary. */
    record BreakoutsClosed(int round, Instant at) implements BreakoutEvent {}
}
