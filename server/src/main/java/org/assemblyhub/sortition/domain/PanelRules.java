package org.assemblyhub.sortition.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Whether a panel meets the size, the quotas and the household rule, and if not, what it breaks. */
public final class PanelRules {
    private PanelRules() {}

    public static List<String> broken(SelectionProblem problem, Panel panel) {
        List<String> broken = new ArrayList<>();
        if (panel.size() != problem.panelSize()) {
            broken.add("the panel has " + panel.size() + " people, not " + problem.panelSize());
        }
        for (Quota q : problem.quotas().all()) {
            int count = count(problem, panel, q);
            if (count < q.min() || count > q.max()) {
                broken.add(q.feature() + "=" + q.value() + " has " + count + " people, the quota is " + q.min() + "-"
                        + q.max());
            }
        }
        if (problem.oneFromEachHousehold()) {
            Set<String> seen = new HashSet<>();
            for (int i : panel.members()) {
                String key = problem.pool().get(i).household();
                if (!key.isEmpty() && !seen.add(key)) {
                    broken.add(problem.pool().get(i).id() + " shares a household with another member");
                }
            }
        }
        return broken;
    }

    public static boolean meets(SelectionProblem problem, Panel panel) {
        return broken(problem, panel).isEmpty();
    }

    public static int count(SelectionProblem problem, Panel panel, Quota quota) {
        int count = 0;
        for (int i : panel.members()) {
            if (quota.value().equals(problem.pool().get(i).value(quota.feature()))) count++;
        }
        return count;
    }
}
