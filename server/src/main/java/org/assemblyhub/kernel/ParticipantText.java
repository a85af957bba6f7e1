package org.assemblyhub.kernel;

import java.nio.charset.StandardCharsets;

/**
 * An event a participant's action writes into the journal (notes, cards, answers, drafts, a raised hand): what the
 * assembly's quota counts — its text, plus what any record costs. Records with {@code text} and {@code byPersonId}
 * components are one without more code; {@code byPersonId} may be null in journals written before it was kept (the
 * assembly's total still counts it).
 */
public interface ParticipantText {
    /** What a record costs the journal besides its text (envelope, ids, time): about the smallest record's size. */
    long RECORD = 128;

    String byPersonId();

    String text();

    /** The bytes this event adds to the journal: its text (UTF-8) and a record's cost. */
    default long textBytes() {
        return RECORD + bytes(text());
    }

    static long bytes(String... texts) {
        long n = 0;
        for (String t : texts) if (t != null) n += t.getBytes(StandardCharsets.UTF_8).length;
        return n;
    }
}
