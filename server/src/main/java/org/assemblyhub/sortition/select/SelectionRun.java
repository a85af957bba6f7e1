package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.solver.MathSolver;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * What a run of an algorithm is given besides the problem: the solver, the randomness (seeded in tests and for a
 * reproducible run), where progress goes, the way to cancel it, how long one solver call may take, and how long
 * leximin may run before it returns what it has (always at least the maximin distribution, marked as cut short).
 */
public record SelectionRun(
        MathSolver solver,
        RandomGenerator random,
        Progress.Listener progress,
        Cancellation cancellation,
        Duration solverTimeLimit,
        Duration leximinBudget) {
    /**
     * Leximin's default budget. Pools of a few hundred finish well within it; at 750 people and a panel of 112 the
     * later stages do not (docs/sortition.md, Measured), and the outcome says it was cut short.
     */
    public static final Duration LEXIMIN_BUDGET = Duration.ofMinutes(4);

    public SelectionRun(
            MathSolver solver,
            RandomGenerator random,
            Progress.Listener progress,
            Cancellation cancellation,
            Duration solverTimeLimit) {
        this(solver, random, progress, cancellation, solverTimeLimit, LEXIMIN_BUDGET);
    }

    public static SelectionRun of(MathSolver solver, RandomGenerator random) {
        return new SelectionRun(solver, random, Progress.Listener.NONE, new Cancellation(), Duration.ofMinutes(2));
    }

    public SelectionRun withProgress(Progress.Listener listener) {
        return new SelectionRun(solver, random, listener, cancellation, solverTimeLimit, leximinBudget);
    }

    public SelectionRun withCancellation(Cancellation c) {
        return new SelectionRun(solver, random, progress, c, solverTimeLimit, leximinBudget);
    }

    public SelectionRun withLeximinBudget(Duration budget) {
        return new SelectionRun(solver, random, progress, cancellation, solverTimeLimit, budget);
    }
}
