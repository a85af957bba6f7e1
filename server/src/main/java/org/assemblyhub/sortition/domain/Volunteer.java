package org.assemblyhub.sortition.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One person in the pool: an id, a value for every feature, the key of their household (the address columns joined,
 * or empty when the household rule is off) and the contact columns kept for the selected list — never published.
 */
public record Volunteer(String id, Map<String, String> features, String household, Map<String, String> contacts) {
    public Volunteer {
        features = Map.copyOf(features);
        // The contact columns keep the file's order: the selected list is written in it.
        contacts = Collections.unmodifiableMap(new LinkedHashMap<>(contacts));
    }

    public static Volunteer of(String id, Map<String, String> features) {
        return new Volunteer(id, features, "", Map.of());
    }

    public String value(String feature) {
        return features.get(feature);
    }

    public Optional<String> householdKey() {
        return household.isEmpty() ? Optional.empty() : Optional.of(household);
    }
}
