package org.assemblyhub.sortition.solver.ortools;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.assemblyhub.sortition.solver.LinearModel;
import org.assemblyhub.sortition.solver.MathSolver;
import org.assemblyhub.sortition.solver.Solution;

import java.time.Duration;
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
        MPSolver solver = MPSolver.createSolver(model.hasIntegers() ? "SCIP" : "GLOP");
        if (solver == null) return Solution.failed();
        try {
            return solve(solver, model, timeLimit);
        } finally {
            solver.delete();
        }
    }

    private static Solution solve(MPSolver solver, LinearModel model, Duration timeLimit) {
        double infinity = MPSolver.infinity();
        List<LinearModel.Variable> vars = model.variables();
        MPVariable[] x = new MPVariable[vars.size()];
        MPObjective objective = solver.objective();
        for (int i = 0; i < x.length; i++) {
            LinearModel.Variable v = vars.get(i);
            x[i] = solver.makeVar(bound(v.lower(), infinity), bound(v.upper(), infinity), v.integer(), "x" + i);
            if (v.objective() != 0) objective.setCoefficient(x[i], v.objective());
        }
        for (LinearModel.Constraint c : model.constraints()) {
            MPConstraint row = solver.makeConstraint(bound(c.lower(), infinity), bound(c.upper(), infinity));
            int[] at = c.variables();
            double[] coefficients = c.coefficients();
            for (int j = 0; j < at.length; j++) row.setCoefficient(x[at[j]], coefficients[j]);
        }
        if (model.maximise()) objective.setMaximization();
        else objective.setMinimization();
        solver.setTimeLimit(Math.max(1, timeLimit.toMillis()));
        MPSolver.ResultStatus status = solver.solve();
        if (status == MPSolver.ResultStatus.INFEASIBLE) return Solution.infeasible();
        if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
            return Solution.failed();
        }
        double[] values = new double[x.length];
        for (int i = 0; i < x.length; i++) values[i] = x[i].solutionValue();
        Solution.Status found =
                status == MPSolver.ResultStatus.OPTIMAL ? Solution.Status.OPTIMAL : Solution.Status.FEASIBLE;
        return new Solution(found, objective.value(), values);
    }

    private static double bound(double value, double infinity) {
        if (value == Double.POSITIVE_INFINITY) return infinity;
        if (value == Double.NEGATIVE_INFINITY) return -infinity;
        return value;
    }
}
