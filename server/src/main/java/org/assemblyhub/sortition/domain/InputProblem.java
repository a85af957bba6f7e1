package org.assemblyhub.sortition.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing wrong with the organiser's input: where (a file's line, a feature, a setting) and what, in English for
 * the command line; and the same as a code with its arguments (file, line, feature, setting, value…) so that a
 * screen can say it in its reader's language.
 */
public record InputProblem(String where, String message, String code, Map<String, String> args) {
    public InputProblem {
        args = Map.copyOf(args);
    }

    public InputProblem(String where, String message) {
        this(where, message, "invalid", Map.of());
    }

    public static InputProblem atLine(String file, long line, String message) {
        return new InputProblem(file + " line " + line, message, "invalid", Map.of("file", file, "line", "" + line));
    }

    public static InputProblem inFeature(String feature, String message) {
        return new InputProblem("feature " + feature, message, "invalid", Map.of("feature", feature));
    }

    public static InputProblem inFile(String file, String message) {
        return new InputProblem(file, message, "invalid", Map.of("file", file));
    }

    /** The same problem with its code and further arguments ({@code "value", v, "feature", f…}). */
    public InputProblem coded(String code, Object... keyValues) {
        Map<String, String> all = new LinkedHashMap<>(args);
        for (int i = 0; i + 1 < keyValues.length; i += 2)
            all.put(keyValues[i].toString(), String.valueOf(keyValues[i + 1]));
        return new InputProblem(where, message, code, all);
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
