package org.assemblyhub.sortition;

import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.select.Selection;
import org.assemblyhub.sortition.select.SelectionOutcome;
import org.assemblyhub.sortition.select.SelectionRun;
import org.assemblyhub.sortition.solver.IncrementalLp;
import org.assemblyhub.sortition.solver.LinearModel;
import org.assemblyhub.sortition.solver.MathSolver;
import org.assemblyhub.sortition.solver.Solution;
import org.assemblyhub.sortition.solver.ortools.OrToolsSolver;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Not a test: times maximin and leximin on a synthetic pool of 750 with a panel of 112 and six features (the size
 * sortition-algorithms quotes). Run it by hand; the numbers go in docs/sortition.md.
 */
public final class SortitionBenchmark {
    private SortitionBenchmark() {}

    /** The process's CPU time: on a shared machine a fairer measure than the wall clock. */
    private static double cpuSeconds() {
        return ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .orElse(Duration.ZERO)
                        .toNanos()
                / 1e9;
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 750;
        int panel = args.length > 1 ? Integer.parseInt(args[1]) : 112;
        SelectionProblem problem = Pools.realistic(size, panel, 2026);
        OrToolsSolver orTools = new OrToolsSolver();
        long[] spent = new long[4];
        MathSolver solver = new MathSolver() {
            @Override
            public Solution solve(LinearModel model, Duration limit) {
                long t = System.nanoTime();
                Solution s = orTools.solve(model, limit);
                int kind = model.hasIntegers() ? 0 : 2;
                spent[kind] += System.nanoTime() - t;
                spent[kind + 1]++;
                return s;
            }

            @Override
            public IncrementalLp incremental(LinearModel model) {
                IncrementalLp lp = orTools.incremental(model);
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
                        spent[2] += System.nanoTime() - t;
                        spent[3]++;
                        return s;
                    }

                    @Override
                    public void close() {
                        lp.close();
                    }
                };
            }
        };
        for (int a = 2; a < args.length || a == 2; a++) {
            Algorithm algorithm = args.length > a ? Algorithm.valueOf(args[a]) : Algorithm.MAXIMIN;
            Arrays.fill(spent, 0);
            long start = System.nanoTime();
            double cpuStart = cpuSeconds();
            long[] last = {start};
            SelectionRun run = SelectionRun.of(solver, new SplittableRandom(1)).withProgress(p -> {
                long now = System.nanoTime();
                if (now - last[0] > 10_000_000_000L) {
                    last[0] = now;
                    System.out.printf("  %.0f s: %s%n", (now - start) / 1e9, p);
                }
            });
            SelectionOutcome outcome = Selection.select(problem, algorithm, run);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = cpuSeconds() - cpuStart;
            if (outcome instanceof SelectionOutcome.Selected s) {
                Distribution d = s.distribution();
                System.out.printf(
                        "%s: %.1f s (%.1f s of CPU), %d panels, min %.4f, max %.4f%s%n",
                        algorithm,
                        seconds,
                        cpu,
                        d.panels().size(),
                        d.minimum(),
                        d.maximum(),
                        s.cutShort().map(c -> ", CUT SHORT: " + c).orElse(""));
                System.out.printf(
                        "  integer programs: %d in %.1f s; linear programs: %d in %.1f s%n",
                        spent[1], spent[0] / 1e9, spent[3], spent[2] / 1e9);
            } else {
                System.out.printf("%s: %.1f s, %s%n", algorithm, seconds, outcome);
            }
        }
    }
}
