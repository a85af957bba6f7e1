package org.assemblyhub.kernel;

/** The stages of a citizens' assembly, in the order they normally happen. */
public enum Phase {
    ONBOARDING,
    LEARNING,
    DELIBERATION,
    DECISION,
    CLOSED;

    public static Phase parse(String text) {
        if (text == null) return null;
        for (Phase phase : values()) {
            if (phase.name().equalsIgnoreCase(text.trim())) return phase;
        }
        return null;
    }

    public String wire() {
        return name().toLowerCase();
    }

    /** New people may still join while the assembly is learning; once deliberation starts the roster is fixed. */
    public boolean acceptsNewPeople() {
        return this == ONBOARDING || this == LEARNING;
    }
}
