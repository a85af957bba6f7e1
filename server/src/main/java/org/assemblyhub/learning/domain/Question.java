package org.assemblyhub.learning.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * A question put to the experts. {@code note}: why a facilitator edited it (shown with it); {@code reason}: why it was
 * hidden (shown to its author); {@code into}: the question it was merged into; {@code answer}: the written answer (null
 * when answered live or not yet).
 */
public record Question(
        String id,
        String personId,
        int group,
        boolean inGroup,
        String text,
        Instant askedAt,
        Status status,
        String note,
        String reason,
        String into,
        String answer,
        Instant answeredAt)
        implements Serializable {
    public static final int MAX_TEXT = 300;
    public static final int MAX_NOTE = 200;
    public static final int MAX_REASON = 300;
    public static final int MAX_ANSWER = 4000;

    public enum Status {
        PENDING,
        APPROVED,
        ANSWERED,
        HIDDEN,
        MERGED;

        public String wire() {
            return name().toLowerCase();
        }
    }

    Question with(Status s) {
        return new Question(id, personId, group, inGroup, text, askedAt, s, note, reason, into, answer, answeredAt);
    }

    Question edited(String newText, String why) {
        return new Question(
                id, personId, group, inGroup, newText, askedAt, status, why, reason, into, answer, answeredAt);
    }

    Question hidden(String why) {
        return new Question(
                id, personId, group, inGroup, text, askedAt, Status.HIDDEN, note, why, into, answer, answeredAt);
    }

    Question mergedInto(String target) {
        return new Question(
                id, personId, group, inGroup, text, askedAt, Status.MERGED, note, reason, target, answer, answeredAt);
    }

    Question answered(String written, Instant at) {
        return new Question(
                id, personId, group, inGroup, text, askedAt, Status.ANSWERED, note, reason, into, written, at);
    }

    /** Still in play: waiting for moderation, or in the queue. */
    public boolean open() {
        return status == Status.PENDING || status == Status.APPROVED;
    }
}
