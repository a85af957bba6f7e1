package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.solver.MathSolver;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * What a run of an algorithm is given besides the problem: the solver, the randomness (seeded in tests and for a
 * reproducible run), where progress goes, the way to cancel it, and how long one solver call may take.
 */
public record SelectionRun(
        MathSolver solver,
        RandomGenerator random,
        Progress.Listener progress,
        Cancellation cancellation,
        Duration solverTimeLimit) {
    public static SelectionRun of(MathSolver solver, RandomGenerator random) {
        return new SelectionRun(solver, random, Progress.Listener.NONE, new Cancellation(), Duration.ofMinutes(2));
    }

    public SelectionRun withProgress(Progress.Listener listener) {
        return new SelectionRun(solver, random, listener, cancellation, solverTimeLimit);
    }

    public SelectionRun withCancellation(Cancellation c) {
        return new SelectionRun(solver, random, progress, c, solverTimeLimit);
    }
}
