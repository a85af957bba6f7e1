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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is written in a group's chat stays in that group of that round, over real sockets: the other group, the
 * plenary (the lead at the desk, organisers), observers and the next round's group under the same number never
 * receive a byte of it — live or on a resume — and a message a facilitator hides leaves every view.
 */
class GroupChatVisibilityTest {
    TestHub hub;
    TestHub.Setup setup;
    LiveClient lead;
    LiveClient organiser;
    LiveClient observer;
    final Map<String, LiveClient> people = new HashMap<>();

    @BeforeEach
    void twoGroupsMeet() {
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 50);
        StringBuilder csv = new StringBuilder(
                "id,name,role\nf0,Lead,facilitator\nf1,Fac One,facilitator\nf2,Fac Two,facilitator\n");
        for (int i = 1; i <= 16; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        setup = hub.createAssembly(true, csv.toString());
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        observer = hub.client(null).join(setup.assemblyId());
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
    private Map<Integer, Set<String>> openRound(int round) {
        lead.call("plan-" + round, "plan-breakouts", new JsonObject());
        lead.call("open-" + round, "open-breakouts", new JsonObject());
        Map<Integer, Set<String>> groups = new HashMap<>();
        for (Map.Entry<String, LiveClient> p : people.entrySet()) {
            int n = p.getValue()
                    .awaitView(v -> v.path("breakouts").path("round").asInt() == round
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

    private static String facilitatorOf(Set<String> group) {
        return group.stream().filter(p -> p.startsWith("f")).findFirst().orElseThrow();
    }

    private static String memberOf(Set<String> group, int index) {
        return group.stream().filter(p -> p.startsWith("m")).sorted().toList().get(index);
    }

    private static String everything(LiveClient client) {
        return String.join("\n", client.frames());
    }

    private String post(String personId, String text) {
        JsonNode ack = people.get(personId).call("post-" + text, "post-message", new JsonObject().put("text", text));
        assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
        return ack.path("result").path("messageId").asText();
    }

    private static boolean shows(JsonNode view, String text) {
        return view.path("workspace").path("chat").path("messages").toString().contains(text);
    }

    @Test
    void a_groups_chat_reaches_its_own_people_only_never_another_group_the_plenary_observers_or_the_next_round() {
        Map<Integer, Set<String>> round1 = openRound(1);
        String amina = memberOf(round1.get(1), 0);
        String other = memberOf(round1.get(2), 0);
        post(amina, "CANARY-G1R1 I agree with Marie");
        post(other, "CANARY-G2R1 buses at night");
        for (String p : round1.get(1)) people.get(p).awaitView(v -> shows(v, "CANARY-G1R1"));
        for (String p : round1.get(2)) people.get(p).awaitView(v -> shows(v, "CANARY-G2R1"));
        JsonNode seen = people.get(facilitatorOf(round1.get(1))).view();
        assertThat(seen.path("workspace")
                        .path("chat")
                        .path("messages")
                        .elements()
                        .next()
                        .path("name")
                        .asText())
                .isEqualTo(amina.replace("m", "Member "));

        // Markup is refused like any text others read; observers cannot post at all.
        assertThat(people.get(amina)
                        .call("mk", "post-message", new JsonObject().put("text", "<img src=x onerror=alert(1)>"))
                        .path("code")
                        .asText())
                .isEqualTo("markup-not-allowed");
        assertThat(observer.call("obs", "post-message", new JsonObject().put("text", "hello"))
                        .path("type")
                        .asText())
                .isEqualTo("error");
        assertThat(lead.call("desk", "post-message", new JsonObject().put("text", "hello"))
                        .path("code")
                        .asText())
                .isEqualTo("not-in-a-group");

        long seqInRound1 = people.get(amina).seq();
        lead.call("close", "close-breakouts", new JsonObject());
        Map<Integer, Set<String>> round2 = openRound(2);
        List<String> newcomers = new ArrayList<>(round2.get(1));
        newcomers.removeAll(round1.get(1));
        assertThat(newcomers).as("the allocator mixes people who have not met").isNotEmpty();
        post(memberOf(round2.get(1), 0), "round two starts");
        for (String p : round2.get(1)) {
            JsonNode view = people.get(p).awaitView(v -> shows(v, "round two starts"));
            assertThat(view.toString()).as(p).doesNotContain("CANARY-G1R1").doesNotContain("CANARY-G2R1");
        }
        for (String p : newcomers) assertThat(everything(people.get(p))).as(p).doesNotContain("CANARY-G1R1");
        for (String p : round1.get(2))
            assertThat(everything(people.get(p))).as(p).doesNotContain("CANARY-G1R1");
        for (String p : round1.get(1))
            assertThat(everything(people.get(p))).as(p).doesNotContain("CANARY-G2R1");
        for (LiveClient plenary : List.of(observer, lead, organiser)) {
            assertThat(everything(plenary)).doesNotContain("CANARY-G1R1").doesNotContain("CANARY-G2R1");
        }
        // A socket that claims it was in "member@1" since round 1 gets this round's chat, nothing older.
        String newcomer =
                newcomers.stream().filter(p -> p.startsWith("m")).findFirst().orElse(newcomers.get(0));
        LiveClient resumed = hub.client(setup.token(newcomer))
                .hello(setup.assemblyId(), seqInRound1, newcomer.startsWith("m") ? "member@1" : "facilitator@1");
        resumed.awaitView(v -> shows(v, "round two starts"));
        assertThat(everything(resumed)).doesNotContain("CANARY-G1R1");
    }

    @Test
    void a_hidden_message_leaves_every_view_its_author_is_told_and_the_typed_hand_reaches_the_facilitator() {
        Map<Integer, Set<String>> round = openRound(1);
        String amina = memberOf(round.get(1), 0);
        String bruno = memberOf(round.get(1), 1);
        LiveClient fac = people.get(facilitatorOf(round.get(1)));
        String rude = post(amina, "CANARY-RUDE you are all idiots");
        post(bruno, "I disagree politely");
        fac.awaitView(v -> shows(v, "CANARY-RUDE"));

        assertThat(people.get(bruno)
                        .call(
                                "h1",
                                "hide-message",
                                new JsonObject().put("messageId", rude).put("reason", "x"))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(fac.call("h2", "hide-message", new JsonObject().put("messageId", rude))
                        .path("code")
                        .asText())
                .isEqualTo("reason-required");
        assertThat(fac.call(
                                "h3",
                                "hide-message",
                                new JsonObject().put("messageId", "c999").put("reason", "x"))
                        .path("code")
                        .asText())
                .isEqualTo("no-such-message");
        assertThat(people.get(facilitatorOf(round.get(2)))
                        .call(
                                "h4",
                                "hide-message",
                                new JsonObject().put("messageId", rude).put("reason", "x"))
                        .path("code")
                        .asText())
                .as("another group's facilitator learns nothing of this group's messages")
                .isEqualTo("no-such-message");
        assertThat(fac.call(
                                "h5",
                                "hide-message",
                                new JsonObject().put("messageId", rude).put("reason", "Insult"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        JsonNode told = people.get(amina)
                .awaitView(v -> v.path("workspace")
                        .path("chat")
                        .path("messages")
                        .path(rude)
                        .has("hidden"))
                .path("workspace")
                .path("chat")
                .path("messages")
                .path(rude);
        assertThat(told.path("hidden").asText()).isEqualTo("Insult");
        assertThat(told.path("by").asText()).isEqualTo(amina);
        assertThat(told.has("text")).isFalse();
        for (String p : round.get(1)) {
            JsonNode view = people.get(p).awaitView(v -> v.path("workspace")
                    .path("chat")
                    .path("messages")
                    .path(rude)
                    .has("hidden"));
            assertThat(view.toString()).as(p).doesNotContain("CANARY-RUDE").contains("I disagree politely");
        }
        // Whoever arrives now gets a view without it.
        LiveClient again = hub.client(setup.token(bruno)).join(setup.assemblyId());
        again.awaitView(v -> shows(v, "I disagree politely"));
        assertThat(everything(again)).doesNotContain("CANARY-RUDE");

        // A typed request for the floor, and a message to read out, in the facilitator's queue.
        people.get(bruno).call("r1", "raise-hand", new JsonObject().put("note", "I'd like to answer Marie"));
        String mine = post(amina, "Please read this out: more benches");
        people.get(amina).call("r2", "raise-hand", new JsonObject().put("messageId", mine));
        assertThat(people.get(amina)
                        .call("r3", "raise-hand", new JsonObject().put("messageId", rude))
                        .path("code")
                        .asText())
                .isEqualTo("no-such-message");
        JsonNode queue = fac.awaitView(
                        v -> v.path("workspace").path("queue").path(amina).has("readOut"))
                .path("workspace")
                .path("queue");
        assertThat(queue.path(bruno).path("note").asText()).isEqualTo("I'd like to answer Marie");
        assertThat(queue.path(amina).path("readOut").path("text").asText())
                .isEqualTo("Please read this out: more benches");
        for (LiveClient plenary : List.of(observer, lead, organiser)) {
            assertThat(everything(plenary))
                    .doesNotContain("CANARY-RUDE")
                    .doesNotContain("answer Marie")
                    .doesNotContain("more benches");
        }

        // After the round the report keeps the reason, never the hidden text.
        lead.call("close", "close-breakouts", new JsonObject());
        people.get(amina).awaitView(v -> !v.has("workspace"));
        JsonNode report = people.get(amina)
                .call("rep", "group-report", new JsonObject().put("round", 1).put("group", 1))
                .path("result");
        assertThat(report.path("chat").toString()).contains("Insult").doesNotContain("CANARY-RUDE");
        assertThat(people.get(memberOf(round.get(2), 0))
                        .call(
                                "rep2",
                                "group-report",
                                new JsonObject().put("round", 1).put("group", 1))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
    }
}
