package org.assemblyhub.kernel.agreement;

/** The reading of an agreement result under its rule. */
public enum Outcome {
    ADOPTED,
    NOT_ADOPTED,
    ANOTHER_ROUND,
    NO_QUORUM;

    public String wire() {
        return name().toLowerCase().replace('_', '-');
    }
}
