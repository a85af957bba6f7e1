package org.assemblyhub.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.EventStoreContract;
import org.assemblyhub.store.JournalRecord;
import org.assemblyhub.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The journal contract against a real redis-server, then what only a shared journal must promise: fencing. */
class RedisEventStoreTest extends EventStoreContract {
    static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.durable();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    static RedisEventStore storeOn(Vertx vertx, RedisServer server) {
        return new RedisEventStore(vertx, Redis.createClient(vertx, server.url()), 10_000);
    }

    @Override
    protected EventStore newStore(Vertx vertx) throws Exception {
        assertThat(redis.call("FLUSHALL")).isEqualTo("+OK");
        return storeOn(vertx, redis);
    }

    @Override
    protected EventStore reopen(Vertx vertx) {
        return storeOn(vertx, redis);
    }

    @Test
    void an_older_epoch_cannot_append_after_a_newer_claim_and_writes_nothing() throws Exception {
        EventStore old = storeOn(vertx, redis);
        try {
            await(old.claim("a1", 1));
            await(old.append("a1", 0, records(1, 2)));
            await(store.claim("a1", 2));

            assertThatThrownBy(() -> await(old.append("a1", 2, records(3, 1))))
                    .hasRootCauseInstanceOf(EventStore.Fenced.class);
            await(store.append("a1", 2, records(3, 1)));
            assertThat(texts(await(store.read("a1", 0)))).containsExactly("1:event 1", "2:event 2", "3:event 3");
        } finally {
            await(old.close());
        }
    }

    @Test
    void a_claim_older_than_the_journal_s_epoch_is_fenced_and_the_same_epoch_may_claim_again() throws Exception {
        await(store.claim("a1", 5));
        await(store.claim("a1", 5));

        assertThatThrownBy(() -> await(store.claim("a1", 4))).hasRootCauseInstanceOf(EventStore.Fenced.class);
        await(store.append("a1", 0, records(1, 1)));
        assertThat(await(store.read("a1", 0))).hasSize(1);
    }

    @Test
    void a_store_that_never_claimed_is_fenced_once_an_owner_claimed_the_journal() throws Exception {
        EventStore owner = storeOn(vertx, redis);
        try {
            await(owner.claim("a1", 1));

            assertThatThrownBy(() -> await(store.append("a1", 0, records(1, 1))))
                    .hasRootCauseInstanceOf(EventStore.Fenced.class);
            assertThat(await(store.read("a1", 0))).isEmpty();
            assertThat(await(store.assemblyIds())).doesNotContain("a1");
        } finally {
            await(owner.close());
        }
    }

    @Test
    void a_batch_lands_whole_or_not_at_all_and_its_records_are_contiguous() throws Exception {
        await(store.append("a1", 0, records(1, 50)));
        assertThatThrownBy(() -> await(store.append("a1", 10, records(11, 50))))
                .hasRootCauseInstanceOf(EventStore.SeqConflict.class);
        await(store.append("a1", 50, records(51, 50)));

        List<JournalRecord> all = await(store.read("a1", 0));
        assertThat(all).hasSize(100);
        for (int i = 0; i < all.size(); i++) assertThat(all.get(i).seq()).isEqualTo(i + 1);
    }

    @Test
    void two_writers_racing_on_one_journal_never_interleave_each_batch_is_whole_and_in_one_place() throws Exception {
        EventStore other = storeOn(vertx, redis);
        try {
            long seq = 0;
            for (int round = 0; round < 50; round++) {
                List<JournalRecord> mine = batch(seq, 4, "A" + round);
                List<JournalRecord> theirs = batch(seq, 3, "B" + round);
                Future<Void> a = store.append("a1", seq, mine);
                Future<Void> b = other.append("a1", seq, theirs);
                await(Future.join(a, b).otherwiseEmpty());
                assertThat(a.succeeded() ^ b.succeeded())
                        .as("exactly one of round %d lands", round)
                        .isTrue();
                Future<Void> loser = a.succeeded() ? b : a;
                assertThat(loser.cause()).isInstanceOf(EventStore.SeqConflict.class);
                seq += a.succeeded() ? mine.size() : theirs.size();
            }

            List<JournalRecord> all = await(store.read("a1", 0));
            assertThat(all).hasSize((int) seq);
            String previous = null;
            int run = 0;
            for (JournalRecord record : all) {
                String writer = new String(record.data(), StandardCharsets.UTF_8).split(" ")[0];
                if (!writer.equals(previous)) {
                    if (previous != null) assertThat(run).isEqualTo(previous.startsWith("A") ? 4 : 3);
                    previous = writer;
                    run = 0;
                }
                run++;
            }
        } finally {
            await(other.close());
        }
    }

    @Test
    void a_replay_is_fetched_in_pages_and_stops_at_what_was_durable_when_it_started() throws Exception {
        int total = RedisEventStore.PAGE * 3 + 7;
        for (int from = 1; from <= total; from += 100) {
            int count = Math.min(100, total - from + 1);
            await(store.append("a1", from - 1, records(from, count)));
        }
        List<Long> seqs = new ArrayList<>();
        EventStore writer = storeOn(vertx, redis);
        try {
            long last = await(store.replay("a1", 0, r -> {
                if (r.seq() == 1) writer.append("a1", total, records(total + 1, 1));
                seqs.add(r.seq());
            }));

            assertThat(last).isEqualTo(total);
            assertThat(seqs).hasSize(total).isSorted();
        } finally {
            await(writer.close());
        }
    }

    private static List<JournalRecord> batch(long after, int count, String writer) {
        List<JournalRecord> batch = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            batch.add(new JournalRecord(after + i, (writer + " " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return batch;
    }
}
