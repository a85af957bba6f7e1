package org.assemblyhub.learning.library;

import java.util.Locale;
import java.util.Optional;

/** What an uploaded file is meant to be; its content must say the same ({@link ContentCheck}). */
public enum FileKind {
    VIDEO(512L * 1024 * 1024),
    PDF(32L * 1024 * 1024),
    MARKDOWN(1024L * 1024),
    CAPTIONS(1024L * 1024);

    private final long defaultLimit;

    FileKind(long defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    /** The largest file of this kind accepted when the hub's configuration says nothing else. */
    public long defaultLimit() {
        return defaultLimit;
    }

    /** Its name on the wire and in the journal: {@code video}, {@code pdf}, {@code markdown}, {@code captions}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FileKind> parse(String name) {
        if (name == null) return Optional.empty();
        for (FileKind kind : values()) if (kind.wireName().equals(name)) return Optional.of(kind);
        return Optional.empty();
    }
}
