package org.assemblyhub.sortition.select;

import java.util.Locale;
import java.util.Optional;

/** The selection algorithms, named as sortition-algorithms names them in its settings. */
public enum Algorithm {
    LEXIMIN,
    MAXIMIN,
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
