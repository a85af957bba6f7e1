package org.assemblyhub.sortition.replace;

import java.util.List;

/** What replacing a member who dropped out gave: who comes in and what changed, or why nobody can. */
public sealed interface Replacement {
    /**
     * The alternate who takes the seat, their rank in the alternates' order (1 = first), the features on which
     * they differ from the person they replace ("age: 16-29 → 30-44"; empty when the profile is the same), the new
     * panel and the alternates still waiting, in order.
     */
    record Replaced(
            String dropout,
            String replacement,
            int rank,
            List<String> changes,
            List<String> panel,
            List<String> alternates)
            implements Replacement {
        public Replaced {
            changes = List.copyOf(changes);
            panel = List.copyOf(panel);
            alternates = List.copyOf(alternates);
        }
    }

    /** No alternate keeps the quotas and the household rule; {@code reason} says what the best one would break. */
    record NoneFits(String dropout, String reason) implements Replacement {}

    /** The person is not on the panel. */
    record NotOnPanel(String dropout) implements Replacement {}
}
