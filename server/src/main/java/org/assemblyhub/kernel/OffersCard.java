package org.assemblyhub.kernel;

import java.io.Serializable;

/**
 * An event of one capability that puts a card on an open breakout group's board — a member's task answer brought in by
 * a facilitator — for the capability that keeps the boards to add, with where the card comes from.
 */
public interface OffersCard {
    int round();

    int group();

    String text();

    /** Who wrote the text. */
    String byPersonId();

    CardSource source();

    /**
     * Where a card comes from, shown on it: {@code kind} (e.g. "task"), {@code ref} (the item's id), {@code title} (the
     * task's item), {@code by} (the author's name).
     */
    record CardSource(String kind, String ref, String title, String by) implements Serializable {}
}
