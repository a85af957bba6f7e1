package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.StoreConfig;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.store.StoreOptions;
import org.assemblyhub.testing.RedisServer;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * With the journal in a real Redis (a cluster's store): people's keys and organisations live in Redis too, so another
 * node reads them; erasing a member deletes their key and the assembly's snapshots there, and once Redis has rewritten
 * its append-only file no byte of their data is left in Redis's files.
 */
class RedisPrivacyTest {

    @Test
    void in_redis_an_erased_members_data_leaves_every_file_of_redis_and_another_node_replays_the_rest()
            throws Exception {
        try (RedisServer redis = RedisServer.durable()) {
            StoreConfig store = StoreConfig.redis(redis.url(), false);
            StoreOptions snapshotsOften = StoreOptions.DEFAULT.withSnapshotsEvery(60, Long.MAX_VALUE);
            try (TestHub first = new TestHub(store, TestHub.newDataDir(), TestHub.freePort(), snapshotsOften)) {
                BusyAssembly busy = new BusyAssembly(first.vertx(), "busy").withCanary();
                busy.firstEvening();
                busy.secondEvening();
                awaitASnapshot(redis);
                assertThat(redis.call("HLEN", "hub:{busy}:keys")).isNotEqualTo(":0");
                assertThat(filesHolding(redis.dir(), "Canaryname-7f3a"))
                        .as("before: a snapshot in Redis holds the model in the clear")
                        .isTrue();
                var org = first.post(
                        "/api/organisations",
                        "application/json",
                        TestHub.BOOTSTRAP,
                        new JsonObject()
                                .put("id", "ville-r")
                                .put("name", "Ville R")
                                .put("adminName", "Rosa")
                                .encode());
                assertThat(org.statusCode()).isEqualTo(201);

                // A slow rewrite of the append-only file is under way when the member is erased: it forked before the
                // key's deletion and carries the key into its new file, so the hub must have Redis rewrite it again.
                redis.call("CONFIG", "SET", "rdb-key-save-delay", "100000");
                redis.call("BGREWRITEAOF");
                redis.call("CONFIG", "SET", "rdb-key-save-delay", "0"); // the running rewrite keeps its own
                int before = rewrites(redis);
                assertThat(info(redis)).contains("aof_rewrite_in_progress:1");

                JsonObject erased =
                        busy.ask("organiser-1", "organiser", "erase-person", new JsonObject().put("personId", "m1"));
                assertThat(Answers.isError(erased)).as(erased.encode()).isFalse();
                awaitErased(busy);
                assertThat(redis.call("HEXISTS", "hub:{busy}:keys", "m1")).isEqualTo(":0");
                assertThat(redis.call("HEXISTS", "hub:{busy}:keys", "m2")).isEqualTo(":1");
                awaitTheHubsRewrite(redis, before);
            }
            assertThat(filesHolding(redis.dir(), "Canaryname-7f3a"))
                    .as("Redis's own files after the append-only file's rewrite")
                    .isFalse();
            assertThat(filesHolding(redis.dir(), BusyAssembly.CANARY_CONTACT)).isFalse();

            try (TestHub second = new TestHub(store, TestHub.newDataDir(), TestHub.freePort(), snapshotsOften)) {
                BusyAssembly again = new BusyAssembly(second.vertx(), "busy");
                assertThat(again.view("organiser"))
                        .contains("Member 2")
                        .contains("⟨erased member⟩")
                        .doesNotContain("Canaryname-7f3a");
                var org = second.send(
                        HttpRequest.newBuilder(URI.create(second.url() + "/api/organisations/ville-r/public"))
                                .GET()
                                .build());
                assertThat(org.statusCode())
                        .as("the organisation, read from Redis by another node")
                        .isEqualTo(200);
                assertThat(org.body()).contains("Ville R");
            }
        }
    }

    private static void awaitErased(BusyAssembly busy) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (busy.view("organiser").contains("Canaryname-7f3a")) {
            if (System.nanoTime() > deadline) throw new AssertionError("still not erased");
            Thread.sleep(100);
        }
    }

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

    /** How many rewrites of the append-only file Redis has started. */
    private static int rewrites(RedisServer redis) throws Exception {
        return info(redis)
                .lines()
                .filter(l -> l.startsWith("aof_rewrites:"))
                .mapToInt(l ->
                        Integer.parseInt(l.substring("aof_rewrites:".length()).trim()))
                .findFirst()
                .orElseThrow();
    }

    /** Waits until a rewrite the test did not ask for has started after {@code before} and none runs any more. */
    private static void awaitTheHubsRewrite(RedisServer redis, int before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String info = info(redis);
            boolean idle = info.contains("aof_rewrite_in_progress:0") && info.contains("aof_rewrite_scheduled:0");
            if (idle && rewrites(redis) > before) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the hub did not have the append-only file rewritten after the erasure within 60 s");
    }

    /** The whole of INFO persistence (the test helper's call reads a reply's first line only). */
    private static String info(RedisServer redis) throws Exception {
        Process cli = new ProcessBuilder("redis-cli", "-p", Integer.toString(redis.port()), "INFO", "persistence")
                .redirectErrorStream(true)
                .start();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        cli.waitFor();
        return out;
    }

    private static boolean filesHolding(Path dir, String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (bytes.contains(new String(needle, StandardCharsets.ISO_8859_1))) return true;
            }
        }
        return false;
    }
}
