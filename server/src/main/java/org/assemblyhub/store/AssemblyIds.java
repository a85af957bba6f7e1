package org.assemblyhub.store;

import java.util.regex.Pattern;

/** Assembly ids appear in file names, Redis keys and URLs, so they are kept to a small safe alphabet. */
public final class AssemblyIds {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private AssemblyIds() {}

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    public static String require(String id) {
        if (!isValid(id)) throw new IllegalArgumentException("invalid assembly id: " + id);
        return id;
    }
}
