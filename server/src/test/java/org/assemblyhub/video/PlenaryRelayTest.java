package org.assemblyhub.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.MutableClock;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The mesh plenary's relay tree over real sockets: positions pushed under peer ids, signalling only along the tree,
 * speakers' labels only from the hub, and a relay its child reports as silent replaced.
 */
class PlenaryRelayTest {
    TestHub hub;
    TestHub.Setup setup;
    final MutableClock clock = new MutableClock();
    final Map<String, LiveClient> people = new HashMap<>();
    /** Each person's id in the plenary's call, as their own video-join says it. */
    final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void plenary() {
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 50, clock, VideoConfig.MESH.withRelayFanOut(2));
        setup = hub.createAssembly(
                true, "id,name,role\nf0,Léa Lead,facilitator\nm1,M One,member\nm2,M Two,member\nm3,M Three,member\n");
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        for (String id : new String[] {"f0", "m1", "m2", "m3"})
            people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private int calls;

    private JsonNode join(String id) {
        return join(id, new JsonObject());
    }

    private JsonNode join(String id, JsonObject args) {
        JsonNode result =
                people.get(id).call("vj-" + id + (calls++), "video-join", args).path("result");
        ids.put(id, result.path("me").asText());
        return result.path("relay");
    }

    private static JsonNode pushed(LiveClient client, Predicate<JsonNode> relay) {
        return client.await(m -> m.path("kind").asText().equals("relay") && relay.test(m.path("data")))
                .path("data");
    }

    private void signal(String from, String to, String kind, JsonObject data) {
        people.get(from)
                .send(new JsonObject()
                        .put("type", "signal")
                        .put("to", ids.get(to))
                        .put("kind", kind)
                        .put("data", data));
    }

    private void offer(String from, String to, String canary) {
        signal(
                from,
                to,
                "offer",
                new JsonObject()
                        .put(
                                "description",
                                new JsonObject().put("type", "offer").put("sdp", canary)));
    }

    @Test
    void viewers_learn_their_place_under_the_stage_and_the_third_one_hangs_from_a_viewer() {
        assertThat(join("m1").path("parent").isNull()).as("nobody on stage yet").isTrue();
        JsonNode lead = join("f0");
        assertThat(lead.path("onStage").asBoolean()).isTrue();
        assertThat(lead.path("children").toString()).isEqualTo("[\"" + ids.get("m1") + "\"]");
        JsonNode m1 = pushed(
                people.get("m1"), d -> ids.get("f0").equals(d.path("parent").asText()));
        assertThat(m1.path("stage").get(0).path("name").asText()).isEqualTo("Léa Lead");

        join("m2");
        JsonNode m3 = join("m3");
        assertThat(m3.path("parent").asText()).isEqualTo(ids.get("m1"));
        assertThat(m3.path("onStage").asBoolean()).isFalse();
        assertThat(pushed(people.get("m1"), d -> d.path("children").toString().equals("[\"" + ids.get("m3") + "\"]"))
                        .path("version")
                        .asLong())
                .isGreaterThan(m1.path("version").asLong());
    }

    @Test
    void a_stage_members_microphone_and_camera_state_reaches_every_position_and_a_viewers_is_not_taken() {
        join("f0", new JsonObject().put("stream", "lead-camera"));
        join("m1");
        JsonNode muted = join(
                "f0",
                new JsonObject()
                        .put("stream", "lead-camera")
                        .put("audio", false)
                        .put("video", true));
        assertThat(muted.path("stage").get(0).path("audio").asBoolean(true)).isFalse();
        assertThat(muted.path("stage").get(0).has("video")).as("absent: on").isFalse();
        JsonNode seen = pushed(people.get("m1"), d -> d.path("stage").path(0).has("audio"));
        assertThat(seen.path("stage").get(0).path("audio").asBoolean(true)).isFalse();
        assertThat(seen.path("stage").get(0).path("name").asText()).isEqualTo("Léa Lead");

        join(
                "f0",
                new JsonObject().put("stream", "lead-camera").put("audio", true).put("video", false));
        JsonNode cameraOff =
                pushed(people.get("m1"), d -> d.path("stage").path(0).has("video"));
        assertThat(cameraOff.path("stage").get(0).path("video").asBoolean(true)).isFalse();
        assertThat(cameraOff.path("stage").get(0).has("audio")).isFalse();

        // A viewer sends nothing: its word on a microphone is ignored, and nobody's position changes for it.
        int before = people.get("m1").count();
        JsonNode viewer = join("m1", new JsonObject().put("audio", false));
        assertThat(viewer.path("stage").get(0).has("audio")).isFalse();
        assertThat(people.get("f0")
                        .call("bad", "video-join", new JsonObject().put("audio", "off"))
                        .path("code")
                        .asText())
                .isEqualTo("invalid-args");
        LiveClient.sleep(200);
        List<JsonNode> since = List.copyOf(people.get("m1").messages());
        assertThat(since.subList(before, since.size()).stream()
                        .filter(m -> m.path("kind").asText().equals("relay"))
                        .toList())
                .isEmpty();
    }

    @Test
    void in_the_plenary_signals_go_only_along_the_tree() {
        join("f0");
        join("m1");
        join("m2");
        join("m3"); // under m1

        offer("m3", "m1", "to-my-parent");
        JsonNode relayed = people.get("m1")
                .await(m -> m.path("type").asText().equals("signal")
                        && m.path("from").asText().equals(ids.get("m3")));
        assertThat(relayed.path("data").path("description").path("sdp").asText())
                .isEqualTo("to-my-parent");
        assertThat(relayed.has("name")).as("viewers stay unnamed to each other").isFalse();

        for (String other : new String[] {"f0", "m2"}) {
            int before = people.get("m3").count();
            offer("m3", other, "CANARY-OFF-TREE-" + other);
            assertThat(people.get("m3")
                            .awaitFrom(before, m -> m.path("signal").asBoolean())
                            .path("code")
                            .asText())
                    .isEqualTo("not-in-your-room");
        }
        LiveClient.sleep(300);
        assertThat(String.join("\n", people.get("f0").frames())).doesNotContain("CANARY-OFF-TREE");
        assertThat(String.join("\n", people.get("m2").frames())).doesNotContain("CANARY-OFF-TREE");
    }

    @Test
    void when_a_relaying_viewer_disconnects_the_viewer_below_is_moved_up_and_observers_are_not_in_the_tree() {
        join("f0");
        join("m1");
        join("m2");
        join("m3");

        people.get("m1").close();

        JsonNode m3 = pushed(
                people.get("m3"), d -> ids.get("f0").equals(d.path("parent").asText()));
        assertThat(m3.path("children").size()).isZero();
        pushed(
                people.get("f0"),
                d -> d.path("children").toString().equals("[\"" + ids.get("m3") + "\",\"" + ids.get("m2") + "\"]"));

        LiveClient observer = hub.client(null).join(setup.assemblyId());
        JsonNode answer =
                observer.call("vj-observer", "video-join", new JsonObject()).path("result");
        assertThat(answer.path("provider").asText()).isEqualTo("mesh");
        assertThat(answer.has("relay")).isFalse();
    }

    @Test
    void positions_name_each_speakers_stream_and_labels_sent_by_peers_are_neither_taken_nor_passed_on() {
        JsonNode lead = join("f0", new JsonObject().put("stream", "lead-camera-stream"));
        assertThat(lead.path("stage").get(0).path("streamId").asText()).isEqualTo("lead-camera-stream");
        join("m1");
        join("m2");
        JsonNode m3 = join("m3"); // under m1
        assertThat(m3.path("stage").size()).isEqualTo(1);
        assertThat(m3.path("stage").get(0).path("id").asText()).isEqualTo(ids.get("f0"));
        assertThat(m3.path("stage").get(0).path("name").asText()).isEqualTo("Léa Lead");
        assertThat(m3.path("stage").get(0).path("streamId").asText()).isEqualTo("lead-camera-stream");

        // m1 relays to m3: it may neither name a stream itself, nor tell m3 whose stream is whose.
        join("m1", new JsonObject().put("stream", "FORGED-STREAM"));
        signal(
                "m1",
                "m3",
                "offer",
                new JsonObject()
                        .put(
                                "description",
                                new JsonObject().put("type", "offer").put("sdp", "v=0"))
                        .put("labels", new JsonObject().put("FORGED-STREAM", ids.get("f0"))));
        JsonNode offer = people.get("m3").await(m -> m.path("kind").asText().equals("offer"));
        assertThat(offer.path("data").has("labels")).isFalse();
        assertThat(offer.path("data").path("description").path("sdp").asText()).isEqualTo("v=0");
        LiveClient.sleep(300);
        for (String person : List.of("f0", "m2", "m3")) {
            assertThat(String.join("\n", people.get(person).frames())).doesNotContain("FORGED-STREAM");
        }
        assertThat(people.get("f0")
                        .call("vj-bad", "video-join", new JsonObject().put("stream", "<img src=x>"))
                        .path("code")
                        .asText())
                .isEqualTo("invalid-args");
    }

    @Test
    void a_relay_its_child_reports_silent_twice_is_replaced_and_the_child_hangs_from_the_stage_again() {
        join("f0");
        join("m1");
        join("m2");
        JsonNode m3 = join("m3");
        assertThat(m3.path("parent").asText()).isEqualTo(ids.get("m1"));

        int before = people.get("m3").count();
        signal("m3", "m2", "stalled", new JsonObject());
        assertThat(people.get("m3")
                        .awaitFrom(before, m -> m.path("signal").asBoolean())
                        .path("code")
                        .asText())
                .as("only one's own parent can be reported")
                .isEqualTo("not-in-your-room");

        signal("m3", "m1", "stalled", new JsonObject());
        LiveClient.sleep(300);
        assertThat(join("m3").path("parent").asText())
                .as("a first report moves nobody")
                .isEqualTo(ids.get("m1"));
        before = people.get("m3").count();
        signal("m3", "m1", "stalled", new JsonObject());
        assertThat(people.get("m3")
                        .awaitFrom(before, m -> m.path("signal").asBoolean())
                        .path("code")
                        .asText())
                .as("reports are rate-limited")
                .isEqualTo("signal-rate-limited");

        clock.advance(Duration.ofSeconds(3));
        signal("m3", "m1", "stalled", new JsonObject());
        JsonNode moved = pushed(
                people.get("m3"), d -> ids.get("f0").equals(d.path("parent").asText()));
        assertThat(moved.path("children").toString()).isEqualTo("[\"" + ids.get("m1") + "\"]");
        JsonNode m1 = pushed(
                people.get("m1"), d -> ids.get("m3").equals(d.path("parent").asText()));
        assertThat(m1.path("children").size())
                .as("the silent relay passes nothing on any more")
                .isZero();
        assertThat(String.join("\n", people.get("m1").frames()))
                .as("the relay is not told who reported it")
                .doesNotContain("stalled");
    }
}
