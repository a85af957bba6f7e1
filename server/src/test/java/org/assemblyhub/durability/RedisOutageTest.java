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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redis goes away in the middle of a session (killed, SIGKILL) and comes back on the same port with its append-only
 * file: commands meanwhile are refused with {@code journal-unavailable}, never acknowledged; the hub serves again by
 * itself once Redis is back; every acknowledged command is there, on screens and after a restart of the hub.
 */
class RedisOutageTest {
    static final int IN_FLIGHT = 30;
    RedisServer redis;
    TestHub hub;
    TestHub.Setup setup;
    LiveClient organiser;
    final List<String> acknowledged = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    /** Commands whose answer was {@code unavailable}: the hub could not tell yet whether they landed. */
    final Map<String, String> undecided = new LinkedHashMap<>();

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        if (redis != null) redis.close();
    }

    private JsonNode announce(String id, String text) {
        return organiser.call(id, "announce", new JsonObject().put("text", text));
    }

    private void record(String id, String text, JsonNode answer) {
        switch (answer.path("type").asText().equals("ack")
                ? "ack"
                : answer.path("code").asText()) {
            case "ack" -> acknowledged.add(text);
            case "journal-unavailable" -> refused.add(text);
            case "unavailable" -> undecided.put(id, text);
            default -> throw new AssertionError(text + ": " + answer);
        }
    }

    private static List<String> announcements(JsonNode view) {
        List<String> texts = new ArrayList<>();
        view.path("announcements").forEach(a -> texts.add(a.path("text").asText()));
        return texts;
    }

    /** Sends a command again with the same id until it is acknowledged (the hub serves again by itself). */
    private void untilAcknowledged(String id, String text) {
        JsonNode answer = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            answer = announce(id, text);
            if (answer.path("type").asText().equals("ack")) break;
            assertThat(answer.path("code").asText()).isIn("journal-unavailable", "unavailable");
            LiveClient.sleep(100);
        }
        assertThat(answer.path("type").asText())
                .as("%s acknowledged once Redis is back", text)
                .isEqualTo("ack");
        acknowledged.add(text);
    }

    @Test
    void commands_during_a_redis_outage_are_refused_and_the_hub_serves_again_by_itself_with_every_ack_kept() {
        redis = RedisServer.durable();
        hub = new TestHub(StoreConfig.redis(redis.url(), false));
        setup = hub.createAssembly(true, null);
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        LiveClient observer = hub.client(null).join(setup.assemblyId());
        for (int i = 1; i <= 3; i++) record("b" + i, "before " + i, announce("b" + i, "before " + i));
        assertThat(acknowledged).hasSize(3);

        // Commands in flight when Redis dies (killed once the first few are acknowledged, so mid-stream): each is
        // acknowledged (then it must survive), refused (then it must never show), or undecided (a batch Redis may
        // have written before it died: the hub answers only once it can read the journal again).
        int sent = organiser.count();
        for (int i = 1; i <= IN_FLIGHT; i++) {
            organiser.command("f" + i, "announce", new JsonObject().put("text", "in flight " + i));
        }
        organiser.awaitFrom(sent, m -> "f3".equals(m.path("id").asText()));
        redis.kill();
        for (int i = 1; i <= IN_FLIGHT; i++) {
            String id = "f" + i;
            record(
                    id,
                    "in flight " + i,
                    organiser.awaitFrom(
                            sent,
                            m -> id.equals(m.path("id").asText())
                                    && m.has("code") == m.path("type").asText().equals("error")));
        }

        record("d1", "during the outage", announce("d1", "during the outage"));
        assertThat(acknowledged).doesNotContain("during the outage");
        System.out.printf(
                "outage: %d acknowledged, %d refused, %d undecided%n",
                acknowledged.size() - 3, refused.size(), undecided.size());

        redis.start();
        untilAcknowledged("a1", "after the outage");
        // A command whose outcome was undecided, sent again with its id: acknowledged, and applied once.
        undecided.forEach(this::untilAcknowledged);

        observer.awaitView(v -> announcements(v).containsAll(acknowledged));
        assertThat(announcements(observer.view()))
                .doesNotContainAnyElementsOf(refused)
                .doesNotHaveDuplicates();

        hub.stop();
        hub.start();
        JsonNode view = hub.client(null).join(setup.assemblyId()).view();
        assertThat(announcements(view))
                .containsAll(acknowledged)
                .noneMatch(refused::contains)
                .doesNotHaveDuplicates();
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

    @Test
    void a_command_whose_append_reached_a_frozen_redis_is_acknowledged_once_redis_runs_again_and_only_once() {
        redis = RedisServer.durable();
        hub = new TestHub(StoreConfig.redis(redis.url(), false));
        setup = hub.createAssembly(true, null);
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        assertThat(announce("b1", "before").path("type").asText()).isEqualTo("ack");

        redis.freeze();
        JsonNode meanwhile = announce("f1", "sent to a frozen Redis");
        assertThat(meanwhile.path("code").asText())
                .as("no answer either way while the outcome is unknown")
                .isEqualTo("unavailable");
        redis.thaw();

        untilAcknowledged("f1", "sent to a frozen Redis");
        assertThat(announcements(organiser.awaitView(v -> announcements(v).contains("sent to a frozen Redis"))))
                .containsExactly("before", "sent to a frozen Redis");
        hub.stop();
        hub.start();
        assertThat(announcements(hub.client(null).join(setup.assemblyId()).view()))
                .containsExactly("before", "sent to a frozen Redis");
    }
}
