package org.assemblyhub.sortition.select;

import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.Distribution.WeightedPanel;
import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.PanelRules;
import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.SelectionProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The greedy selection practitioners used before maximin, kept for comparison: seat by seat, take the value whose
 * unmet minimum is hardest to reach with the people left (needed ÷ available), seat one of them at random, drop
 * whoever would overflow a maximum or shares the household; start again when stuck. Its probabilities are not known
 * in closed form, so {@link #sample} estimates them from many independent draws.
 */
final class Legacy {
    static final int ATTEMPTS = 100;

    private final SelectionProblem problem;
    private final SelectionRun run;
    private final List<Quota> quotas;
    private final List<int[]> holders;
    private final int[][] quotasOf;

    Legacy(SelectionProblem problem, SelectionRun run) {
        this.problem = problem;
        this.run = run;
        this.quotas = problem.quotas().all();
        this.holders = problem.holders();
        this.quotasOf = new int[problem.size()][];
        List<List<Integer>> of = new ArrayList<>();
        for (int i = 0; i < problem.size(); i++) of.add(new ArrayList<>());
        for (int q = 0; q < holders.size(); q++)
            for (int i : holders.get(q)) of.get(i).add(q);
        for (int i = 0; i < problem.size(); i++) {
            quotasOf[i] = of.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    SelectionOutcome sample(int draws) {
        Map<Panel, Integer> seen = new LinkedHashMap<>();
        for (int d = 0; d < draws; d++) {
            if (run.cancellation().cancelled()) return new SelectionOutcome.Cancelled();
            Optional<Panel> panel = draw();
            if (panel.isEmpty()) return stuck();
            seen.merge(panel.get(), 1, Integer::sum);
            if (d % 100 == 99) run.progress().report(new Progress("drawing", d + 1, 0, problem.size(), Double.NaN));
        }
        List<WeightedPanel> panels = new ArrayList<>();
        seen.forEach((panel, times) -> panels.add(new WeightedPanel(panel, times / (double) draws)));
        return new SelectionOutcome.Selected(Algorithm.LEGACY, Distribution.of(panels, problem.size()));
    }

    /** Greedy can fail on quotas some panel meets: then say so rather than call the quotas impossible. */
    private SelectionOutcome stuck() {
        QuotaExplanation explanation = QuotaRelaxation.explain(problem, run);
        if (explanation.withinFlex() && explanation.relaxations().isEmpty()) {
            return new SelectionOutcome.Failed(
                    "Legacy found no panel in " + ATTEMPTS + " attempts, though one exists: try leximin");
        }
        return new SelectionOutcome.Infeasible(explanation);
    }

    Optional<Panel> draw() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Panel> panel = attempt();
            if (panel.isPresent()) return panel;
        }
        return Optional.empty();
    }

    private Optional<Panel> attempt() {
        int n = problem.size();
        boolean[] available = new boolean[n];
        Arrays.fill(available, true);
        int[] counts = new int[quotas.size()];
        List<Integer> seated = new ArrayList<>();
        while (seated.size() < problem.panelSize()) {
            List<Integer> pickFrom = pickFrom(available, counts);
            if (pickFrom.isEmpty()) return Optional.empty();
            int chosen = pickFrom.get(run.random().nextInt(pickFrom.size()));
            seated.add(chosen);
            available[chosen] = false;
            for (int q : quotasOf[chosen]) counts[q]++;
            if (problem.oneFromEachHousehold()) dropHousemates(chosen, available);
        }
        Panel panel = new Panel(seated.stream().mapToInt(Integer::intValue).toArray());
        return PanelRules.meets(problem, panel) ? Optional.of(panel) : Optional.empty();
    }

    /** The people to draw the next seat from: holders of the most urgent unmet minimum, or anyone who fits. */
    private List<Integer> pickFrom(boolean[] available, int[] counts) {
        double worst = -1;
        List<Integer> urgent = List.of();
        for (int q = 0; q < quotas.size(); q++) {
            int needed = quotas.get(q).min() - counts[q];
            if (needed <= 0) continue;
            List<Integer> fitting = fitting(holders.get(q), available, counts);
            if (fitting.isEmpty()) return List.of();
            double ratio = needed / (double) fitting.size();
            if (ratio > worst) {
                worst = ratio;
                urgent = fitting;
            }
        }
        if (worst >= 0) return urgent;
        int[] everyone = new int[problem.size()];
        for (int i = 0; i < everyone.length; i++) everyone[i] = i;
        return fitting(everyone, available, counts);
    }

    private List<Integer> fitting(int[] people, boolean[] available, int[] counts) {
        List<Integer> fitting = new ArrayList<>();
        for (int i : people) {
            if (!available[i]) continue;
            boolean fits = true;
            for (int q : quotasOf[i]) fits &= counts[q] < quotas.get(q).max();
            if (fits) fitting.add(i);
        }
        return fitting;
    }

    private void dropHousemates(int chosen, boolean[] available) {
        String key = problem.pool().get(chosen).household();
        if (key.isEmpty()) return;
        for (int i = 0; i < available.length; i++) {
            if (key.equals(problem.pool().get(i).household())) available[i] = false;
        }
    }
}
