package org.assemblyhub.sortition.ledger;

import org.assemblyhub.kernel.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The public facts of an assembly's selection, in the order they must happen: the commitment (before anyone knows
 * the seed), the draw from the announced inputs, then each replacement. They carry pseudonymous ids only (the pool's
 * ids, never a name or a contact): the journal, the views and the open data may show all of it.
 */
public sealed interface SortitionEvent extends DomainEvent {

    /**
     * {@code files}: each committed file's SHA-256 by name; {@code histogram}: how many volunteers have a selection
     * probability in each twentieth of [0, 1]; {@code seedPlan}: where the seed will come from, announced now;
     * {@code seedSources}: the sources of its numbers, in order — the draw takes exactly one number line from each.
     */
    record SelectionCommitted(
            String commitment,
            Map<String, String> files,
            String algorithm,
            int poolSize,
            int panelSize,
            int panelCount,
            double maxChange,
            double lowest,
            double highest,
            List<Integer> histogram,
            String seedPlan,
            List<String> seedSources,
            String by,
            Instant at)
            implements SortitionEvent {
        public SelectionCommitted {
            files = Map.copyOf(files);
            histogram = List.copyOf(histogram);
            seedSources = List.copyOf(seedSources);
        }
    }

    /** The draw: the announced inputs as entered, the seed made from them, the panel's index and its members. */
    record SelectionDrawn(
            List<String> seedInputs, String seed, int panelIndex, List<String> selected, String by, Instant at)
            implements SortitionEvent {
        public SelectionDrawn {
            seedInputs = List.copyOf(seedInputs);
            selected = List.copyOf(selected);
        }
    }

    /** A member who dropped out, the alternate who takes the seat (rank in the order of the draw), what changed. */
    record MemberReplaced(String dropout, String replacement, int rank, List<String> changes, String by, Instant at)
            implements SortitionEvent {
        public MemberReplaced {
            changes = List.copyOf(changes);
        }
    }
}
