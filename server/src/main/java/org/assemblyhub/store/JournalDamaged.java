package org.assemblyhub.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal that is broken in the middle: valid records follow a bad one, so it is not a torn tail and nothing may be
 * cut. The assembly does not start; the file is left as it is and a copy was put aside. The message says what to do.
 */
public final class JournalDamaged extends IOException {
    private final String assemblyId;
    private final JournalReport report;
    private final Path copy;

    public JournalDamaged(String assemblyId, JournalReport report, Path copy) {
        super("journal of assembly " + assemblyId + " (" + report.file() + ") is " + report.describe()
                + ". The assembly is not started and the file is left untouched (a copy is in " + copy
                + "). Restore the"
                + " journal from a backup, or give up what follows the damage with `./hub journal cut " + report.file()
                + " " + report.validBytes() + "` (it keeps a copy of what it cuts); see docs/operations.md.");
        this.assemblyId = assemblyId;
        this.report = report;
        this.copy = copy;
    }

    public String assemblyId() {
        return assemblyId;
    }

    public JournalReport report() {
        return report;
    }

    public Path copy() {
        return copy;
    }
}
