package org.assemblyhub.sortition.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A linear or mixed-integer program in plain numbers, so the selection algorithms state their mathematics without
 * knowing which solver runs it. Built with {@link #variable} and {@link #constraint}; infinite bounds are
 * {@code Double.POSITIVE_INFINITY} / {@code NEGATIVE_INFINITY}.
 */
public final class LinearModel {
    public record Variable(double lower, double upper, boolean integer, double objective) {}

    public record Constraint(int[] variables, double[] coefficients, double lower, double upper) {}

    private final boolean maximise;
    private final List<Variable> variables = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();

    private LinearModel(boolean maximise) {
        this.maximise = maximise;
    }

    public static LinearModel maximising() {
        return new LinearModel(true);
    }

    public static LinearModel minimising() {
        return new LinearModel(false);
    }

    /** Adds a variable and returns its index. */
    public int variable(double lower, double upper, boolean integer, double objective) {
        variables.add(new Variable(lower, upper, integer, objective));
        return variables.size() - 1;
    }

    public int binary(double objective) {
        return variable(0, 1, true, objective);
    }

    public void constraint(int[] vars, double[] coefficients, double lower, double upper) {
        if (vars.length != coefficients.length) throw new IllegalArgumentException("one coefficient per variable");
        constraints.add(new Constraint(vars.clone(), coefficients.clone(), lower, upper));
    }

    /**
     * Adds a variable with its coefficients in constraints already added (a column) and returns its index;
     * constraints are numbered in the order they were added.
     */
    public int column(double lower, double upper, double objective, int[] rows, double[] coefficients) {
        if (rows.length != coefficients.length) throw new IllegalArgumentException("one coefficient per row");
        int variable = variable(lower, upper, false, objective);
        for (int r = 0; r < rows.length; r++) {
            Constraint c = constraints.get(rows[r]);
            int[] vars = Arrays.copyOf(c.variables(), c.variables().length + 1);
            double[] coefs = Arrays.copyOf(c.coefficients(), vars.length);
            vars[vars.length - 1] = variable;
            coefs[vars.length - 1] = coefficients[r];
            constraints.set(rows[r], new Constraint(vars, coefs, c.lower(), c.upper()));
        }
        return variable;
    }

    /** The sum of the given variables, each with coefficient 1, between the bounds. */
    public void sum(int[] vars, double lower, double upper) {
        double[] ones = new double[vars.length];
        Arrays.fill(ones, 1);
        constraint(vars, ones, lower, upper);
    }

    public boolean maximise() {
        return maximise;
    }

    public List<Variable> variables() {
        return List.copyOf(variables);
    }

    public List<Constraint> constraints() {
        return List.copyOf(constraints);
    }

    public boolean hasIntegers() {
        return variables.stream().anyMatch(Variable::integer);
    }
}
