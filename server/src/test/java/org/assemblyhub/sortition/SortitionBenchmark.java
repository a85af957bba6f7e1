package org.assemblyhub.sortition;

import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.select.Selection;
import org.assemblyhub.sortition.select.SelectionOutcome;
import org.assemblyhub.sortition.select.SelectionRun;
import org.assemblyhub.sortition.solver.MathSolver;
import org.assemblyhub.sortition.solver.Solution;
import org.assemblyhub.sortition.solver.ortools.OrToolsSolver;

import java.util.SplittableRandom;

/**
 * Not a test: times maximin and leximin on a synthetic pool of 750 with a panel of 112 and six features (the size
 * sortition-algorithms quotes). Run it by hand; the numbers go in docs/sortition.md.
 */
public final class SortitionBenchmark {
    private SortitionBenchmark() {}

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 750;
        int panel = args.length > 1 ? Integer.parseInt(args[1]) : 112;
        SelectionProblem problem = Pools.realistic(size, panel, 2026);
        OrToolsSolver orTools = new OrToolsSolver();
        long[] spent = new long[4];
        MathSolver solver = (model, limit) -> {
            long t = System.nanoTime();
            Solution s = orTools.solve(model, limit);
            int kind = model.hasIntegers() ? 0 : 2;
            spent[kind] += System.nanoTime() - t;
            spent[kind + 1]++;
            return s;
        };
        for (int a = 2; a < args.length || a == 2; a++) {
            Algorithm algorithm = args.length > a ? Algorithm.valueOf(args[a]) : Algorithm.MAXIMIN;
            long start = System.nanoTime();
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
            if (outcome instanceof SelectionOutcome.Selected s) {
                Distribution d = s.distribution();
                System.out.printf(
                        "%s: %.1f s, %d panels, min %.4f, max %.4f%n",
                        algorithm, seconds, d.panels().size(), d.minimum(), d.maximum());
                System.out.printf(
                        "  integer programs: %d in %.1f s; linear programs: %d in %.1f s%n",
                        spent[1], spent[0] / 1e9, spent[3], spent[2] / 1e9);
            } else {
                System.out.printf("%s: %.1f s, %s%n", algorithm, seconds, outcome);
            }
        }
    }
}
