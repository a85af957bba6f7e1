package org.assemblyhub.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.StoreConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.RedisServer;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis goes away in the middle of a session (killed, SIGKILL) and comes back on the same port with its append-only
 * file: commands meanwhile are refused with {@code journal-unavailable}, never acknowledged; the hub serves again by
 * itself once Redis is back; every acknowledged command is there, on screens and after a restart of the hub.
 */
class RedisOutageTest {
    RedisServer redis;
    TestHub hub;
    TestHub.Setup setup;
    LiveClient organiser;
    final List<String> acknowledged = new ArrayList<>();
    final List<String> refused = new ArrayList<>();

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        if (redis != null) redis.close();
    }

    private JsonNode announce(String id, String text) {
        return organiser.call(id, "announce", new JsonObject().put("text", text));
    }

    private void record(String text, JsonNode answer) {
        if (answer.path("type").asText().equals("ack")) {
            acknowledged.add(text);
        } else {
            assertThat(answer.path("code").asText()).as(text).isEqualTo("journal-unavailable");
            refused.add(text);
        }
    }

    private static List<String> announcements(JsonNode view) {
        List<String> texts = new ArrayList<>();
        view.path("announcements").forEach(a -> texts.add(a.path("text").asText()));
        return texts;
    }

    @Test
    void commands_during_a_redis_outage_are_refused_and_the_hub_serves_again_by_itself_with_every_ack_kept() {
        redis = RedisServer.durable();
        hub = new TestHub(StoreConfig.redis(redis.url(), false));
        setup = hub.createAssembly(true, null);
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        LiveClient observer = hub.client(null).join(setup.assemblyId());
        for (int i = 1; i <= 3; i++) record("before " + i, announce("b" + i, "before " + i));
        assertThat(acknowledged).hasSize(3);

        // Commands in flight when Redis dies: each is either acknowledged (then it must survive) or refused.
        int sent = organiser.count();
        for (int i = 1; i <= 4; i++) {
            organiser.command("f" + i, "announce", new JsonObject().put("text", "in flight " + i));
        }
        redis.kill();
        for (int i = 1; i <= 4; i++) {
            String id = "f" + i;
            record(
                    "in flight " + i,
                    organiser.awaitFrom(
                            sent,
                            m -> id.equals(m.path("id").asText())
                                    && m.has("code") == m.path("type").asText().equals("error")));
        }

        JsonNode during = announce("d1", "during the outage");
        assertThat(during.path("code").asText()).isEqualTo("journal-unavailable");
        refused.add("during the outage");

        redis.start();
        JsonNode after = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            after = announce("a1", "after the outage");
            if (after.path("type").asText().equals("ack")) break;
            assertThat(after.path("code").asText()).isEqualTo("journal-unavailable");
            LiveClient.sleep(100);
        }
        assertThat(after.path("type").asText())
                .as("served again once Redis is back")
                .isEqualTo("ack");
        acknowledged.add("after the outage");

        observer.awaitView(v -> announcements(v).containsAll(acknowledged));
        assertThat(announcements(observer.view())).doesNotContainAnyElementsOf(refused);

        hub.stop();
        hub.start();
        JsonNode view = hub.client(null).join(setup.assemblyId()).view();
        assertThat(announcements(view)).containsAll(acknowledged).doesNotContainAnyElementsOf(refused);
    }

    @Test
    void after_redis_restarts_while_the_hub_is_idle_the_next_command_is_acknowledged_at_once() {
        redis = RedisServer.durable();
        hub = new TestHub(StoreConfig.redis(redis.url(), false));
        setup = hub.createAssembly(true, null);
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        assertThat(announce("b1", "before").path("type").asText()).isEqualTo("ack");

        redis.stop();
        redis.start();

        assertThat(announce("a1", "after").path("type").asText()).isEqualTo("ack");
        assertThat(announcements(organiser.awaitView(v -> announcements(v).contains("after"))))
                .containsExactly("before", "after");
    }
}
