package org.assemblyhub.sortition.solver;

import java.time.Duration;

/**
 * A linear program kept between solves: rows or columns added after a solve let the solver restart from its last
 * basis instead of from nothing, which is most of the time of column generation. Close it to free the solver.
 */
public interface IncrementalLp extends AutoCloseable {
    void addConstraint(int[] vars, double[] coefficients, double lower, double upper);

    /** Adds a variable with its coefficients in existing rows (a column) and returns its index. */
    int addColumn(double lower, double upper, double objective, int[] rows, double[] coefficients);

    /** Solves; for a linear program kept by the solver the solution carries the rows' duals. */
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
            public int addColumn(double lower, double upper, double objective, int[] rows, double[] coefficients) {
                return model.column(lower, upper, objective, rows, coefficients);
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
