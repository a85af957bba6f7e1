package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import org.assemblyhub.Capabilities;
import org.assemblyhub.config.StoreConfig;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.store.StoreOptions;
import org.assemblyhub.store.redis.RedisEventStore;
import org.assemblyhub.store.redis.RedisPersonKeys;
import org.assemblyhub.store.redis.RedisSnapshots;
import org.assemblyhub.testing.RedisServer;
import org.assemblyhub.testing.TestHub;
import org.assemblyhub.web.Version;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

/**
 * With the journal in Redis, snapshots are kept there too: a node that never ran an assembly (a data directory of its
 * own, empty) starts it from the newest snapshot and gets what a full replay gives.
 */
class RedisSnapshotTakeoverTest {
    private static final Rules RULES = new Rules(Capabilities.standard());
    private static final long EVERY = 60;

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void a_node_with_an_empty_data_directory_starts_the_assembly_from_the_snapshot_kept_in_redis() throws Exception {
        try (RedisServer redis = RedisServer.durable()) {
            try (TestHub first = new TestHub(
                    StoreConfig.redis(redis.url(), false),
                    TestHub.newDataDir(),
                    TestHub.freePort(),
                    StoreOptions.DEFAULT.withSnapshotsEvery(EVERY, Long.MAX_VALUE))) {
                BusyAssembly busy = new BusyAssembly(first.vertx(), "busy");
                busy.firstEvening();
                busy.secondEvening();
                awaitASnapshot(redis);
                new BusyAssembly(first.vertx(), "busy").tail(3);
            }

            Vertx vertx = Vertx.vertx();
            RedisEventStore store = new RedisEventStore(vertx, Redis.createClient(vertx, redis.url()), 10_000);
            try {
                RedisSnapshots snapshots = new RedisSnapshots(store, Version.VALUE, EVERY, Long.MAX_VALUE);
                KeyRing keys = new KeyRing("busy", new RedisPersonKeys(store));
                await(vertx.executeBlocking(
                        () -> {
                            keys.load();
                            return null;
                        },
                        false));
                PersonalSeals seals = new PersonalSeals("busy", keys);
                EngineReplay.Replayed fromSnapshot = await(
                        EngineReplay.load(vertx, RULES, store, snapshots, seals, "busy", EngineReplay.Then.NOTHING));
                EngineReplay.Replayed full =
                        await(EngineReplay.load(vertx, RULES, store, null, seals, "busy", EngineReplay.Then.NOTHING));

                assertThat(fromSnapshot.fromSnapshot())
                        .as("a snapshot was used")
                        .isPositive()
                        .isLessThan(fromSnapshot.seq());
                assertThat(fromSnapshot.seq()).isEqualTo(full.seq());
                assertThat(fromSnapshot.keys().asMap())
                        .containsExactlyEntriesOf(full.keys().asMap());
                assertThat(organiserView(vertx, fromSnapshot))
                        .isEqualTo(organiserView(vertx, full))
                        .contains("Tail 2");
            } finally {
                await(store.close());
                await(vertx.close());
            }
        }
    }

    private static String organiserView(Vertx vertx, EngineReplay.Replayed replayed) {
        Views views = new Views(vertx.eventBus(), "busy", RULES, replayed.model(), replayed.seq());
        return views.sync(replayed.model(), replayed.seq(), Audience.ORGANISER, null, null)
                .encode();
    }

    /** Snapshots are written in the background: waits until one is listed and none is being written. */
    private static void awaitASnapshot(RedisServer redis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean listed = !redis.call("ZCARD", "hub:{busy}:snapshots").equals(":0");
            boolean writing =
                    !redis.call("KEYS", "hub:{busy}:snapshot:*:writing:*").equals("*0");
            if (listed && !writing) return;
            Thread.sleep(100);
        }
        throw new AssertionError("no snapshot in Redis within 60 s");
    }
}
