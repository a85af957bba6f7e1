package org.assemblyhub.assembly.domain;

/**
 * An event that records text a participant wrote (notes, cards, answers, drafts): what the assembly's text quota
 * counts. Records with {@code text} and {@code byPersonId} components are one without more code;
 * {@code byPersonId} may be null in journals written before it was kept (the assembly's total still counts it).
 */
public interface ParticipantText {
    String byPersonId();

    String text();

    /** The bytes of text this event adds to the journal (UTF-8). */
    default long textBytes() {
        return bytes(text());
    }

    static long bytes(String... texts) {
        long n = 0;
        for (String t : texts) if (t != null) n += t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return n;
    }
}
