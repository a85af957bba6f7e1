package org.assemblyhub.sortition.solver;

/** What a solver answered: optimal (or the best found in time), none exists, or it gave up. */
public record Solution(Status status, double objective, double[] values) {
    public enum Status {
        OPTIMAL,
        FEASIBLE,
        INFEASIBLE,
        FAILED
    }

    public static Solution infeasible() {
        return new Solution(Status.INFEASIBLE, Double.NaN, new double[0]);
    }

    public static Solution failed() {
        return new Solution(Status.FAILED, Double.NaN, new double[0]);
    }

    public boolean found() {
        return status == Status.OPTIMAL || status == Status.FEASIBLE;
    }

    public double value(int variable) {
        return values[variable];
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
