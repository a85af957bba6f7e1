package org.assemblyhub.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The built-in mesh's signalling over real sockets: relayed inside a room only, checked, limited. */
class SignallingTest {
    TestHub hub;
    final Map<String, LiveClient> people = new HashMap<>();
    final Map<Integer, List<String>> membersOf = new HashMap<>();
    final Map<Integer, String> facilitatorOf = new HashMap<>();

    @BeforeEach
    void twoGroupsMeet() {
        hub = new TestHub();
        StringBuilder csv = new StringBuilder(
                "id,name,role\nf0,Lead,facilitator\nf1,Fac One,facilitator\nf2,Fac Two,facilitator\n");
        for (int i = 1; i <= 14; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        TestHub.Setup setup = hub.createAssembly(true, csv.toString());
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        LiveClient lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        for (String id : new String[] {"f1", "f2"})
            people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
        for (int i = 1; i <= 14; i++)
            people.put("m" + i, hub.client(setup.token("m" + i)).join(setup.assemblyId()));
        organiser.awaitView(v -> v.path("roster").path("m14").path("online").asBoolean());
        lead.call("plan", "plan-breakouts", new JsonObject());
        lead.call("open", "open-breakouts", new JsonObject());
        for (Map.Entry<String, LiveClient> p : people.entrySet()) {
            int g = p.getValue()
                    .awaitView(v ->
                            v.path("breakouts").path("myGroup").path("number").asInt(0) > 0)
                    .path("breakouts")
                    .path("myGroup")
                    .path("number")
                    .asInt();
            if (p.getKey().startsWith("f")) facilitatorOf.put(g, p.getKey());
            else membersOf.computeIfAbsent(g, k -> new ArrayList<>()).add(p.getKey());
        }
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static void signal(LiveClient from, String to, String kind, JsonObject data) {
        from.send(new JsonObject()
                .put("type", "signal")
                .put("to", to)
                .put("kind", kind)
                .put("data", data));
    }

    private int joins;

    /** The id a person's peers know them by in their room: their own video-join says it. */
    private String peerId(String person) {
        return people.get(person)
                .call("vj" + (joins++), "video-join", new JsonObject())
                .path("result")
                .path("me")
                .asText();
    }

    @Test
    void an_offer_reaches_a_peer_of_the_same_group_and_the_mesh_join_lists_the_rooms_peers() {
        String a = membersOf.get(1).get(0);
        String b = membersOf.get(1).get(1);
        String bId = peerId(b);
        String facilitatorId = peerId(facilitatorOf.get(1));
        List<String> otherGroup = new ArrayList<>();
        for (String other : membersOf.get(2)) otherGroup.add(peerId(other));
        JsonNode joined =
                people.get(a).call("vj", "video-join", new JsonObject()).path("result");
        assertThat(joined.path("provider").asText()).isEqualTo("mesh");
        String aId = joined.path("me").asText();
        List<String> peers = new ArrayList<>();
        joined.path("peers").forEach(p -> peers.add(p.asText()));
        assertThat(peers).contains(bId, facilitatorId).doesNotContain(aId).doesNotContainAnyElementsOf(otherGroup);

        JsonObject description = new JsonObject().put("type", "offer").put("sdp", "v=0 offer from a");
        signal(people.get(a), bId, "offer", new JsonObject().put("description", description));
        JsonNode received = people.get(b).await(m -> m.path("type").asText().equals("signal"));
        assertThat(received.path("from").asText()).isEqualTo(aId);
        assertThat(received.path("kind").asText()).isEqualTo("offer");
        assertThat(received.path("data").path("description").path("sdp").asText())
                .isEqualTo("v=0 offer from a");
    }

    @Test
    void in_a_group_the_hub_names_the_peers_in_the_join_and_the_sender_of_offers_and_answers() {
        String a = membersOf.get(1).get(0);
        String b = membersOf.get(1).get(1);
        String bId = peerId(b);
        String facilitatorId = peerId(facilitatorOf.get(1));
        JsonNode joined =
                people.get(a).call("vj-names", "video-join", new JsonObject()).path("result");
        JsonNode names = joined.path("names");
        assertThat(names.path(bId).asText()).isEqualTo("Member " + b.substring(1));
        assertThat(names.path(facilitatorId).asText())
                .isEqualTo("Fac " + (facilitatorOf.get(1).equals("f1") ? "One" : "Two"));
        assertThat(names.size()).isEqualTo(joined.path("peers").size());

        // A name a peer puts in its signal is not taken: only the hub's.
        signal(
                people.get(a),
                bId,
                "offer",
                new JsonObject()
                        .put(
                                "description",
                                new JsonObject().put("type", "offer").put("sdp", "v=0"))
                        .put("name", "Someone Else"));
        JsonNode offer = people.get(b).await(m -> m.path("kind").asText().equals("offer"));
        assertThat(offer.path("name").asText()).isEqualTo("Member " + a.substring(1));
        assertThat(offer.path("data").has("name")).isFalse();
        signal(people.get(a), bId, "candidate", new JsonObject().put("candidate", "c"));
        JsonNode candidate = people.get(b).await(m -> m.path("kind").asText().equals("candidate"));
        assertThat(candidate.has("name")).as("only offers and answers carry it").isFalse();
    }

    @Test
    void a_signal_to_someone_outside_the_room_is_refused_and_never_delivered() {
        String a = membersOf.get(1).get(0);
        String stranger = membersOf.get(2).get(0);
        String strangerId = peerId(stranger);
        signal(
                people.get(a),
                strangerId,
                "offer",
                new JsonObject().put("description", new JsonObject().put("sdp", "CANARY-SDP")));
        int before = people.get(a).count();
        signal(
                people.get(a),
                stranger,
                "offer",
                new JsonObject().put("description", new JsonObject().put("sdp", "CANARY-SDP")));
        assertThat(people.get(a)
                        .awaitFrom(before, m -> m.path("signal").asBoolean())
                        .path("code")
                        .asText())
                .as("a person id is not a peer id")
                .isEqualTo("not-in-your-room");

        JsonNode error = people.get(a)
                .await(m -> m.path("type").asText().equals("error")
                        && m.path("signal").asBoolean());
        assertThat(error.path("code").asText()).isEqualTo("not-in-your-room");
        LiveClient.sleep(300);
        assertThat(String.join("\n", people.get(stranger).frames())).doesNotContain("CANARY-SDP");
    }

    @Test
    void malformed_oversized_and_flooding_signals_are_refused_with_their_reason() {
        String a = membersOf.get(1).get(0);
        String bPerson = membersOf.get(1).get(1);
        String b = peerId(bPerson);
        LiveClient sender = people.get(a);
        sender.send(new JsonObject()
                .put("type", "signal")
                .put("to", b)
                .put("kind", "shout")
                .put("data", new JsonObject()));
        assertThat(sender.await(m -> m.path("signal").asBoolean()).path("code").asText())
                .isEqualTo("malformed-signal");
        int before = sender.count();
        signal(sender, b, "offer", new JsonObject().put("sdp", "x".repeat(20_000)));
        assertThat(sender.awaitFrom(before, m -> m.path("signal").asBoolean())
                        .path("code")
                        .asText())
                .isEqualTo("signal-too-large");
        before = sender.count();
        for (int i = 0; i < 400; i++) signal(sender, b, "candidate", new JsonObject().put("candidate", "c" + i));
        assertThat(sender.awaitFrom(before, m -> m.path("code").asText().equals("signal-rate-limited"))
                        .path("type")
                        .asText())
                .isEqualTo("error");
        // The room is unharmed: the peer got the candidates that were within the budget, and no more.
        LiveClient.sleep(300);
        long relayed = people.get(bPerson).messages().stream()
                .filter(m -> m.path("kind").asText().equals("candidate"))
                .count();
        assertThat(relayed).isBetween(230L, 330L);
    }

    @Test
    void only_the_groups_facilitators_ask_someone_to_mute() {
        String a = membersOf.get(1).get(0);
        String b = membersOf.get(1).get(1);
        String bId = peerId(b);
        signal(people.get(a), bId, "mute", new JsonObject());
        assertThat(people.get(a)
                        .await(m -> m.path("signal").asBoolean())
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");

        signal(people.get(facilitatorOf.get(1)), bId, "mute", new JsonObject().put("audio", true));
        assertThat(people.get(b)
                        .await(m -> m.path("kind").asText().equals("mute"))
                        .path("from")
                        .asText())
                .isEqualTo(peerId(facilitatorOf.get(1)));
    }
}
