package org.assemblyhub.breakout.domain;

import java.io.Serializable;
import java.util.Map;

/** A member to place in a group, with the roster attributes the groups should mirror (gender, age band, area...). */
public record Participant(String id, Map<String, String> attributes) implements Serializable {
    public Participant {
        attributes = Map.copyOf(attributes);
    }
}
