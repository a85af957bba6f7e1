package org.assemblyhub.sortition.solver;

/**
 * What a solver answered: optimal (or the best found in time), none exists, or it gave up. For a linear program the
 * duals are the constraints' shadow prices (how much the objective moves per unit of a row's bound), in the order
 * the constraints were added; empty when the solver does not give them.
 */
public record Solution(Status status, double objective, double[] values, double[] duals) {
    public enum Status {
        OPTIMAL,
        FEASIBLE,
        INFEASIBLE,
        FAILED
    }

    public Solution(Status status, double objective, double[] values) {
        this(status, objective, values, new double[0]);
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

    public boolean hasDuals() {
        return duals.length > 0;
    }

    public double dual(int constraint) {
        return duals[constraint];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] duals() {
        return duals.clone();
    }
}
