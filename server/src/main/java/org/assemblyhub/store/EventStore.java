package org.assemblyhub.store;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An append-only journal per assembly. The contract (tested by EventStoreContract for every implementation):
 * <ul>
 *   <li>{@link #append} succeeds only once the records are durable; it fails with {@link SeqConflict} when the
 *       journal's last seq is not {@code expectedLastSeq}, and then writes nothing; when it fails for any other reason
 *       nothing of the batch is ever read back, now or after a restart — except when it fails with
 *       {@link OutcomeUnknown}: then the batch may be there, whole, or not at all;</li>
 *   <li>records keep their seq, contiguous from 1; a batch is all-or-nothing after a crash;</li>
 *   <li>{@link #replay} hands over what was appended, in order, after the given seq, one record at a time.</li>
 * </ul>
 */
public interface EventStore {

    Future<Void> append(String assemblyId, long expectedLastSeq, List<JournalRecord> records);

    /**
     * Streams the records after {@code afterSeq} that were durable when the call was made, in order, to {@code each}
     * — called on a worker thread, never the event loop, one record after the other — without holding the journal
     * in memory. Completes with the seq of the last record handed over ({@code afterSeq} when there was none); fails
     * when the journal cannot be read or when {@code each} throws.
     */
    Future<Long> replay(String assemblyId, long afterSeq, Consumer<JournalRecord> each);

    /**
     * The records after {@code afterSeq}, all in memory: for small journals and tests; the engine uses {@link #replay}.
     */
    default Future<List<JournalRecord>> read(String assemblyId, long afterSeq) {
        List<JournalRecord> records = new ArrayList<>();
        return replay(assemblyId, afterSeq, records::add).map(last -> records);
    }

    Future<Set<String>> assemblyIds();

    /**
     * Makes this store the assembly's writer for owner {@code epoch} (a node that takes an assembly over in a cluster
     * calls it before replaying): from then on, appends by any writer holding an older epoch fail with {@link Fenced},
     * atomically where the journal is kept, and this store's own appends carry {@code epoch}. Fails with
     * {@link Fenced} when a newer epoch has already claimed the journal. A journal with a single writer by
     * construction (the file journal, whose directory is locked to one process) has nothing to fence.
     */
    default Future<Void> claim(String assemblyId, long epoch) {
        return Future.succeededFuture();
    }

    /** A short name for /health and logs ("file", "redis"). */
    String kind();

    Future<Void> close();

    /** An append or a claim by an owner whose epoch is older than the journal's: another node owns the assembly. */
    final class Fenced extends RuntimeException {
        public Fenced(String assemblyId, long epoch, long current) {
            super("journal of " + assemblyId + " belongs to owner epoch " + current + ", not " + epoch);
        }
    }

    /**
     * An append that failed without knowing whether the batch landed (a journal server that went away after the
     * batch may have reached it, or did not answer in time): reading the journal tells, once it can be read.
     */
    final class OutcomeUnknown extends RuntimeException {
        public OutcomeUnknown(String assemblyId, Throwable cause) {
            super(
                    "append to the journal of " + assemblyId + " may or may not have landed: " + cause.getMessage(),
                    cause);
        }
    }

    final class SeqConflict extends RuntimeException {
        public SeqConflict(String assemblyId, long expected, long actual) {
            super("journal of " + assemblyId + " ends at seq " + actual + ", not " + expected);
        }
    }
}
