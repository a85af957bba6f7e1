package org.assemblyhub.scripts;

/** Something wrong in a script: the line it is on (0 when unknown), where in the script, and what to change. */
public record ScriptProblem(int line, String where, String message) {
    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + (where.isEmpty() ? "" : where + ": ") + message;
    }
}
