package org.assemblyhub.learning.domain;

import java.io.Serializable;

/**
 * One piece of learning material in a module: a talk (an uploaded video or a link, with its duration, captions and
 * transcript), a reading (an uploaded PDF or Markdown file, or a link) or a link; optionally a task. File fields are
 * hashes of {@link StoredFile}s (null when absent). {@code prepareFor}: the session it should be done before.
 */
public record Item(
        String id,
        String moduleId,
        Kind kind,
        String title,
        String speaker,
        String url,
        String file,
        String captions,
        String transcript,
        int durationSeconds,
        boolean isPublic,
        Opening opens,
        String prepareFor,
        Task task)
        implements Serializable {
    public static final int MAX_TITLE = 200;
    public static final int MAX_URL = 2000;
    public static final int MAX_DURATION = 4 * 3600;

    public enum Kind {
        TALK,
        READING,
        LINK;

        public static Kind parse(String text) {
            if (text == null) return null;
            for (Kind k : values()) if (k.name().equalsIgnoreCase(text.trim())) return k;
            return null;
        }

        public String wire() {
            return name().toLowerCase();
        }
    }

    /** Whether this file is one of the item's (its video or reading, captions, or transcript). */
    public boolean uses(String hash) {
        return hash.equals(file) || hash.equals(captions) || hash.equals(transcript);
    }
}
