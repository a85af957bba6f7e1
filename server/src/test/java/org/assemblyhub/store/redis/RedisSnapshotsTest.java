package org.assemblyhub.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import org.assemblyhub.store.Snapshots;
import org.assemblyhub.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Snapshots beside the journal in Redis: whole or not at all, checked before use, the two newest kept. */
class RedisSnapshotsTest {
    static RedisServer redis;
    Vertx vertx;
    RedisEventStore store;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.durable();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void open() throws Exception {
        assertThat(redis.call("FLUSHALL")).isEqualTo("+OK");
        vertx = Vertx.vertx();
        store = RedisEventStoreTest.storeOn(vertx, redis);
    }

    @AfterEach
    void close() throws Exception {
        store.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private RedisSnapshots snapshots(String version) {
        return new RedisSnapshots(store, version, 10, 1 << 20);
    }

    private static Snapshots.Snapshot write(Snapshots snapshots, long seq, byte[] payload) throws IOException {
        return snapshots.write("a1", seq, 42, out -> out.write(payload));
    }

    private static byte[] payloadOf(Snapshots snapshots, String name) throws IOException {
        Snapshots.Snapshot snapshot = snapshots.read("a1", name);
        try (InputStream in = snapshots.payload(snapshot, 0)) {
            return in.readAllBytes();
        }
    }

    @Test
    void a_snapshot_of_several_chunks_reads_back_with_its_seq_anchor_and_payload_from_another_node() throws Exception {
        byte[] model = new byte[(3 << 20) + 12_345];
        for (int i = 0; i < model.length; i++) model[i] = (byte) (i * 7);
        String name = write(snapshots("1.0"), 7, model).name();

        RedisEventStore otherNode = RedisEventStoreTest.storeOn(vertx, redis);
        try {
            RedisSnapshots there = new RedisSnapshots(otherNode, "1.0", 10, 1 << 20);
            assertThat(there.candidates("a1")).containsExactly(name);
            Snapshots.Snapshot snapshot = there.read("a1", name);
            assertThat(snapshot.seq()).isEqualTo(7);
            assertThat(snapshot.anchor()).isEqualTo(42);
            assertThat(payloadOf(there, name)).isEqualTo(model);
            try (InputStream tail = there.payload(snapshot, model.length - 3)) {
                assertThat(tail.readAllBytes())
                        .containsExactly(model[model.length - 3], model[model.length - 2], model[model.length - 1]);
            }
            assertThat(there.newestSize("a1")).isEqualTo(snapshot.size());
        } finally {
            otherNode.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void the_two_newest_are_kept_and_any_newer_than_the_one_just_written_is_removed() throws Exception {
        RedisSnapshots snapshots = snapshots("1.0");
        for (long seq : new long[] {10, 20, 30}) write(snapshots, seq, ("at " + seq).getBytes(StandardCharsets.UTF_8));
        assertThat(snapshots.candidates("a1")).containsExactly("00000000000000000030", "00000000000000000020");

        write(snapshots, 25, "from a restored, shorter journal".getBytes(StandardCharsets.UTF_8));

        assertThat(snapshots.candidates("a1")).containsExactly("00000000000000000025", "00000000000000000020");
        assertThat(redis.call("EXISTS", "hub:{a1}:snapshot:00000000000000000030"))
                .isEqualTo(":0");
        assertThat(redis.call("EXISTS", "hub:{a1}:snapshot:00000000000000000010"))
                .isEqualTo(":0");
        assertThat(new String(payloadOf(snapshots, "00000000000000000020"), StandardCharsets.UTF_8))
                .isEqualTo("at 20");
    }

    @Test
    void a_damaged_or_other_version_snapshot_is_unusable_and_says_why() throws Exception {
        RedisSnapshots snapshots = snapshots("1.0");
        Snapshots.Snapshot written = write(snapshots, 5, "a model of some length".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> snapshots("2.0").read("a1", written.name()))
                .isInstanceOf(Snapshots.Unusable.class)
                .hasMessageContaining("written by hub 1.0, this is 2.0");

        String key = "hub:{a1}:snapshot:" + written.name();
        assertThat(redis.call("SETRANGE", key, Long.toString(written.size() - 3), "X"))
                .startsWith(":");
        assertThatThrownBy(() -> snapshots.read("a1", written.name()))
                .isInstanceOf(Snapshots.Unusable.class)
                .hasMessageContaining("content is damaged");
    }

    @Test
    void a_write_that_fails_leaves_nothing_behind() throws Exception {
        RedisSnapshots snapshots = snapshots("1.0");

        assertThatThrownBy(() -> snapshots.write("a1", 3, 1, out -> {
                    out.write(new byte[(1 << 20) + 100]);
                    throw new IOException("out of memory while serialising");
                }))
                .hasMessage("out of memory while serialising");

        assertThat(snapshots.candidates("a1")).isEmpty();
        assertThat(redis.call("DBSIZE")).isEqualTo(":0");
    }
}
