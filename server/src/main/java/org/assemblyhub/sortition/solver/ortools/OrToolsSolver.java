package org.assemblyhub.sortition.solver.ortools;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.assemblyhub.sortition.solver.IncrementalLp;
import org.assemblyhub.sortition.solver.LinearModel;
import org.assemblyhub.sortition.solver.MathSolver;
import org.assemblyhub.sortition.solver.Solution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OR-Tools behind {@link MathSolver}: GLOP for linear programs, SCIP for integer programs. The native libraries ship
 * in the OR-Tools jars and are loaded once per JVM.
 */
public final class OrToolsSolver implements MathSolver {
    private static volatile boolean loaded;

    public OrToolsSolver() {
        load();
    }

    private static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    @Override
    public Solution solve(LinearModel model, Duration timeLimit) {
        try (Built built = build(model)) {
            if (built == null) return Solution.failed();
            return built.solve(timeLimit);
        }
    }

    @Override
    public IncrementalLp incremental(LinearModel model) {
        if (model.hasIntegers()) throw new IllegalArgumentException("incremental solving is for linear programs");
        Built built = build(model);
        if (built == null) return IncrementalLp.rebuilding(this, model);
        return built;
    }

    private static Built build(LinearModel model) {
        MPSolver solver = MPSolver.createSolver(model.hasIntegers() ? "SCIP" : "GLOP");
        if (solver == null) return null;
        double infinity = MPSolver.infinity();
        List<LinearModel.Variable> vars = model.variables();
        MPVariable[] x = new MPVariable[vars.size()];
        MPObjective objective = solver.objective();
        for (int i = 0; i < x.length; i++) {
            LinearModel.Variable v = vars.get(i);
            x[i] = solver.makeVar(bound(v.lower(), infinity), bound(v.upper(), infinity), v.integer(), "x" + i);
            if (v.objective() != 0) objective.setCoefficient(x[i], v.objective());
        }
        if (model.maximise()) objective.setMaximization();
        else objective.setMinimization();
        Built built = new Built(solver, x, objective);
        for (LinearModel.Constraint c : model.constraints()) {
            built.addConstraint(c.variables(), c.coefficients(), c.lower(), c.upper());
        }
        return built;
    }

    /**
     * A model inside OR-Tools, kept for rows or columns to be added. GLOP reads the whole model again at each solve
     * (measured: the iterations after adding a few columns are those of a solve from scratch, with or without
     * presolve and scaling), so what this saves is building the model, not the simplex work.
     */
    private static final class Built implements IncrementalLp {
        private final MPSolver solver;
        private final List<MPVariable> x;
        private final List<MPConstraint> rows = new ArrayList<>();
        private final MPObjective objective;

        Built(MPSolver solver, MPVariable[] x, MPObjective objective) {
            this.solver = solver;
            this.x = new ArrayList<>(Arrays.asList(x));
            this.objective = objective;
        }

        @Override
        public void addConstraint(int[] at, double[] coefficients, double lower, double upper) {
            double infinity = MPSolver.infinity();
            MPConstraint row = solver.makeConstraint(bound(lower, infinity), bound(upper, infinity));
            for (int j = 0; j < at.length; j++) row.setCoefficient(x.get(at[j]), coefficients[j]);
            rows.add(row);
        }

        @Override
        public int addColumn(double lower, double upper, double cost, int[] at, double[] coefficients) {
            double infinity = MPSolver.infinity();
            MPVariable v = solver.makeVar(bound(lower, infinity), bound(upper, infinity), false, "x" + x.size());
            if (cost != 0) objective.setCoefficient(v, cost);
            for (int j = 0; j < at.length; j++) rows.get(at[j]).setCoefficient(v, coefficients[j]);
            x.add(v);
            return x.size() - 1;
        }

        @Override
        public Solution solve(Duration timeLimit) {
            solver.setTimeLimit(Math.max(1, timeLimit.toMillis()));
            MPSolver.ResultStatus status = solver.solve();
            if (status == MPSolver.ResultStatus.INFEASIBLE) return Solution.infeasible();
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return Solution.failed();
            }
            double[] values = new double[x.size()];
            for (int i = 0; i < values.length; i++) values[i] = x.get(i).solutionValue();
            double[] duals = new double[solver.isMip() ? 0 : rows.size()];
            for (int r = 0; r < duals.length; r++) duals[r] = rows.get(r).dualValue();
            Solution.Status found =
                    status == MPSolver.ResultStatus.OPTIMAL ? Solution.Status.OPTIMAL : Solution.Status.FEASIBLE;
            return new Solution(found, objective.value(), values, duals);
        }

        @Override
        public void close() {
            solver.delete();
        }
    }

    private static double bound(double value, double infinity) {
        if (value == Double.POSITIVE_INFINITY) return infinity;
        if (value == Double.NEGATIVE_INFINITY) return -infinity;
        return value;
    }
}
