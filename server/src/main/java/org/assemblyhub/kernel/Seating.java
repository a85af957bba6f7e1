package org.assemblyhub.kernel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Who sits in which breakout group, as other capabilities see it (breakout rooms own it). */
public interface Seating {
    /** The current breakout round (0: none planned yet). */
    int round();

    boolean isOpen();

    /** Changes whenever who sits where may have changed (derived views keyed on it stay right). */
    long version();

    /** Where this person sits now, if in a group. */
    Optional<Seat> seatOf(String personId);

    /**
     * The seat this person had in the latest round they sat in (the round may be closed: between sessions, the group of
     * the last evening), as a member or one of its facilitators; visitors are not seated.
     */
    Optional<Seat> lastSeatOf(String personId);

    /**
     * The seat this person will have in the round planned and not yet open, or else their {@link #lastSeatOf}: the
     * group a facilitator prepares for before the session.
     */
    Optional<Seat> nextSeatOf(String personId);

    /** Everyone's group in the latest round they sat in, by person id (one pass over the rounds held). */
    Map<String, Integer> lastGroups();

    /** The members (not facilitators) of group {@code group} in round {@code round}. */
    List<String> members(int round, int group);

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
