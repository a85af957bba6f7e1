package org.assemblyhub.video;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mesh plenary's relay tree over real sockets: positions pushed, signalling only along the tree. */
class PlenaryRelayTest {
    TestHub hub;
    TestHub.Setup setup;
    final Map<String, LiveClient> people = new HashMap<>();

    @BeforeEach
    void plenary() {
        hub = new TestHub(VideoConfig.MESH.withRelayFanOut(2));
        setup = hub.createAssembly(true, "id,name,role\nf0,Léa Lead,facilitator\nm1,M One,member\nm2,M Two,member\nm3,M Three,member\n");
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        for (String id : new String[]{"f0", "m1", "m2", "m3"}) people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private JsonNode join(String id) {
        return people.get(id).call("vj-" + id, "video-join", new JsonObject()).path("result").path("relay");
    }

    private static JsonNode pushed(LiveClient client, java.util.function.Predicate<JsonNode> relay) {
        return client.await(m -> m.path("kind").asText().equals("relay") && relay.test(m.path("data"))).path("data");
    }

    private static void signal(LiveClient from, String to, String canary) {
        from.send(new JsonObject().put("type", "signal").put("to", to).put("kind", "offer").put("data", new JsonObject().put("sdp", canary)));
    }

    @Test
    void viewers_learn_their_place_under_the_stage_and_the_third_one_hangs_from_a_viewer() {
        assertThat(join("m1").path("parent").isNull()).as("nobody on stage yet").isTrue();
        JsonNode lead = join("f0");
        assertThat(lead.path("onStage").asBoolean()).isTrue();
        assertThat(lead.path("children").toString()).isEqualTo("[\"m1\"]");
        JsonNode m1 = pushed(people.get("m1"), d -> "f0".equals(d.path("parent").asText()));
        assertThat(m1.path("stage").get(0).path("name").asText()).isEqualTo("Léa Lead");

        join("m2");
        JsonNode m3 = join("m3");
        assertThat(m3.path("parent").asText()).isEqualTo("m1");
        assertThat(m3.path("onStage").asBoolean()).isFalse();
        assertThat(pushed(people.get("m1"), d -> d.path("children").toString().equals("[\"m3\"]")).path("version").asLong())
                .isGreaterThan(m1.path("version").asLong());
    }

    @Test
    void in_the_plenary_signals_go_only_along_the_tree() {
        join("f0");
        join("m1");
        join("m2");
        join("m3"); // under m1

        signal(people.get("m3"), "m1", "to-my-parent");
        assertThat(people.get("m1").await(m -> m.path("type").asText().equals("signal") && m.path("from").asText().equals("m3"))
                .path("data").path("sdp").asText()).isEqualTo("to-my-parent");

        for (String other : new String[]{"f0", "m2"}) {
            int before = people.get("m3").count();
            signal(people.get("m3"), other, "CANARY-OFF-TREE-" + other);
            assertThat(people.get("m3").awaitFrom(before, m -> m.path("signal").asBoolean()).path("code").asText()).isEqualTo("not-in-your-room");
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

        JsonNode m3 = pushed(people.get("m3"), d -> "f0".equals(d.path("parent").asText()));
        assertThat(m3.path("children").size()).isZero();
        pushed(people.get("f0"), d -> d.path("children").toString().equals("[\"m3\",\"m2\"]"));

        LiveClient observer = hub.client(null).join(setup.assemblyId());
        JsonNode answer = observer.call("vj-observer", "video-join", new JsonObject()).path("result");
        assertThat(answer.path("provider").asText()).isEqualTo("mesh");
        assertThat(answer.has("relay")).isFalse();
    }
}
