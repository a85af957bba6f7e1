package org.assemblyhub.web;

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

/** A consensus round run in every group at once, totalled across groups, read under its rule, then a second round. */
class ConsensusRoundTest {
    TestHub hub;
    TestHub.Setup setup;
    LiveClient lead;
    LiveClient observer;
    final Map<String, LiveClient> people = new HashMap<>();
    final Map<Integer, List<String>> membersOf = new HashMap<>();

    @BeforeEach
    void twoGroupsMeet() {
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 100);
        StringBuilder csv = new StringBuilder(
                "id,name,role\nf0,Lead,facilitator\nf1,Fac One,facilitator\nf2,Fac Two,facilitator\n");
        for (int i = 1; i <= 14; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        setup = hub.createAssembly(true, csv.toString());
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        observer = hub.client(null).join(setup.assemblyId());
        for (String id : new String[] {"f1", "f2"})
            people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
        for (int i = 1; i <= 14; i++)
            people.put("m" + i, hub.client(setup.token("m" + i)).join(setup.assemblyId()));
        organiser.awaitView(v -> v.path("roster").path("m14").path("online").asBoolean());
        lead.call("plan", "plan-breakouts", new JsonObject());
        lead.call("open", "open-breakouts", new JsonObject());
        for (int i = 1; i <= 14; i++) {
            int n = people.get("m" + i)
                    .awaitView(v ->
                            v.path("breakouts").path("myGroup").path("number").asInt(0) > 0)
                    .path("breakouts")
                    .path("myGroup")
                    .path("number")
                    .asInt();
            membersOf.computeIfAbsent(n, k -> new ArrayList<>()).add("m" + i);
        }
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private void vote(String member, int level, String reason) {
        JsonObject args = new JsonObject().put("pollId", "p1").put("value", level);
        if (reason != null) args.put("text", reason);
        assertThat(people.get(member)
                        .call("v-" + member, "answer-poll", args)
                        .path("type")
                        .asText())
                .isEqualTo("ack");
    }

    @Test
    void each_group_sees_its_own_count_and_the_total_while_the_lead_sees_every_group_and_the_reading_under_the_rule() {
        assertThat(lead.call(
                                "round",
                                "open-poll",
                                new JsonObject()
                                        .put("kind", "gradients")
                                        .put("inGroups", true)
                                        .put("question", "Protected cycle lanes on every main road"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        List<String> g1 = membersOf.get(1);
        List<String> g2 = membersOf.get(2);
        for (String m : g1) vote(m, 1, null);
        for (int i = 0; i < g2.size(); i++) vote(g2.get(i), i == 0 ? 5 : 2, i == 0 ? "What about deliveries?" : null);

        JsonNode desk = lead.awaitView(
                        v -> v.path("polls").path("p1").path("answered").asInt() == 14)
                .path("polls")
                .path("p1");
        assertThat(desk.path("groups").path("1").path("count").asInt()).isEqualTo(g1.size());
        assertThat(desk.path("groups").path("2").path("count").asInt()).isEqualTo(g2.size());
        assertThat(desk.path("results").path("byLevel").path("support").asInt()).isEqualTo(13);
        assertThat(desk.path("results").path("outcome").asText())
                .isEqualTo("adopted"); // 13 of 14, 1 of 14 < 1/5 ask for more
        assertThat(desk.path("results").path("reasons").get(0).path("text").asText())
                .isEqualTo("What about deliveries?");
        assertThat(desk.path("round").asInt()).isEqualTo(1);

        JsonNode member = people.get(g1.get(0))
                .awaitView(v -> v.path("polls").path("p1").path("answered").asInt() == 14)
                .path("polls")
                .path("p1");
        assertThat(member.path("groups").has("1")).isTrue();
        assertThat(member.path("groups").has("2")).isFalse();
        JsonNode public_ = observer.awaitView(
                        v -> v.path("polls").path("p1").path("answered").asInt() == 14)
                .path("polls")
                .path("p1");
        assertThat(public_.path("results").path("count").asInt()).isEqualTo(14);
        assertThat(public_.path("groups").size()).isZero();
        assertThat(String.join("\n", observer.frames())).doesNotContain("deliveries");
    }

    @Test
    void a_second_round_on_the_same_statement_is_numbered_two_and_the_first_stays_visible() {
        JsonObject round =
                new JsonObject().put("kind", "consent").put("inGroups", true).put("question", "Car-free Sundays");
        lead.call("r1", "open-poll", round);
        assertThat(people.get("m1")
                        .call(
                                "bad",
                                "answer-poll",
                                new JsonObject().put("pollId", "p1").put("value", 3))
                        .path("message")
                        .asText())
                .contains("objection needs its reason");
        vote("m1", 3, "Shops would suffer");
        lead.call("c1", "close-poll", new JsonObject().put("pollId", "p1"));
        lead.call("r2", "open-poll", round);

        JsonNode polls = lead.awaitView(v -> v.path("polls").has("p2")).path("polls");
        assertThat(polls.path("p1").path("results").path("outcome").asText()).isEqualTo("no-quorum");
        assertThat(polls.path("p1").path("open").asBoolean()).isFalse();
        assertThat(polls.path("p2").path("round").asInt()).isEqualTo(2);
    }
}
