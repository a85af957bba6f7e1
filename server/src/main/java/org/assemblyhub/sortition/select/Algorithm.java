package org.assemblyhub.sortition.select;

import java.util.Locale;
import java.util.Optional;

/**
 * The selection algorithms, named as sortition-algorithms names them in its settings; {@code goldilocks} is ours
 * (that library has no such setting).
 */
public enum Algorithm {
    LEXIMIN,
    MAXIMIN,
    GOLDILOCKS,
    LEGACY;

    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Algorithm> named(String name) {
        for (Algorithm a : values()) {
            if (a.settingName().equals(name.strip().toLowerCase(Locale.ROOT))) return Optional.of(a);
        }
        return Optional.empty();
    }
}
