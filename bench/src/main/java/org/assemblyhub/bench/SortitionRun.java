package org.assemblyhub.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.select.Selection;
import org.assemblyhub.sortition.select.SelectionOutcome;
import org.assemblyhub.sortition.select.SelectionRun;
import org.assemblyhub.sortition.solver.ortools.OrToolsSolver;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * One algorithm on one synthetic pool, in a JVM of its own (started by {@link SortitionBench} with the hub jar on its
 * class path): {@code SortitionRun <pool> <panel> <seed> <algorithm> <budget in seconds>} (the budget of leximin and
 * Goldilocks). Prints progress every 30 s and, last, one line {@code result <json>}.
 */
public final class SortitionRun {
    private SortitionRun() {}

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        int panel = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Algorithm algorithm =
                Algorithm.named(args[3]).orElseThrow(() -> new IllegalArgumentException("no algorithm " + args[3]));
        Duration budget = Duration.ofSeconds(Long.parseLong(args[4]));
        SelectionProblem problem = SyntheticPool.realistic(size, panel, seed);
        CountingSolver solver = new CountingSolver(new OrToolsSolver());
        long start = System.nanoTime();
        double cpuStart = cpuSeconds();
        long[] last = {start};
        SelectionRun run = SelectionRun.of(solver, new SplittableRandom(1))
                .withBudget(budget)
                .withProgress(p -> {
                    long now = System.nanoTime();
                    if (now - last[0] > 30_000_000_000L) {
                        last[0] = now;
                        System.out.printf("  %.0f s: %s%n", (now - start) / 1e9, p);
                    }
                });
        SelectionOutcome outcome = Selection.select(problem, algorithm, run);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds() - cpuStart;
        ObjectNode result = HubSetup.JSON
                .createObjectNode()
                .put("pool", size)
                .put("panel", panel)
                .put("seed", seed)
                .put("algorithm", algorithm.settingName())
                .put("seconds", SortitionBench.round(seconds, 2))
                .put("cpuSeconds", SortitionBench.round(cpu, 2))
                .put("integerPrograms", solver.integerPrograms)
                .put("integerProgramSeconds", SortitionBench.round(solver.integerNanos / 1e9, 2))
                .put("linearPrograms", solver.linearPrograms)
                .put("linearProgramSeconds", SortitionBench.round(solver.linearNanos / 1e9, 2));
        if (outcome instanceof SelectionOutcome.Selected) {
            SelectionOutcome.Selected s = (SelectionOutcome.Selected) outcome;
            Distribution d = s.distribution();
            double fair = panel / (double) size;
            result.put("outcome", s.complete() ? "selected" : "cut-short")
                    .put("minimum", SortitionBench.round(d.minimum(), 5))
                    .put("maximum", SortitionBench.round(d.maximum(), 5))
                    .put("kOverN", SortitionBench.round(fair, 5))
                    .put("panels", d.panels().size());
            // The Goldilocks objective: how far the highest and the lowest chance are from k/n, as a ratio ≥ 1.
            if (d.minimum() > 0)
                result.put("goldilocks", SortitionBench.round(Math.max(d.maximum() / fair, fair / d.minimum()), 4));
            s.cutShort().ifPresent(c -> {
                if (c instanceof SelectionOutcome.CutShort.Leximin l) result.put("fixedPeople", l.fixedPeople());
                if (c instanceof SelectionOutcome.CutShort.Goldilocks g)
                    result.put("ratioBound", SortitionBench.round(g.bound(), 4));
            });
        } else {
            result.put("outcome", outcome.toString());
        }
        System.out.println(SortitionBench.RESULT + HubSetup.JSON.writeValueAsString(result));
        System.exit(0);
    }

    /** The process's CPU time: on a shared machine a fairer measure than the wall clock. */
    private static double cpuSeconds() {
        return ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .orElse(Duration.ZERO)
                        .toNanos()
                / 1e9;
    }
}
