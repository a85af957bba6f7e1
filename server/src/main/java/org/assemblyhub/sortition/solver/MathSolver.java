package org.assemblyhub.sortition.solver;

import java.time.Duration;

/**
 * Solves a {@link LinearModel}: the one seam between the selection algorithms and a numerical library. An
 * implementation must be safe to call from one thread at a time per instance.
 */
public interface MathSolver {
    Solution solve(LinearModel model, Duration timeLimit);

    /** The model (continuous variables only) kept alive for rows to be added between solves. */
    default IncrementalLp incremental(LinearModel model) {
        return IncrementalLp.rebuilding(this, model);
    }
}
