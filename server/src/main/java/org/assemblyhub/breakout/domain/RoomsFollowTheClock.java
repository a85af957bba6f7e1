package org.assemblyhub.breakout.domain;

import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.PlannedSegment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the run of show means for the rooms. When the clock enters a breakouts segment a round opens (planned now, with
 * the moment as the allocator's seed, unless the lead already previewed one); when it leaves, everyone comes back —
 * except, when time runs out on its own, the groups given extra minutes. A member who connects while a round is open
 * joins the group where balance suffers least.
 */
public final class RoomsFollowTheClock {
    public static final int DEFAULT_MIN = 7;
    public static final int DEFAULT_MAX = 8;

    private RoomsFollowTheClock() {}

    /**
     * The clock moved: {@code entered} is the new segment (null: the session ended), {@code left} the one it leaves,
     * {@code onTime} whether time ran out (rather than someone moving the clock).
     */
    public static List<DomainEvent> clockMoved(
            BreakoutRooms rooms,
            PlannedSegment entered,
            PlannedSegment left,
            boolean ended,
            boolean onTime,
            BreakoutDecider.Present present,
            Instant now) {
        List<DomainEvent> events = new ArrayList<>();
        boolean planned = rooms.hasPlan() && !rooms.isOpen();
        int heldRounds = rooms.heldRounds().size();
        boolean leavingForPlenary = entered == null || !entered.isBreakouts();
        if (rooms.isOpen() && onTime && leavingForPlenary && rooms.hasExtendedGroups() && !ended) {
            // Time is up for the round, not for the groups given extra minutes: the others come back now.
            List<Integer> back = rooms.groups().stream()
                    .map(Group::number)
                    .filter(n -> rooms.extraMinutes(n) == 0)
                    .toList();
            events.add(new BreakoutEvent.GroupsReturned(back, now, left == null ? 0 : left.extendableMinutes()));
            return events;
        }
        if (rooms.isOpen()) events.add(new BreakoutEvent.BreakoutsClosed(rooms.round(), now));
        if (entered == null || !entered.isBreakouts()) return events;
        int round = heldRounds + (planned ? 0 : 1);
        if (!planned && entered.keepGroups() && !rooms.lastGroups().isEmpty()) {
            events.add(
                    new BreakoutEvent.BreakoutsPlanned(round, 0, rooms.lastGroups(), emptyQuality(), emptyQuality()));
        } else if (!planned) {
            if (present.members().isEmpty()) return events;
            long seed = now.toEpochMilli();
            int min = entered.minSize() > 0 ? entered.minSize() : DEFAULT_MIN;
            int max = entered.maxSize() > 0 ? entered.maxSize() : DEFAULT_MAX;
            var allocation = new GroupAllocator(new SplittableRandom(seed))
                    .allocate(new AllocationRequest(
                            present.members(),
                            present.facilitators(),
                            min,
                            max,
                            rooms.heldRounds(),
                            rooms.pinnedIndexes(),
                            rooms.keepApart()));
            events.add(new BreakoutEvent.BreakoutsPlanned(
                    round, seed, allocation.groups(), allocation.quality(), allocation.randomBaseline()));
        }
        events.add(new BreakoutEvent.BreakoutsOpened(planned ? rooms.round() : round, now));
        return events;
    }

    /**
     * A member who connects while a round is open and sits in no group joins the group where balance suffers least
     * (and never a full one while another has room). {@code everyone}: the seated members, with their attributes.
     */
    public static List<DomainEvent> latecomer(BreakoutRooms rooms, Participant latecomer, List<Participant> everyone) {
        if (!rooms.isOpen() || rooms.groups().stream().anyMatch(g -> g.members().contains(latecomer.id())))
            return List.of();
        var context = new AllocationRequest(
                everyone, List.of(), DEFAULT_MIN, DEFAULT_MAX, rooms.heldRounds(), Map.of(), rooms.keepApart());
        var group = GroupAllocator.placeLatecomer(rooms.groups(), latecomer, everyone, context);
        return List.of(new BreakoutEvent.MemberMoved(latecomer.id(), group.number()));
    }

    private static AllocationQuality emptyQuality() {
        return new AllocationQuality(Map.of(), Map.of(), 0, 0);
    }
}
