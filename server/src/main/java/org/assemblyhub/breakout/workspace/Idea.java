package org.assemblyhub.breakout.workspace;

import java.io.Serializable;
import java.time.Instant;

/** An idea card of a group; {@code promoted} puts it on the harvest board, {@code published} shows it to everyone. */
public record Idea(
        String id,
        int round,
        int group,
        String text,
        String byPersonId,
        Instant at,
        boolean starred,
        boolean promoted,
        boolean published)
        implements Serializable {
    Idea withText(String newText) {
        return new Idea(id, round, group, newText, byPersonId, at, starred, promoted, published);
    }

    Idea withStar(boolean star) {
        return new Idea(id, round, group, text, byPersonId, at, star, promoted, published);
    }

    Idea promote() {
        return new Idea(id, round, group, text, byPersonId, at, starred, true, published);
    }

    Idea publish() {
        return new Idea(id, round, group, text, byPersonId, at, starred, promoted, true);
    }
}
