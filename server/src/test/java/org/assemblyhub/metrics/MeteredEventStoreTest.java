package org.assemblyhub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.JournalRecord;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The metered store is the store it wraps, with a stopwatch: nothing may be left to the interface's defaults. */
class MeteredEventStoreTest {

    @Test
    void every_method_of_the_event_store_is_delegated_including_its_defaults() {
        List<String> missing = new ArrayList<>();
        for (Method m : EventStore.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) continue;
            try {
                MeteredEventStore.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(m.getName() + Arrays.toString(m.getParameterTypes()));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void a_claim_reaches_the_wrapped_store_and_a_fenced_one_is_counted_and_passed_on() {
        HubMetrics metrics = new HubMetrics();
        FencingStore fencing = new FencingStore();
        EventStore store = new MeteredEventStore(fencing, metrics);
        try {
            assertThat(store.claim("climate", 3).succeeded()).isTrue();
            Future<Void> stale = store.claim("climate", 2);

            assertThat(fencing.claims).containsExactly("climate@3", "climate@2");
            assertThat(stale.cause()).isInstanceOf(EventStore.Fenced.class);
            Scrape scrape = new Scrape(metrics.scrape());
            assertThat(scrape.value(
                            "hub_journal_errors_total", "store", "fencing", "operation", "claim", "error", "fenced"))
                    .isEqualTo(1);
            assertThat(store.kind()).isEqualTo("fencing");
        } finally {
            metrics.close();
        }
    }

    @Test
    void a_successful_append_is_timed_and_a_conflicting_one_is_counted_as_such() {
        HubMetrics metrics = new HubMetrics();
        EventStore store = new MeteredEventStore(new FencingStore(), metrics);
        try {
            store.append("climate", 0, List.of());
            store.append("climate", 5, List.of());

            Scrape scrape = new Scrape(metrics.scrape());
            assertThat(scrape.value("hub_journal_append_seconds_count", "store", "fencing"))
                    .isEqualTo(1);
            assertThat(scrape.value("hub_journal_errors_total", "operation", "append", "error", "seq-conflict"))
                    .isEqualTo(1);
        } finally {
            metrics.close();
        }
    }

    /** A journal with one writer's epoch and a last seq of 0: enough to see what the decorator passes on. */
    private static final class FencingStore implements EventStore {
        final List<String> claims = new ArrayList<>();
        long epoch;

        @Override
        public Future<Void> append(String assemblyId, long expectedLastSeq, List<JournalRecord> records) {
            return expectedLastSeq == 0
                    ? Future.succeededFuture()
                    : Future.failedFuture(new SeqConflict(assemblyId, expectedLastSeq, 0));
        }

        @Override
        public Future<Long> replay(String assemblyId, long afterSeq, Consumer<JournalRecord> each) {
            return Future.succeededFuture(afterSeq);
        }

        @Override
        public Future<Set<String>> assemblyIds() {
            return Future.succeededFuture(Set.of());
        }

        @Override
        public Future<Void> claim(String assemblyId, long epoch) {
            claims.add(assemblyId + "@" + epoch);
            if (epoch < this.epoch) return Future.failedFuture(new Fenced(assemblyId, epoch, this.epoch));
            this.epoch = epoch;
            return Future.succeededFuture();
        }

        @Override
        public String kind() {
            return "fencing";
        }

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }
    }
}
