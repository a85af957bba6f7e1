package org.assemblyhub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
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
        return records.stream()
                .map(r -> r.seq() + ":" + new String(r.data(), StandardCharsets.UTF_8))
                .toList();
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

        assertThatThrownBy(() -> await(store.append("a1", 1, records(2, 1))))
                .hasRootCauseInstanceOf(EventStore.SeqConflict.class);
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

    @Test
    void replay_hands_over_each_record_in_order_off_the_event_loop_and_ends_with_the_last_seq() throws Exception {
        for (int from = 1; from <= 1000; from += 100) await(store.append("a1", from - 1, records(from, 100)));
        List<Long> seqs = new ArrayList<>();
        List<Boolean> onEventLoop = new ArrayList<>();

        long last = await(store.replay("a1", 0, r -> {
            seqs.add(r.seq());
            onEventLoop.add(Context.isOnEventLoopThread());
        }));

        assertThat(last).isEqualTo(1000);
        assertThat(seqs).hasSize(1000).isSorted().startsWith(1L).endsWith(1000L);
        assertThat(onEventLoop).containsOnly(false);
    }

    @Test
    void replay_after_any_seq_starts_at_the_next_record_before_and_after_reopening() throws Exception {
        for (int from = 1; from <= 300; from += 30) await(store.append("a1", from - 1, records(from, 30)));
        for (int round = 0; round < 2; round++) {
            for (long after : new long[] {0, 1, 63, 64, 65, 128, 200, 299, 300, 500}) {
                List<JournalRecord> read = await(store.read("a1", after));
                assertThat(read).as("after %d", after).hasSize((int) Math.max(0, 300 - after));
                if (!read.isEmpty()) assertThat(texts(read).get(0)).isEqualTo((after + 1) + ":event " + (after + 1));
            }
            await(store.close());
            store = reopen(vertx);
        }
    }

    @Test
    void replay_fails_with_its_consumer_and_the_journal_stays_usable() throws Exception {
        await(store.append("a1", 0, records(1, 5)));

        assertThatThrownBy(() -> await(store.replay("a1", 0, r -> {
                    if (r.seq() == 3) throw new IllegalStateException("stop at 3");
                })))
                .hasRootCauseMessage("stop at 3");
        await(store.append("a1", 5, records(6, 1)));
        assertThat(await(store.read("a1", 0))).hasSize(6);
    }
}
