package org.assemblyhub.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Person ids are chosen by organisers ({@code maria.lopez}) and must not reach other browsers through calls: over
 * real sockets, through a mesh plenary (positions pushed, a stream named, signals along the tree) and breakout calls
 * (peers, offers, candidates, a goodbye, a request to mute), no frame a member receives contains another person's
 * id, and the signalling frames facilitators receive do not either. Peer ids differ from room to room.
 */
class OpaqueSignallingIdsTest {
    @Test
    void no_frame_a_peer_receives_in_a_call_carries_another_persons_id() {
        StringBuilder csv = new StringBuilder(
                "id,name,role\nlea.lead.canary,Léa Lead,facilitator\nfac.one.canary,Fac One,facilitator\n"
                        + "fac.two.canary,Fac Two,facilitator\n");
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            members.add("maria.lopez" + i + ".canary");
            csv.append("maria.lopez")
                    .append(i)
                    .append(".canary,Member ")
                    .append(i)
                    .append(",member\n");
        }
        try (TestHub hub = new TestHub(VideoConfig.MESH.withRelayFanOut(2))) {
            TestHub.Setup setup = hub.createAssembly(true, csv.toString());
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "lea.lead.canary"));
            Map<String, LiveClient> people = new LinkedHashMap<>();
            for (String id : setup.tokens().keySet()) {
                if (!id.equals("organiser-1"))
                    people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
            }
            organiser.awaitView(v ->
                    v.path("roster").path("maria.lopez14.canary").path("online").asBoolean());

            // The plenary: the lead on stage names its stream, everyone takes a place in the tree and calls its parent.
            Map<String, JsonNode> relay = new HashMap<>();
            people.get("lea.lead.canary")
                    .call("vj-lead", "video-join", new JsonObject().put("stream", "lead-camera-stream"));
            for (String id : people.keySet()) {
                if (id.equals("lea.lead.canary")) continue;
                relay.put(
                        id,
                        people.get(id)
                                .call("vj-" + id, "video-join", new JsonObject())
                                .path("result")
                                .path("relay"));
            }
            for (Map.Entry<String, JsonNode> r : relay.entrySet()) {
                String parent = r.getValue().path("parent").asText(null);
                if (parent != null)
                    signal(
                            people.get(r.getKey()),
                            parent,
                            "offer",
                            new JsonObject().put("description", new JsonObject().put("sdp", "v=0")));
            }
            JsonNode lastJoined = relay.get("maria.lopez14.canary");
            assertThat(lastJoined.path("stage").get(0).path("name").asText()).isEqualTo("Léa Lead");
            assertThat(lastJoined.path("stage").get(0).path("streamId").asText())
                    .isEqualTo("lead-camera-stream");
            String plenaryId = lastJoined.path("stage").get(0).path("id").asText();

            // Breakout groups: everyone joins their group's call and signals the others.
            LiveClient lead = people.get("lea.lead.canary");
            lead.call("plan", "plan-breakouts", new JsonObject());
            lead.call("open", "open-breakouts", new JsonObject());
            Map<String, JsonNode> joined = new HashMap<>();
            for (String id : people.keySet()) {
                if (id.equals("lea.lead.canary")) continue;
                people.get(id).awaitView(v -> v.path("breakouts").path("open").asBoolean());
                LiveClient.sleep(20);
                joined.put(
                        id,
                        people.get(id)
                                .call("vj-group-" + id, "video-join", new JsonObject())
                                .path("result"));
            }
            for (Map.Entry<String, JsonNode> j : joined.entrySet()) {
                for (JsonNode peer : j.getValue().path("peers")) {
                    signal(people.get(j.getKey()), peer.asText(), "candidate", new JsonObject().put("candidate", "c"));
                    signal(
                            people.get(j.getKey()),
                            peer.asText(),
                            j.getKey().startsWith("fac") ? "mute" : "bye",
                            new JsonObject());
                }
            }
            LiveClient.sleep(500);

            assertThat(joined.get("fac.one.canary").path("me").asText())
                    .startsWith("p")
                    .isNotEqualTo(plenaryId)
                    .doesNotContain("canary");
            for (Map.Entry<String, LiveClient> p : people.entrySet()) {
                List<String> others = new ArrayList<>(setup.tokens().keySet());
                others.remove(p.getKey());
                boolean member = members.contains(p.getKey());
                for (String frame : p.getValue().frames()) {
                    if (!member && !frame.contains("\"signal\"") && !frame.contains("\"peers\""))
                        continue; // staff see the attendance list
                    for (String other : others) {
                        assertThat(frame)
                                .as(p.getKey() + " must not learn the id of " + other)
                                .doesNotContain(other);
                    }
                }
            }
            long signals = people.values().stream()
                    .mapToLong(c -> c.messages().stream()
                            .filter(m -> m.path("type").asText().equals("signal") && m.has("from"))
                            .count())
                    .sum();
            assertThat(signals).as("the calls really signalled").isGreaterThan(50);
        }
    }

    private static void signal(LiveClient from, String to, String kind, JsonObject data) {
        from.send(new JsonObject()
                .put("type", "signal")
                .put("to", to)
                .put("kind", kind)
                .put("data", data));
    }
}
