package org.assemblyhub.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link EventStore} promises, whatever it is built on. A Redis store extends this class and passes the
 * same tests.
 */
public abstract class EventStoreContract {
    protected Vertx vertx;
    protected EventStore store;

    /** A fresh, empty store. */
    protected abstract EventStore newStore(Vertx vertx) throws Exception;

    /** The same store reopened, as after a restart (same data). */
    protected abstract EventStore reopen(Vertx vertx) throws Exception;

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        store = newStore(vertx);
    }

    @AfterEach
    void close() throws Exception {
        await(store.close());
        await(vertx.close());
    }

    protected static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    protected static List<JournalRecord> records(long from, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new JournalRecord(from + i, ("event " + (from + i)).getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    protected static List<String> texts(List<JournalRecord> records) {
        return records.stream().map(r -> r.seq() + ":" + new String(r.data(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void appended_records_are_read_back_in_order_with_their_seq() throws Exception {
        await(store.append("a1", 0, records(1, 3)));
        await(store.append("a1", 3, records(4, 2)));

        assertThat(texts(await(store.read("a1", 0))))
                .containsExactly("1:event 1", "2:event 2", "3:event 3", "4:event 4", "5:event 5");
    }

    @Test
    void reading_after_a_seq_returns_only_the_later_records() throws Exception {
        await(store.append("a1", 0, records(1, 5)));

        assertThat(texts(await(store.read("a1", 3)))).containsExactly("4:event 4", "5:event 5");
    }

    @Test
    void an_append_that_expects_the_wrong_last_seq_is_refused_and_writes_nothing() throws Exception {
        await(store.append("a1", 0, records(1, 2)));

        assertThatThrownBy(() -> await(store.append("a1", 1, records(2, 1)))).hasRootCauseInstanceOf(EventStore.SeqConflict.class);
        assertThat(await(store.read("a1", 0))).hasSize(2);
    }

    @Test
    void assemblies_are_kept_apart() throws Exception {
        await(store.append("a1", 0, records(1, 2)));
        await(store.append("b2", 0, records(1, 1)));

        assertThat(await(store.read("a1", 0))).hasSize(2);
        assertThat(await(store.read("b2", 0))).hasSize(1);
        assertThat(await(store.assemblyIds())).contains("a1", "b2");
    }

    @Test
    void an_unknown_assembly_has_an_empty_journal() throws Exception {
        assertThat(await(store.read("never-written", 0))).isEmpty();
    }

    @Test
    void what_was_acknowledged_is_there_after_reopening() throws Exception {
        await(store.append("a1", 0, records(1, 4)));
        await(store.close());
        store = reopen(vertx);

        assertThat(texts(await(store.read("a1", 0)))).hasSize(4).first().isEqualTo("1:event 1");
        await(store.append("a1", 4, records(5, 1)));
        assertThat(await(store.read("a1", 0))).hasSize(5);
    }

    @Test
    void concurrent_appends_to_different_assemblies_all_land() throws Exception {
        List<Future<Void>> appends = new ArrayList<>();
        for (int i = 0; i < 20; i++) appends.add(store.append("c" + i, 0, records(1, 3)));
        await(Future.all(appends));

        for (int i = 0; i < 20; i++) assertThat(await(store.read("c" + i, 0))).hasSize(3);
    }

    @Test
    void large_records_survive_intact() throws Exception {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        await(store.append("a1", 0, List.of(new JournalRecord(1, big))));

        assertThat(await(store.read("a1", 0)).get(0).data()).isEqualTo(big);
    }
}
