package org.assemblyhub.sortition.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every quota, features and values in the order the organiser wrote them (that order is part of the commitment). */
public record Quotas(List<Quota> all) {
    public Quotas {
        all = List.copyOf(all);
    }

    public List<String> features() {
        return all.stream().map(Quota::feature).distinct().toList();
    }

    public List<Quota> of(String feature) {
        return all.stream().filter(q -> q.feature().equals(feature)).toList();
    }

    public Optional<Quota> find(String feature, String value) {
        return all.stream()
                .filter(q -> q.feature().equals(feature) && q.value().equals(value))
                .findFirst();
    }

    public int sumOfMins(String feature) {
        return of(feature).stream().mapToInt(Quota::min).sum();
    }

    public int sumOfMaxes(String feature) {
        return of(feature).stream().mapToInt(Quota::max).sum();
    }

    /** The same quotas with some bounds changed, keyed by the quota they replace. */
    public Quotas replacing(Map<Quota, Quota> changes) {
        List<Quota> next = new ArrayList<>();
        for (Quota q : all) next.add(changes.getOrDefault(q, q));
        return new Quotas(next);
    }

    public Map<String, List<String>> valuesByFeature() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Quota q : all)
            values.computeIfAbsent(q.feature(), f -> new ArrayList<>()).add(q.value());
        return values;
    }
}
