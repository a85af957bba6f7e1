package org.assemblyhub.kernel;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who sits in which breakout group, as other capabilities see it (breakout rooms own it). */
public interface Seating {
    /** The current breakout round (0: none planned yet). */
    int round();

    boolean isOpen();

    /** Where this person sits now, if in a group. */
    Optional<Seat> seatOf(String personId);

    /** The members (not facilitators) of a group of the current round. */
    List<String> members(int group);

    /** The groups of the open round that still meet (not returned). */
    List<Integer> meeting();

    /** The round that these accepted events close, if they close one. */
    Optional<Integer> roundClosedBy(List<DomainEvent> events);

    /** A card of a group's workspace: where it comes from and whether its group sent it to the harvest. */
    Optional<Card> card(String ideaId);

    /** {@code facilitates}: this person is a facilitator of that group. */
    record Seat(int round, int group, boolean facilitates, Set<String> people) {}

    record Card(int group, boolean promoted) {}
}
