package org.assemblyhub.kernel;

/**
 * An event that brings something new into being under an id the hub chose (a poll, a draft, a ballot, a card): the
 * sender's acknowledgement names it ({@code "pollId": "p3"}), so a client never has to guess it from the next view.
 */
public interface Creation {
    /** The name of the id in the acknowledgement, e.g. {@code pollId}. */
    String idName();

    String createdId();
}
