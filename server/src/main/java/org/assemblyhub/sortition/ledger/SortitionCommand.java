package org.assemblyhub.sortition.ledger;

import org.assemblyhub.kernel.DomainCommand;

import java.util.List;
import java.util.Map;

/**
 * What the hub's selection desk asks the assembly to record, once the work is done and the files are written. Only
 * the hub sends these (the organiser acts through the desk, which checks the organiser first): a socket cannot.
 */
public sealed interface SortitionCommand extends DomainCommand {
    record RecordCommitment(
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
            String by)
            implements SortitionCommand {
        public RecordCommitment {
            files = Map.copyOf(files);
            histogram = List.copyOf(histogram);
            seedSources = List.copyOf(seedSources);
        }
    }

    record RecordDraw(
            String commitment, List<String> seedInputs, String seed, int panelIndex, List<String> selected, String by)
            implements SortitionCommand {
        public RecordDraw {
            seedInputs = List.copyOf(seedInputs);
            selected = List.copyOf(selected);
        }
    }

    /** {@code replacementsBefore}: how many replacements the desk saw; another one meanwhile refuses this one. */
    record RecordReplacement(
            String dropout, String replacement, int rank, List<String> changes, int replacementsBefore, String by)
            implements SortitionCommand {
        public RecordReplacement {
            changes = List.copyOf(changes);
        }
    }
}
