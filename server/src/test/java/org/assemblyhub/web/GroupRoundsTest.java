package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group numbers restart every breakout round, so what a group said stays with that group of that round: the members
 * of group 1 in round 2 never receive round 1's group-1 polls, names, reasons or counts — not live, not on a resume
 * that claims to have been in "member@1" all along.
 */
class GroupRoundsTest {
    TestHub hub;
    TestHub.Setup setup;
    LiveClient lead;
    final Map<String, LiveClient> people = new HashMap<>();

    @BeforeEach
    void twoGroupsMeet() {
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 50);
        StringBuilder csv = new StringBuilder(
                "id,name,role\nf0,Lead,facilitator\nf1,Fac One,facilitator\nf2,Fac Two,facilitator\n");
        for (int i = 1; i <= 16; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        setup = hub.createAssembly(true, csv.toString());
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        for (String id : new String[] {"f1", "f2"})
            people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
        for (int i = 1; i <= 16; i++)
            people.put("m" + i, hub.client(setup.token("m" + i)).join(setup.assemblyId()));
        organiser.awaitView(v -> v.path("roster").path("m16").path("online").asBoolean());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    /** Opens a round and answers who sits in each group (facilitators included). */
    private Map<Integer, Set<String>> openRound(String id) {
        lead.call("plan-" + id, "plan-breakouts", new JsonObject());
        lead.call("open-" + id, "open-breakouts", new JsonObject());
        Map<Integer, Set<String>> groups = new HashMap<>();
        for (Map.Entry<String, LiveClient> p : people.entrySet()) {
            int n = p.getValue()
                    .awaitView(v -> v.path("breakouts").path("round").asInt() == Integer.parseInt(id)
                            && v.path("breakouts")
                                            .path("myGroup")
                                            .path("number")
                                            .asInt(0)
                                    > 0)
                    .path("breakouts")
                    .path("myGroup")
                    .path("number")
                    .asInt();
            groups.computeIfAbsent(n, k -> new HashSet<>()).add(p.getKey());
        }
        return groups;
    }

    private String facilitatorOf(Set<String> group) {
        return group.stream().filter(p -> p.startsWith("f")).findFirst().orElseThrow();
    }

    @Test
    void a_group_poll_of_round_one_never_reaches_the_same_numbered_group_of_round_two() {
        Map<Integer, Set<String>> round1 = openRound("1");
        LiveClient fac = people.get(facilitatorOf(round1.get(1)));
        JsonNode ack = fac.call(
                "p",
                "open-poll",
                new JsonObject()
                        .put("kind", "single")
                        .put("question", "CANARY-R1G1 show of hands")
                        .put("options", new JsonArray().add("yes").add("no"))
                        .put("secret", false));
        assertThat(ack.path("type").asText()).isEqualTo("ack");
        String pollId = fac.awaitView(v -> v.path("polls").toString().contains("CANARY-R1G1"))
                .path("polls")
                .fieldNames()
                .next();
        for (String m : round1.get(1)) {
            if (m.startsWith("m"))
                people.get(m)
                        .call(
                                "a",
                                "answer-poll",
                                new JsonObject().put("pollId", pollId).put("choices", new JsonArray().add(0)));
        }
        fac.awaitView(v -> v.path("polls").path(pollId).path("answered").asInt()
                == round1.get(1).size() - 1);
        long seqInRound1 = people.get(round1.get(1).stream()
                        .filter(p -> p.startsWith("m"))
                        .findFirst()
                        .orElseThrow())
                .seq();
        lead.call("close", "close-breakouts", new JsonObject());

        Map<Integer, Set<String>> round2 = openRound("2");
        List<String> newcomers = new ArrayList<>(round2.get(1));
        newcomers.removeAll(round1.get(1));
        assertThat(newcomers).as("the allocator mixes people who have not met").isNotEmpty();
        people.get(facilitatorOf(round2.get(1)))
                .call("note", "add-idea", new JsonObject().put("text", "round two starts"));
        for (String p : newcomers) {
            people.get(p)
                    .awaitView(v -> v.path("workspace").path("ideas").toString().contains("round two starts"));
            assertThat(String.join("\n", people.get(p).frames())).as(p).doesNotContain("CANARY-R1G1");
        }
        // A socket that claims it was in "member@1" since round 1 gets a fresh view of this round, nothing older.
        String newcomer =
                newcomers.stream().filter(p -> p.startsWith("m")).findFirst().orElse(newcomers.get(0));
        LiveClient resumed = hub.client(setup.token(newcomer))
                .hello(setup.assemblyId(), seqInRound1, newcomer.startsWith("m") ? "member@1" : "facilitator@1");
        resumed.awaitView(v -> v.path("workspace").path("ideas").toString().contains("round two starts"));
        assertThat(String.join("\n", resumed.frames())).doesNotContain("CANARY-R1G1");
    }

    @Test
    void a_facilitator_cannot_open_a_poll_for_another_group_or_for_everyone() {
        Map<Integer, Set<String>> round = openRound("1");
        LiveClient fac = people.get(facilitatorOf(round.get(1)));
        JsonObject poll = new JsonObject()
                .put("kind", "single")
                .put("question", "Q?")
                .put("options", new JsonArray().add("a").add("b"));
        assertThat(fac.call(
                                "other",
                                "open-poll",
                                poll.copy().put("voters", "group").put("group", 2))
                        .path("code")
                        .asText())
                .isEqualTo("not-your-group");
        assertThat(fac.call("all", "open-poll", poll.copy().put("voters", "everyone"))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(fac.call("own", "open-poll", poll.copy()).path("type").asText())
                .isEqualTo("ack");
        JsonNode polls = fac.awaitView(v -> v.path("polls").size() == 1).path("polls");
        assertThat(polls.elements().next().path("group").asInt()).isEqualTo(1);
    }

    @Test
    void a_groups_poll_closes_with_its_round_and_no_facilitator_of_a_later_round_can_touch_it() {
        Map<Integer, Set<String>> round1 = openRound("1");
        LiveClient fac = people.get(facilitatorOf(round1.get(1)));
        String pollId = fac.call(
                        "p",
                        "open-poll",
                        new JsonObject()
                                .put("kind", "single")
                                .put("question", "Tea or coffee?")
                                .put("options", new JsonArray().add("tea").add("coffee")))
                .path("result")
                .path("pollId")
                .asText();
        lead.call("close", "close-breakouts", new JsonObject());
        JsonNode closed = lead.awaitView(
                        v -> !v.path("polls").path(pollId).path("open").asBoolean(true))
                .path("polls")
                .path(pollId);
        assertThat(closed.has("closedAt")).as("closed with its round").isTrue();

        Map<Integer, Set<String>> round2 = openRound("2");
        LiveClient laterFacilitator = people.get(facilitatorOf(round2.get(1)));
        assertThat(laterFacilitator
                        .call("c", "close-poll", new JsonObject().put("pollId", pollId))
                        .path("code")
                        .asText())
                .isIn("poll-closed", "forbidden");
    }
}
