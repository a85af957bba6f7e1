package org.assemblyhub.kernel;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * Someone on the roster. {@code contact} and {@code attributes} (gender, age band, area...) are personal data:
 * only organisers ever see them.
 */
public record Person(String id, String displayName, String contact, Role role, Map<String, String> attributes)
        implements Serializable {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
