package org.assemblyhub.engine;

import io.vertx.core.Future;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.JournalRecord;

import java.util.Arrays;
import java.util.List;

/**
 * A batch whose append failed without saying whether it landed ({@link EventStore.OutcomeUnknown}: the journal's
 * server went away after the batch may have reached it). Its commands are answered neither way until the journal can
 * be read again: then it either holds these very records right after {@code before} — the batch landed, its
 * commands are acknowledged — or it does not, and they are refused with nothing changed. Nobody is told "nothing
 * changed" about a command that is in the journal.
 */
final class UnknownAppend {
    final Batch batch;
    final long before;
    private final List<JournalRecord> records;

    UnknownAppend(Batch batch, long before, List<JournalRecord> records) {
        this.batch = batch;
        this.before = before;
        this.records = records;
    }

    /** Whether the journal holds exactly this batch's records after {@code before}. */
    Future<Boolean> landed(EventStore store, String assemblyId) {
        long last = records.get(records.size() - 1).seq();
        return store.read(assemblyId, before).map(after -> {
            if (after.size() < records.size() || after.get(records.size() - 1).seq() != last) return false;
            for (int i = 0; i < records.size(); i++) {
                if (!Arrays.equals(after.get(i).data(), records.get(i).data())) return false;
            }
            return true;
        });
    }
}
