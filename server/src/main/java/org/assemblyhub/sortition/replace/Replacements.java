package org.assemblyhub.sortition.replace;

import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.PanelRules;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.domain.Volunteer;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces one member who dropped out by the best-matching alternate: among the alternates with whom the panel
 * still meets the quotas and the household rule, the one who differs from the dropout on the fewest features, ties
 * going to the earlier in the order fixed at the draw. Pure: the same panel, dropout and order give the same answer.
 */
public final class Replacements {
    private Replacements() {}

    public static Replacement replace(
            SelectionProblem problem, List<String> panel, String dropout, List<String> alternates) {
        if (!panel.contains(dropout)) return new Replacement.NotOnPanel(dropout);
        List<String> staying = new ArrayList<>(panel);
        staying.remove(dropout);
        Volunteer leaving = person(problem, dropout);
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        List<String> firstBreaks = List.of();
        for (int r = 0; r < alternates.size(); r++) {
            String candidate = alternates.get(r);
            if (panel.contains(candidate)) continue;
            List<String> broken = PanelRules.broken(problem, panelOf(problem, staying, candidate));
            if (!broken.isEmpty()) {
                if (firstBreaks.isEmpty()) firstBreaks = broken;
                continue;
            }
            int distance = changes(problem, leaving, person(problem, candidate)).size();
            if (distance < bestDistance) {
                best = r;
                bestDistance = distance;
            }
        }
        if (best < 0) {
            String reason = alternates.isEmpty()
                    ? "there are no alternates left"
                    : "no alternate keeps the quotas; the first would leave: " + String.join("; ", firstBreaks);
            return new Replacement.NoneFits(dropout, reason);
        }
        String chosen = alternates.get(best);
        List<String> newPanel = new ArrayList<>(staying);
        newPanel.add(chosen);
        List<String> waiting = new ArrayList<>(alternates);
        waiting.remove(best);
        return new Replacement.Replaced(
                dropout, chosen, best + 1, changes(problem, leaving, person(problem, chosen)), newPanel, waiting);
    }

    private static List<String> changes(SelectionProblem problem, Volunteer from, Volunteer to) {
        List<String> changes = new ArrayList<>();
        for (String f : problem.quotas().features()) {
            if (!from.value(f).equals(to.value(f))) changes.add(f + ": " + from.value(f) + " → " + to.value(f));
        }
        return changes;
    }

    private static Panel panelOf(SelectionProblem problem, List<String> staying, String candidate) {
        int[] members = new int[staying.size() + 1];
        for (int a = 0; a < staying.size(); a++) members[a] = problem.indexOf(staying.get(a));
        members[staying.size()] = problem.indexOf(candidate);
        return new Panel(members);
    }

    private static Volunteer person(SelectionProblem problem, String id) {
        int i = problem.indexOf(id);
        if (i < 0) throw new IllegalArgumentException(id + " is not in the pool");
        return problem.pool().get(i);
    }
}
