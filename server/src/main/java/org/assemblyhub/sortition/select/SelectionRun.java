package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.solver.MathSolver;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * What a run of an algorithm is given besides the problem: the solver, the randomness (seeded in tests and for a
 * reproducible run), where progress goes, the way to cancel it, how long one solver call may take, and the budget:
 * how long leximin or Goldilocks may run before returning what it has (always at least as good as the maximin
 * distribution, which is never cut, and marked as cut short).
 */
public record SelectionRun(
        MathSolver solver,
        RandomGenerator random,
        Progress.Listener progress,
        Cancellation cancellation,
        Duration solverTimeLimit,
        Duration budget) {
    /**
     * The default budget. Pools of a few hundred finish well within it; at 750 people and a panel of 112 leximin's
     * later stages do not (docs/sortition.md, Measured), and the outcome says it was cut short.
     */
    public static final Duration BUDGET = Duration.ofMinutes(4);

    public SelectionRun(
            MathSolver solver,
            RandomGenerator random,
            Progress.Listener progress,
            Cancellation cancellation,
            Duration solverTimeLimit) {
        this(solver, random, progress, cancellation, solverTimeLimit, BUDGET);
    }

    public static SelectionRun of(MathSolver solver, RandomGenerator random) {
        return new SelectionRun(solver, random, Progress.Listener.NONE, new Cancellation(), Duration.ofMinutes(2));
    }

    public SelectionRun withProgress(Progress.Listener listener) {
        return new SelectionRun(solver, random, listener, cancellation, solverTimeLimit, budget);
    }

    public SelectionRun withCancellation(Cancellation c) {
        return new SelectionRun(solver, random, progress, c, solverTimeLimit, budget);
    }

    public SelectionRun withBudget(Duration budget) {
        return new SelectionRun(solver, random, progress, cancellation, solverTimeLimit, budget);
    }
}
