package org.assemblyhub.engine;

import org.assemblyhub.kernel.Model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A journal whose personal data does not open although nobody was erased: the person keys were lost, or restored from
 * another backup than the journal. The assembly does not start (rather than show everyone as erased, which would
 * silently drop their data); the operator restores {@code keys/} with the journal (docs/operations.md).
 */
final class KeysMissing extends IllegalStateException {
    final Set<String> people;

    private KeysMissing(String assemblyId, Set<String> people) {
        super("the journal of " + assemblyId + " holds personal data of " + people.size()
                + " people who were not erased but whose keys are missing: restore keys/ from the same backup as the"
                + " journal");
        this.people = people;
    }

    /** Fails when data was read without a key for someone the assembly did not erase. */
    static void check(String assemblyId, PersonalSeals seals, Model model) {
        if (seals == null) return;
        Set<String> lost = new LinkedHashSet<>(seals.shut());
        lost.removeAll(model.roster().erased());
        if (!lost.isEmpty()) throw new KeysMissing(assemblyId, lost);
    }
}
