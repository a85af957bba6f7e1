package org.assemblyhub.store;

import io.vertx.core.Future;

import java.util.List;
import java.util.Set;

/**
 * An append-only journal per assembly. The contract (tested by EventStoreContract for every implementation):
 * <ul>
 *   <li>{@link #append} succeeds only once the records are durable; it fails with {@link SeqConflict} when the
 *       journal's last seq is not {@code expectedLastSeq}, and then writes nothing;</li>
 *   <li>records keep their seq, contiguous from 1; a batch is all-or-nothing after a crash;</li>
 *   <li>{@link #read} returns what was appended, in order, after the given seq.</li>
 * </ul>
 */
public interface EventStore {

    Future<Void> append(String assemblyId, long expectedLastSeq, List<JournalRecord> records);

    Future<List<JournalRecord>> read(String assemblyId, long afterSeq);

    Future<Set<String>> assemblyIds();

    /** A short name for /health and logs ("file", "redis"). */
    String kind();

    Future<Void> close();

    final class SeqConflict extends RuntimeException {
        public SeqConflict(String assemblyId, long expected, long actual) {
            super("journal of " + assemblyId + " ends at seq " + actual + ", not " + expected);
        }
    }
}
