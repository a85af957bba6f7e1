package org.assemblyhub.metrics;

import io.vertx.core.Future;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.JournalRecord;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An {@link EventStore} that times appends and counts failures, and otherwise is the store it wraps: every method
 * delegates (a method left to the interface's default would silently lose the wrapped store's own, as
 * {@code claim} would lose its fencing).
 */
public final class MeteredEventStore implements EventStore {
    private final EventStore store;
    private final HubMetrics metrics;
    private final MeterTimers timers;

    public MeteredEventStore(EventStore store, HubMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.timers = metrics.journal(store.kind());
        for (String operation : List.of("append", "claim", "replay")) {
            for (String error : List.of("failed", "fenced", "seq-conflict")) {
                metrics.journalErrorsStartAtZero(store.kind(), operation, error);
            }
        }
    }

    @Override
    public Future<Void> append(String assemblyId, long expectedLastSeq, List<JournalRecord> records) {
        long start = System.nanoTime();
        return counted("append", store.append(assemblyId, expectedLastSeq, records))
                .onSuccess(done -> timers.append().record(Duration.ofNanos(System.nanoTime() - start)));
    }

    @Override
    public Future<Long> replay(String assemblyId, long afterSeq, Consumer<JournalRecord> each) {
        return counted("replay", store.replay(assemblyId, afterSeq, each));
    }

    @Override
    public Future<List<JournalRecord>> read(String assemblyId, long afterSeq) {
        return counted("read", store.read(assemblyId, afterSeq));
    }

    @Override
    public Future<Set<String>> assemblyIds() {
        return counted("list", store.assemblyIds());
    }

    @Override
    public Future<Void> claim(String assemblyId, long epoch) {
        return counted("claim", store.claim(assemblyId, epoch));
    }

    @Override
    public String kind() {
        return store.kind();
    }

    @Override
    public Future<Void> close() {
        return store.close();
    }

    private <T> Future<T> counted(String operation, Future<T> result) {
        return result.onFailure(e -> metrics.journalError(store.kind(), operation, errorOf(e)));
    }

    private static String errorOf(Throwable e) {
        if (e instanceof Fenced) return "fenced";
        if (e instanceof SeqConflict) return "seq-conflict";
        return "failed";
    }
}
