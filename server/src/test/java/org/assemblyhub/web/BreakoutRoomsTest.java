package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.MutableClock;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Breakout rounds through real sockets: sixteen members move into two groups of eight and back to the plenary. */
class BreakoutRoomsTest {
    static final int MEMBERS = 16;
    static final String SCRIPT =
            """
            title: Evening
            sessions:
              - id: evening
                title: Evening
                segments:
                  - {kind: plenary, title: Welcome, minutes: 10, prompt: "Hello"}
                  - {kind: breakouts, title: Round 1, minutes: 25, prompt: "Talk", groupSize: {min: 7, max: 8}}
                  - {kind: harvest, title: Harvest, minutes: 15, prompt: "Share"}
            """;

    MutableClock clock;
    TestHub hub;
    TestHub.Setup setup;
    LiveClient organiser;
    LiveClient lead;
    LiveClient observer;
    Map<String, LiveClient> members = new HashMap<>();
    Map<String, LiveClient> facilitators = new HashMap<>();

    @BeforeEach
    void everyoneConnects() {
        clock = new MutableClock();
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 50, clock);
        StringBuilder csv = new StringBuilder(
                "id,name,role,gender\nf0,Lead,facilitator,female\nf1,Fac One,facilitator,female\nf2,Fac Two,facilitator,male\n");
        for (int i = 1; i <= MEMBERS; i++)
            csv.append("m")
                    .append(i)
                    .append(",NAME-m")
                    .append(i)
                    .append(",member,")
                    .append(i % 2 == 0 ? "female" : "male")
                    .append('\n');
        setup = hub.createAssembly(true, csv.toString());
        assertThat(hub.post(
                                "/api/assemblies/" + setup.assemblyId() + "/script",
                                "text/yaml",
                                setup.token("organiser-1"),
                                SCRIPT)
                        .statusCode())
                .isEqualTo(200);
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        observer = hub.client(null).join(setup.assemblyId());
        for (String f : new String[] {"f1", "f2"})
            facilitators.put(f, hub.client(setup.token(f)).join(setup.assemblyId()));
        for (int i = 1; i <= MEMBERS; i++)
            members.put("m" + i, hub.client(setup.token("m" + i)).join(setup.assemblyId()));
        organiser.awaitView(
                v -> v.path("roster").path("m" + MEMBERS).path("online").asBoolean());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static int groupOf(LiveClient client) {
        return client.view().path("breakouts").path("myGroup").path("number").asInt(0);
    }

    @Test
    void when_the_clock_enters_a_breakouts_segment_members_go_to_their_groups_and_come_back_at_its_end() {
        lead.call("start", "start-session", new JsonObject().put("sessionId", "evening"));
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        Map<Integer, Set<String>> seen = new HashMap<>();
        for (Map.Entry<String, LiveClient> m : members.entrySet()) {
            m.getValue()
                    .awaitView(v ->
                            v.path("breakouts").path("myGroup").path("number").asInt(0) > 0);
            assertThat(m.getValue().audience()).startsWith("member@");
            seen.computeIfAbsent(groupOf(m.getValue()), k -> new HashSet<>()).add(m.getKey());
        }
        assertThat(seen).hasSize(2);
        assertThat(seen.values()).allSatisfy(group -> assertThat(group).hasSize(8));
        JsonNode groups = organiser
                .awaitView(v -> v.path("breakouts").path("open").asBoolean())
                .path("breakouts")
                .path("groups");
        for (Map.Entry<Integer, Set<String>> g : seen.entrySet()) {
            assertThat(groups.path(g.getKey().toString()).path("members").properties())
                    .extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrderElementsOf(g.getValue());
        }
        LiveClient f1 = facilitators.get("f1");
        f1.awaitView(v -> v.path("breakouts").path("myGroup").path("members").size() == 8);
        assertThat(lead.audience()).as("the lead stays at the plenary desk").isEqualTo("lead");
        observer.awaitView(v -> v.path("breakouts").path("open").asBoolean());

        clock.advance(Duration.ofMinutes(25));

        for (LiveClient m : members.values()) {
            m.awaitAudience("member");
            m.awaitView(v -> v.path("session").path("running").path("index").asInt() == 2
                    && !v.path("breakouts").has("myGroup"));
        }
    }

    @Test
    void members_and_observers_never_see_names_and_each_facilitator_sees_exactly_their_own_group() {
        lead.call("plan", "plan-breakouts", new JsonObject());
        lead.call("open", "open-breakouts", new JsonObject());
        for (LiveClient m : members.values())
            m.awaitView(v -> v.path("breakouts").path("myGroup").path("number").asInt(0) > 0);
        JsonNode groups = organiser
                .awaitView(v -> v.path("breakouts").path("open").asBoolean())
                .path("breakouts")
                .path("groups");

        for (String f : new String[] {"f1", "f2"}) {
            LiveClient facilitator = facilitators.get(f);
            facilitator.awaitView(
                    v -> v.path("breakouts").path("myGroup").path("members").size() > 0);
            JsonNode mine = groups.path(Integer.toString(groupOf(facilitator))).path("members");
            assertThat(facilitator
                            .view()
                            .path("breakouts")
                            .path("myGroup")
                            .path("members")
                            .properties())
                    .extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrderElementsOf(() ->
                            mine.properties().stream().map(Map.Entry::getKey).iterator());
        }
        lead.awaitView(v -> v.path("breakouts").path("groups").path("1").has("members"));
        assertThat(lead.view().path("roster").isMissingNode())
                .as("the lead adjusts groups but sees no contact details")
                .isTrue();
        String observerFrames = String.join("\n", observer.frames());
        for (int i = 1; i <= MEMBERS; i++) assertThat(observerFrames).doesNotContain("NAME-m" + i + "\"");
        for (Map.Entry<String, LiveClient> m : members.entrySet()) {
            String frames = String.join("\n", m.getValue().frames());
            for (int i = 1; i <= MEMBERS; i++) {
                if (!m.getKey().equals("m" + i))
                    assertThat(frames).as(m.getKey()).doesNotContain("NAME-m" + i + "\"");
            }
        }
    }

    @Test
    void the_lead_previews_moves_someone_and_opens_the_round_by_hand() {
        lead.call("plan", "plan-breakouts", new JsonObject());
        JsonNode preview = organiser
                .awaitView(v -> v.path("breakouts").path("groupCount").asInt() == 2)
                .path("breakouts");
        assertThat(preview.path("open").asBoolean()).isFalse();
        assertThat(preview.path("quality").path("meanDeviation").has("gender")).isTrue();
        int from = preview.path("groups").path("1").path("members").has("m1") ? 1 : 2;
        int to = 3 - from;

        assertThat(lead.call(
                                "move",
                                "move-member",
                                new JsonObject().put("personId", "m1").put("group", to))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        lead.call("open", "open-breakouts", new JsonObject());

        members.get("m1")
                .awaitView(
                        v -> v.path("breakouts").path("myGroup").path("number").asInt() == to);
        lead.call("close", "close-breakouts", new JsonObject());
        members.get("m1").awaitAudience("member");
        assertThat(members.get("m1").view().path("breakouts").has("myGroup")).isFalse();
    }

    @Test
    void a_latecomer_joins_the_group_with_a_free_seat() {
        members.remove("m16").close();
        organiser.awaitView(v -> !v.path("roster").path("m16").path("online").asBoolean(true));
        lead.call("plan", "plan-breakouts", new JsonObject());
        lead.call("open", "open-breakouts", new JsonObject());
        JsonNode groups = organiser
                .awaitView(v -> v.path("breakouts").path("open").asBoolean())
                .path("breakouts")
                .path("groups");
        int smaller = groups.path("1").path("size").asInt()
                        < groups.path("2").path("size").asInt()
                ? 1
                : 2;

        LiveClient late = hub.client(setup.token("m16")).join(setup.assemblyId());

        late.awaitAudience("member@" + smaller);
        organiser.awaitView(v -> v.path("breakouts")
                .path("groups")
                .path(Integer.toString(smaller))
                .path("members")
                .has("m16"));
    }

    @Test
    void a_round_that_keeps_its_groups_reuses_the_previous_rounds_groups() {
        String script =
                """
                title: Two rounds
                sessions:
                  - id: two
                    title: Two rounds
                    segments:
                      - {kind: breakouts, title: Round 1, minutes: 20, prompt: "Talk"}
                      - {kind: harvest, title: Harvest, minutes: 10, prompt: "Share"}
                      - {kind: breakouts, title: Round 2, minutes: 20, prompt: "Talk more", groups: keep}
                """;
        assertThat(hub.post(
                                "/api/assemblies/" + setup.assemblyId() + "/script",
                                "text/yaml",
                                setup.token("organiser-1"),
                                script)
                        .statusCode())
                .isEqualTo(200);
        lead.call("start", "start-session", new JsonObject().put("sessionId", "two"));
        JsonNode first = organiser
                .awaitView(v -> v.path("breakouts").path("open").asBoolean())
                .path("breakouts")
                .path("groups");
        lead.call("skip1", "skip-segment", new JsonObject());
        organiser.awaitView(v -> !v.path("breakouts").has("groups"));
        lead.call("skip2", "skip-segment", new JsonObject());

        JsonNode second = organiser
                .awaitView(v -> v.path("breakouts").path("round").asInt() == 2
                        && v.path("breakouts").path("open").asBoolean())
                .path("breakouts")
                .path("groups");
        for (String n : new String[] {"1", "2"}) {
            assertThat(second.path(n).path("members")).isEqualTo(first.path(n).path("members"));
        }
    }

    @Test
    void the_lead_broadcasts_a_message_that_reaches_every_group() {
        lead.call("plan", "plan-breakouts", new JsonObject());
        lead.call("open", "open-breakouts", new JsonObject());
        members.get("m1")
                .awaitView(
                        v -> v.path("breakouts").path("myGroup").path("number").asInt(0) > 0);

        assertThat(lead.call("b", "announce", new JsonObject().put("text", "Five minutes left everywhere"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");

        for (LiveClient m : members.values())
            m.awaitView(v -> v.path("announcements").toString().contains("Five minutes left everywhere"));
        assertThat(facilitators
                        .get("f1")
                        .call("n", "announce", new JsonObject().put("text", "not the lead"))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
    }

    @Test
    void pinned_members_and_keep_apart_pairs_hold_in_every_plan_and_only_organisers_see_them() {
        assertThat(organiser
                        .call(
                                "pin",
                                "pin-member",
                                new JsonObject().put("personId", "m1").put("group", 2))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        lead.call("apart", "keep-apart", new JsonObject().put("personId", "m2").put("otherId", "m3"));
        lead.call("apart2", "keep-apart", new JsonObject().put("personId", "m4").put("otherId", "m5"));
        organiser.awaitView(
                v -> v.path("breakouts").path("constraints").path("keepApart").size() == 2);

        for (int attempt = 0; attempt < 3; attempt++) {
            lead.call("plan-" + attempt, "plan-breakouts", new JsonObject());
            JsonNode groups = organiser
                    .awaitView(v -> v.path("breakouts")
                            .path("groups")
                            .path("2")
                            .path("members")
                            .has("m1"))
                    .path("breakouts")
                    .path("groups");
            for (String n : new String[] {"1", "2"}) {
                JsonNode members = groups.path(n).path("members");
                assertThat(members.has("m2") && members.has("m3"))
                        .as("m2 and m3 apart")
                        .isFalse();
                assertThat(members.has("m4") && members.has("m5"))
                        .as("m4 and m5 apart")
                        .isFalse();
            }
        }
        for (LiveClient c : List.of(lead, facilitators.get("f1"), members.get("m1"), observer)) {
            assertThat(String.join("\n", c.frames())).doesNotContain("keepApart", "pinned");
        }
        assertThat(members.get("m6")
                        .call(
                                "x",
                                "pin-member",
                                new JsonObject().put("personId", "m6").put("group", 1))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(lead.call(
                                "y",
                                "keep-apart",
                                new JsonObject().put("personId", "m2").put("otherId", "m2"))
                        .path("code")
                        .asText())
                .isEqualTo("same-person");
        assertThat(lead.call(
                                "z",
                                "pin-member",
                                new JsonObject().put("personId", "f1").put("group", 1))
                        .path("code")
                        .asText())
                .isEqualTo("not-a-member");
    }

    @Test
    void a_group_the_lead_lets_extend_runs_over_while_the_others_come_back() {
        String script =
                """
                title: Extendable
                sessions:
                  - id: ext
                    title: Extendable round
                    segments:
                      - {kind: breakouts, title: Round, minutes: 20, prompt: "Talk", extendable: {maxMinutes: 5}}
                      - {kind: harvest, title: Harvest, minutes: 10, prompt: "Share"}
                """;
        assertThat(hub.post(
                                "/api/assemblies/" + setup.assemblyId() + "/script",
                                "text/yaml",
                                setup.token("organiser-1"),
                                script)
                        .statusCode())
                .isEqualTo(200);
        lead.call("start", "start-session", new JsonObject().put("sessionId", "ext"));
        LiveClient f1 = facilitators.get("f1");
        int extended = f1.awaitView(
                        v -> v.path("breakouts").path("myGroup").path("number").asInt(0) > 0)
                .path("breakouts")
                .path("myGroup")
                .path("number")
                .asInt();
        assertThat(f1.call("e0", "extend-group", new JsonObject().put("minutes", 2))
                        .path("code")
                        .asText())
                .isEqualTo("extensions-not-allowed");

        lead.call("allow", "allow-group-extensions", new JsonObject().put("allowed", true));
        f1.awaitView(v -> v.path("breakouts").path("extensionsAllowed").asBoolean());
        assertThat(members.get("m1")
                        .call("e1", "extend-group", new JsonObject().put("minutes", 2))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(f1.call("e2", "extend-group", new JsonObject().put("minutes", 6))
                        .path("code")
                        .asText())
                .isEqualTo("extension-too-long");
        assertThat(f1.call("e3", "extend-group", new JsonObject().put("minutes", 3))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        for (LiveClient m : members.values())
            m.awaitView(v -> v.path("breakouts").path("myGroup").path("number").asInt(0) > 0);

        clock.advance(Duration.ofMinutes(20).plusSeconds(1));

        organiser.awaitView(v -> v.path("session").path("running").path("index").asInt() == 1);
        for (LiveClient m : members.values()) {
            if (m.view().path("breakouts").path("myGroup").path("number").asInt() == extended) {
                m.awaitView(v -> v.path("breakouts").path("myGroup").has("endsAt"));
                assertThat(m.audience()).isEqualTo("member@" + extended);
            } else {
                m.awaitAudience("member");
            }
        }

        clock.advance(Duration.ofMinutes(3));

        for (LiveClient m : members.values()) m.awaitAudience("member");
        organiser.awaitView(v -> !v.path("breakouts").path("open").asBoolean(false));
    }

    @Test
    void breakout_commands_are_refused_with_their_own_codes() {
        assertThat(members.get("m1")
                        .call("a", "plan-breakouts", new JsonObject())
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(lead.call("b", "open-breakouts", new JsonObject())
                        .path("code")
                        .asText())
                .isEqualTo("no-breakouts-planned");
        assertThat(lead.call("c", "close-breakouts", new JsonObject())
                        .path("code")
                        .asText())
                .isEqualTo("breakouts-closed");
        assertThat(lead.call(
                                "d",
                                "plan-breakouts",
                                new JsonObject().put("minSize", 9).put("maxSize", 3))
                        .path("code")
                        .asText())
                .isEqualTo("invalid-group-size");
        lead.call("e", "plan-breakouts", new JsonObject());
        assertThat(lead.call(
                                "f",
                                "move-member",
                                new JsonObject().put("personId", "m1").put("group", 9))
                        .path("code")
                        .asText())
                .isEqualTo("no-such-group");
        assertThat(lead.call(
                                "g",
                                "move-member",
                                new JsonObject().put("personId", "f1").put("group", 1))
                        .path("code")
                        .asText())
                .isEqualTo("not-in-a-group");
    }
}
