package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.SelectionProblem;

/** Runs one algorithm on a checked problem. Blocking and CPU-heavy: callers run it off the event loops. */
public final class Selection {
    /** How many independent draws estimate Legacy's probabilities. */
    public static final int LEGACY_DRAWS = 2000;

    private Selection() {}

    public static SelectionOutcome select(SelectionProblem problem, Algorithm algorithm, SelectionRun run) {
        if (algorithm == Algorithm.LEGACY) return new Legacy(problem, run).sample(LEGACY_DRAWS);
        if (algorithm == Algorithm.GOLDILOCKS) return new Goldilocks(problem, run).run();
        return new ColumnGeneration(problem, run).run(algorithm);
    }

    public static SelectionOutcome legacy(SelectionProblem problem, SelectionRun run, int draws) {
        return new Legacy(problem, run).sample(draws);
    }
}
