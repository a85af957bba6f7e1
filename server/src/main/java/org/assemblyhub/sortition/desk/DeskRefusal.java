package org.assemblyhub.sortition.desk;

import org.assemblyhub.sortition.domain.InputProblem;

import java.util.List;

/** Why the desk will not do what was asked: a code the screens translate, an English sentence, the problems found. */
public final class DeskRefusal extends RuntimeException {
    private final String code;
    private final int status;
    private final List<InputProblem> problems;

    public DeskRefusal(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public DeskRefusal(int status, String code, String message, List<InputProblem> problems) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public String code() {
        return code;
    }

    /** The HTTP status that fits (409 out of order, 422 bad input, 503 the solver cannot run here). */
    public int status() {
        return status;
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
