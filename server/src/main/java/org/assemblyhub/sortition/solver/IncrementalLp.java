package org.assemblyhub.sortition.solver;

import java.time.Duration;

/**
 * A linear program kept between solves: rows added after a solve let the solver restart from its last basis instead
 * of from nothing, which is most of the time of column generation. Close it to free the solver.
 */
public interface IncrementalLp extends AutoCloseable {
    void addConstraint(int[] vars, double[] coefficients, double lower, double upper);

    Solution solve(Duration timeLimit);

    @Override
    void close();

    /** For solvers without warm starts: the whole model again at each solve. */
    static IncrementalLp rebuilding(MathSolver solver, LinearModel model) {
        return new IncrementalLp() {
            @Override
            public void addConstraint(int[] vars, double[] coefficients, double lower, double upper) {
                model.constraint(vars, coefficients, lower, upper);
            }

            @Override
            public Solution solve(Duration timeLimit) {
                return solver.solve(model, timeLimit);
            }

            @Override
            public void close() {}
        };
    }
}
