package org.assemblyhub.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import org.assemblyhub.Hub;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.config.StoreConfig;
import org.assemblyhub.testing.RedisServer;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The hub keeps the promise of an ack only on a Redis that keeps every acknowledged write, or when told otherwise. */
class RedisDurabilityTest {
    private RedisServer redis;

    @AfterEach
    void stopRedis() {
        if (redis != null) redis.close();
    }

    private static HubConfig config(StoreConfig store) {
        int port = TestHub.freePort();
        return new HubConfig(
                        "127.0.0.1",
                        port,
                        TestHub.newDataDir(),
                        "http://127.0.0.1:" + port,
                        TestHub.BOOTSTRAP,
                        false,
                        64 * 1024,
                        10,
                        false)
                .withStore(store);
    }

    private static Throwable startFails(StoreConfig store) {
        try {
            Hub hub = Hub.start(config(store))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            hub.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            throw new AssertionError("the hub started");
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) cause = cause.getCause();
            return cause;
        }
    }

    @Test
    void the_hub_refuses_a_redis_that_fsyncs_only_every_second_and_names_the_setting() {
        redis = RedisServer.started(true, "everysec");

        Throwable refused = startFails(StoreConfig.redis(redis.url(), false));

        assertThat(refused).isInstanceOf(RedisDurability.TooWeak.class);
        assertThat(refused.getMessage())
                .contains("appendfsync is 'everysec'")
                .contains("appendfsync always")
                .contains("--accept-weaker-durability")
                .doesNotContain("appendonly is");
    }

    @Test
    void the_hub_refuses_a_redis_without_an_append_only_file() {
        redis = RedisServer.started(false, "always");

        Throwable refused = startFails(StoreConfig.redis(redis.url(), false));

        assertThat(refused.getMessage()).contains("appendonly is 'no'").contains("appendonly yes");
    }

    @Test
    void the_hub_refuses_a_redis_it_cannot_reach() {
        Throwable refused = startFails(StoreConfig.redis("redis://127.0.0.1:" + TestHub.freePort(), false));

        assertThat(refused.getMessage()).contains("cannot check");
    }

    @Test
    void with_weaker_durability_accepted_the_hub_starts_on_such_a_redis_and_says_its_journal_is_redis() {
        redis = RedisServer.started(true, "everysec");

        try (TestHub hub = new TestHub(StoreConfig.redis(redis.url(), true))) {
            JsonObject health = new JsonObject(hub.get("/health", null).body());
            assertThat(health.getString("journal")).isEqualTo("redis");
        }
    }

    @Test
    void a_durable_redis_passes_with_no_warning_and_an_evicting_one_is_warned_about() throws Exception {
        redis = RedisServer.durable();
        Vertx vertx = Vertx.vertx();
        try {
            RedisCalls calls = new RedisCalls(Redis.createClient(vertx, redis.url()), 5_000);
            assertThat(await(RedisDurability.check(calls, "here", false))).isEmpty();

            assertThat(redis.call("CONFIG", "SET", "maxmemory-policy", "allkeys-lru"))
                    .isEqualTo("+OK");
            List<String> warnings = await(RedisDurability.check(calls, "here", false));
            assertThat(warnings).singleElement().asString().contains("maxmemory-policy 'allkeys-lru'");
            calls.redis().close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_redis_that_refuses_config_get_is_refused_unless_weaker_durability_is_accepted() throws Exception {
        redis = RedisServer.durable();
        Vertx vertx = Vertx.vertx();
        try {
            RedisCalls calls = new RedisCalls(Redis.createClient(vertx, redis.url()), 5_000);
            assertThat(redis.call("ACL", "SETUSER", "default", "-config")).isEqualTo("+OK");

            assertThatThrownBy(() -> await(RedisDurability.check(calls, "here", false)))
                    .hasRootCauseInstanceOf(RedisDurability.TooWeak.class)
                    .rootCause()
                    .hasMessageContaining("cannot check")
                    .hasMessageContaining("--accept-weaker-durability");
            assertThat(await(RedisDurability.check(calls, "here", true)))
                    .singleElement()
                    .asString()
                    .contains("cannot check");
            calls.redis().close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
