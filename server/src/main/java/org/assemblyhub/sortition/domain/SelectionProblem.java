package org.assemblyhub.sortition.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a selection needs: the pool, the quotas, the panel size k and whether at most one person per household may
 * sit on the panel. Built from input that passed {@link ProblemCheck}; the algorithms refer to people by their index
 * in {@link #pool()}.
 */
public record SelectionProblem(List<Volunteer> pool, Quotas quotas, int panelSize, boolean oneFromEachHousehold) {
    public SelectionProblem {
        pool = List.copyOf(pool);
    }

    public int size() {
        return pool.size();
    }

    /** For each quota (in {@link Quotas#all()} order), the indices of the people who have its value. */
    public List<int[]> holders() {
        List<int[]> holders = new ArrayList<>();
        for (Quota q : quotas.all()) {
            holders.add(indicesWhere(q.feature(), q.value()));
        }
        return holders;
    }

    private int[] indicesWhere(String feature, String value) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (value.equals(pool.get(i).value(feature))) found.add(i);
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Households with two people or more, as index lists; empty when the household rule is off. */
    public List<int[]> sharedHouseholds() {
        if (!oneFromEachHousehold) return List.of();
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < pool.size(); i++) {
            String key = pool.get(i).household();
            if (!key.isEmpty())
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return byKey.values().stream()
                .filter(members -> members.size() > 1)
                .map(members -> members.stream().mapToInt(Integer::intValue).toArray())
                .toList();
    }

    public SelectionProblem withQuotas(Quotas next) {
        return new SelectionProblem(pool, next, panelSize, oneFromEachHousehold);
    }

    public int indexOf(String id) {
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).id().equals(id)) return i;
        }
        return -1;
    }
}
