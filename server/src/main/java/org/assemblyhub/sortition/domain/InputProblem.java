package org.assemblyhub.sortition.domain;

/** One thing wrong with the organiser's input: where (a file's line, a feature, a setting) and what. */
public record InputProblem(String where, String message) {
    public static InputProblem atLine(String file, long line, String message) {
        return new InputProblem(file + " line " + line, message);
    }

    public static InputProblem inFeature(String feature, String message) {
        return new InputProblem("feature " + feature, message);
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
