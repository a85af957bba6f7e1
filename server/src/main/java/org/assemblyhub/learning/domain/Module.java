package org.assemblyhub.learning.domain;

import java.io.Serializable;
import java.util.List;

/** A set of items on one theme; {@code authors}: the experts who may publish in it besides the organisers. */
public record Module(String id, String title, String summary, boolean isPublic, List<String> authors)
        implements Serializable {
    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 2000;
    public static final int MAX_AUTHORS = 20;

    public Module {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
