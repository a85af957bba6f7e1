package org.assemblyhub.sortition.solver;

import java.time.Duration;

/**
 * Solves a {@link LinearModel}: the one seam between the selection algorithms and a numerical library. An
 * implementation must be safe to call from one thread at a time per instance.
 */
public interface MathSolver {
    Solution solve(LinearModel model, Duration timeLimit);
}
