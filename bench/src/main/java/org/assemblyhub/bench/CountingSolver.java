package org.assemblyhub.bench;

import org.assemblyhub.sortition.solver.IncrementalLp;
import org.assemblyhub.sortition.solver.LinearModel;
import org.assemblyhub.sortition.solver.MathSolver;
import org.assemblyhub.sortition.solver.Solution;

import java.time.Duration;

/** A solver that counts the integer and linear programs it solves, and the time spent in each kind. */
final class CountingSolver implements MathSolver {
    private final MathSolver solver;
    int integerPrograms;
    int linearPrograms;
    long integerNanos;
    long linearNanos;

    CountingSolver(MathSolver solver) {
        this.solver = solver;
    }

    @Override
    public Solution solve(LinearModel model, Duration limit) {
        long t = System.nanoTime();
        Solution s = solver.solve(model, limit);
        count(model.hasIntegers(), System.nanoTime() - t);
        return s;
    }

    @Override
    public IncrementalLp incremental(LinearModel model) {
        IncrementalLp lp = solver.incremental(model);
        return new IncrementalLp() {
            @Override
            public void addConstraint(int[] vars, double[] coefficients, double lower, double upper) {
                lp.addConstraint(vars, coefficients, lower, upper);
            }

            @Override
            public int addColumn(double lower, double upper, double cost, int[] rows, double[] values) {
                return lp.addColumn(lower, upper, cost, rows, values);
            }

            @Override
            public Solution solve(Duration limit) {
                long t = System.nanoTime();
                Solution s = lp.solve(limit);
                count(false, System.nanoTime() - t);
                return s;
            }

            @Override
            public void close() {
                lp.close();
            }
        };
    }

    private void count(boolean integer, long nanos) {
        if (integer) {
            integerPrograms++;
            integerNanos += nanos;
        } else {
            linearPrograms++;
            linearNanos += nanos;
        }
    }
}
