package org.assemblyhub.sortition.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks that need the quotas, the pool and k together. The readers check each file alone (columns, values,
 * duplicate ids) with its line numbers.
 */
public final class ProblemCheck {
    private ProblemCheck() {}

    public static Checked<SelectionProblem> check(
            List<Volunteer> pool, Quotas quotas, int panelSize, boolean oneFromEachHousehold) {
        List<InputProblem> problems = new ArrayList<>();
        if (pool.isEmpty()) problems.add(new InputProblem("pool", "the pool is empty").coded("empty-pool"));
        if (panelSize <= 0)
            problems.add(
                    new InputProblem("panel size", "the panel size must be at least 1").coded("panel-size-positive"));
        if (panelSize > pool.size() && !pool.isEmpty()) {
            problems.add(new InputProblem(
                            "panel size",
                            "the panel size " + panelSize + " is larger than the pool (" + pool.size() + ")")
                    .coded("panel-larger-than-pool", "k", panelSize, "pool", pool.size()));
        }
        if (quotas.all().isEmpty()) problems.add(new InputProblem("quotas", "there are no quotas").coded("no-quotas"));
        for (String feature : quotas.features()) {
            int mins = quotas.sumOfMins(feature);
            int maxes = quotas.sumOfMaxes(feature);
            if (mins > panelSize) {
                problems.add(InputProblem.inFeature(
                                feature, "its minimums add up to " + mins + ", more than the panel size " + panelSize)
                        .coded("mins-above-panel", "sum", mins, "k", panelSize));
            }
            if (maxes < panelSize) {
                problems.add(InputProblem.inFeature(
                                feature,
                                "its maximums add up to " + maxes + ", so they cannot reach the panel size "
                                        + panelSize)
                        .coded("maxes-below-panel", "sum", maxes, "k", panelSize));
            }
        }
        for (Volunteer v : pool) {
            for (String feature : quotas.features()) {
                String value = v.value(feature);
                if (value == null || quotas.find(feature, value).isEmpty()) {
                    problems.add(
                            new InputProblem("person " + v.id(), "value '" + value + "' is not a value of " + feature)
                                    .coded("unknown-value", "person", v.id(), "feature", feature, "value", value));
                }
            }
        }
        if (!problems.isEmpty()) return Checked.invalid(problems);
        return Checked.valid(new SelectionProblem(pool, quotas, panelSize, oneFromEachHousehold));
    }
}
