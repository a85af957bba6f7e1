package org.assemblyhub.breakout.workspace;

import org.assemblyhub.kernel.OffersCard;

import java.io.Serializable;
import java.time.Instant;

/**
 * An idea card of a group; {@code promoted} puts it on the harvest board, {@code published} shows it to everyone;
 * {@code source}: where a card brought from elsewhere comes from (null: written in the group).
 */
public record Idea(
        String id,
        int round,
        int group,
        String text,
        String byPersonId,
        Instant at,
        boolean starred,
        boolean promoted,
        boolean published,
        OffersCard.CardSource source)
        implements Serializable {
    Idea withText(String newText) {
        return new Idea(id, round, group, newText, byPersonId, at, starred, promoted, published, source);
    }

    Idea withStar(boolean star) {
        return new Idea(id, round, group, text, byPersonId, at, star, promoted, published, source);
    }

    Idea promote() {
        return new Idea(id, round, group, text, byPersonId, at, starred, true, published, source);
    }

    Idea publish() {
        return new Idea(id, round, group, text, byPersonId, at, starred, promoted, true, source);
    }
}
