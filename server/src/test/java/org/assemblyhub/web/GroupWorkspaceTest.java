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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Inside the groups: cards, notes, the speaking queue, help calls, and the harvest shared across groups. */
class GroupWorkspaceTest {
    MutableClock clock;
    TestHub hub;
    TestHub.Setup setup;
    LiveClient organiser;
    LiveClient lead;
    LiveClient observer;
    final Map<String, LiveClient> people = new HashMap<>();
    final Map<Integer, List<String>> membersOf = new HashMap<>();
    final Map<Integer, String> facilitatorOf = new HashMap<>();

    @BeforeEach
    void twoGroupsMeet() {
        clock = new MutableClock();
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 50, clock);
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
        lead.call("plan", "plan-breakouts", new JsonObject());
        lead.call("open", "open-breakouts", new JsonObject());
        for (Map.Entry<String, LiveClient> p : people.entrySet()) {
            JsonNode group = p.getValue()
                    .awaitView(v ->
                            v.path("breakouts").path("myGroup").path("number").asInt(0) > 0)
                    .path("breakouts")
                    .path("myGroup");
            int n = group.path("number").asInt();
            if (p.getKey().startsWith("f")) facilitatorOf.put(n, p.getKey());
            else membersOf.computeIfAbsent(n, k -> new ArrayList<>()).add(p.getKey());
        }
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private LiveClient member(int group, int index) {
        return people.get(membersOf.get(group).get(index));
    }

    private LiveClient facilitator(int group) {
        return people.get(facilitatorOf.get(group));
    }

    @Test
    void cards_and_notes_stay_inside_their_group() {
        member(1, 0).call("c1", "add-idea", new JsonObject().put("text", "CANARY-GROUP-ONE cycle lanes"));
        member(1, 1).call("n1", "edit-notes", new JsonObject().put("text", "We agree on safety first"));

        facilitator(1)
                .awaitView(v -> v.path("workspace").path("ideas").toString().contains("CANARY-GROUP-ONE"));
        member(1, 2).awaitView(v -> v.path("workspace").path("notes").asText().equals("We agree on safety first"));
        member(2, 0).call("c2", "add-idea", new JsonObject().put("text", "group two idea"));
        facilitator(2)
                .awaitView(v -> v.path("workspace").path("ideas").toString().contains("group two idea"));
        for (LiveClient outsider : List.of(facilitator(2), member(2, 0), observer, lead)) {
            assertThat(String.join("\n", outsider.frames())).doesNotContain("CANARY-GROUP-ONE");
        }
    }

    @Test
    void the_facilitator_gives_the_floor_from_the_queue_and_sees_speaking_time() {
        String first = membersOf.get(1).get(0);
        String second = membersOf.get(1).get(1);
        member(1, 0).call("h1", "raise-hand", new JsonObject());
        member(1, 1).call("h2", "raise-hand", new JsonObject());
        JsonNode queue = member(1, 2)
                .awaitView(v -> v.path("workspace").path("queue").size() == 2)
                .path("workspace")
                .path("queue");
        assertThat(queue.path(first).path("position").asInt()).isEqualTo(1);
        assertThat(member(1, 0)
                        .call("h3", "raise-hand", new JsonObject())
                        .path("code")
                        .asText())
                .isEqualTo("hand-already-raised");

        facilitator(1).call("g1", "give-floor", new JsonObject().put("personId", first));
        member(1, 2)
                .awaitView(v ->
                        v.path("workspace").path("speaker").path("id").asText().equals(first));
        clock.advance(Duration.ofSeconds(90));
        facilitator(1).call("g2", "give-floor", new JsonObject().put("personId", second));

        JsonNode spoken = facilitator(1)
                .awaitView(v -> v.path("workspace").path("spokenSeconds").has(first))
                .path("workspace");
        assertThat(spoken.path("spokenSeconds").path(first).asLong()).isBetween(90L, 120L);
        assertThat(spoken.path("queue").has(second))
                .as("given the floor, out of the queue")
                .isFalse();
        assertThat(member(1, 2).view().path("workspace").has("spokenSeconds"))
                .as("speaking times are for facilitators")
                .isFalse();
        assertThat(member(1, 0)
                        .call("g3", "give-floor", new JsonObject().put("personId", first))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(facilitator(1)
                        .call(
                                "g4",
                                "give-floor",
                                new JsonObject()
                                        .put("personId", membersOf.get(2).get(0)))
                        .path("code")
                        .asText())
                .isEqualTo("not-in-this-group");
    }

    @Test
    void a_help_call_reaches_the_lead_desk_until_answered() {
        facilitator(2).call("help", "call-help", new JsonObject());
        lead.awaitView(v -> v.path("harvest").path("helpCalls").has("2"));
        assertThat(String.join("\n", member(1, 0).frames())).doesNotContain("helpCalls");

        lead.call("answer", "answer-help", new JsonObject().put("group", 2));
        lead.awaitView(v -> !v.path("harvest").has("helpCalls"));
        facilitator(2).awaitView(v -> !v.path("workspace").path("help").asBoolean(true));
    }

    @Test
    void a_promoted_card_waits_on_the_lead_desk_and_once_published_every_group_and_observer_sees_it() {
        member(1, 0).call("c1", "add-idea", new JsonObject().put("text", "Free buses on Sundays"));
        String ideaId = facilitator(1)
                .awaitView(v -> v.path("workspace").path("ideas").size() == 1)
                .path("workspace")
                .path("ideas")
                .fieldNames()
                .next();
        assertThat(member(1, 0)
                        .call("p0", "promote-idea", new JsonObject().put("ideaId", ideaId))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(facilitator(2)
                        .call("p1", "promote-idea", new JsonObject().put("ideaId", ideaId))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");

        facilitator(1).call("p2", "promote-idea", new JsonObject().put("ideaId", ideaId));
        lead.awaitView(v -> v.path("harvest").path("items").path(ideaId).has("published"));
        lead.awaitView(v ->
                v.path("breakouts").path("groups").path("1").path("harvested").asInt() == 1);
        assertThat(String.join("\n", observer.frames())).doesNotContain("Free buses on Sundays");
        assertThat(facilitator(1)
                        .call("p3", "publish-harvest", new JsonObject().put("ideaId", ideaId))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");

        lead.call("pub", "publish-harvest", new JsonObject().put("ideaId", ideaId));
        JsonNode item = observer.awaitView(v -> v.path("harvest").path("items").has(ideaId))
                .path("harvest")
                .path("items")
                .path(ideaId);
        assertThat(item.path("text").asText()).isEqualTo("Free buses on Sundays");
        assertThat(item.path("group").asInt()).isEqualTo(1);
        member(2, 0).awaitView(v -> v.path("harvest").path("items").has(ideaId));
    }

    @Test
    void the_lead_merges_duplicate_cards_from_different_groups_on_the_harvest_board() {
        member(1, 0).call("a", "add-idea", new JsonObject().put("text", "Night buses"));
        member(2, 0).call("b", "add-idea", new JsonObject().put("text", "Buses at night"));
        String one = facilitator(1)
                .awaitView(v -> v.path("workspace").path("ideas").size() == 1)
                .path("workspace")
                .path("ideas")
                .fieldNames()
                .next();
        String two = facilitator(2)
                .awaitView(v -> v.path("workspace").path("ideas").size() == 1)
                .path("workspace")
                .path("ideas")
                .fieldNames()
                .next();
        facilitator(1).call("p1", "promote-idea", new JsonObject().put("ideaId", one));
        facilitator(2).call("p2", "promote-idea", new JsonObject().put("ideaId", two));
        lead.awaitView(v -> v.path("harvest").path("items").size() == 2);

        assertThat(facilitator(1)
                        .call(
                                "m0",
                                "merge-ideas",
                                new JsonObject().put("intoId", one).put("fromId", two))
                        .path("code")
                        .asText())
                .isEqualTo("no-such-idea");
        lead.call("m1", "merge-ideas", new JsonObject().put("intoId", one).put("fromId", two));

        JsonNode items = lead.awaitView(v -> v.path("harvest").path("items").size() == 1)
                .path("harvest")
                .path("items");
        assertThat(items.path(one).path("text").asText()).isEqualTo("Night buses\nBuses at night");
    }

    @Test
    void facilitators_edit_star_and_merge_their_groups_cards() {
        member(1, 0).call("a", "add-idea", new JsonObject().put("text", "Trees"));
        member(1, 1).call("b", "add-idea", new JsonObject().put("text", "More trees"));
        JsonNode ideas = facilitator(1)
                .awaitView(v -> v.path("workspace").path("ideas").size() == 2)
                .path("workspace")
                .path("ideas");
        List<String> ids = new ArrayList<>();
        ideas.fieldNames().forEachRemaining(ids::add);

        facilitator(1)
                .call(
                        "s",
                        "star-idea",
                        new JsonObject().put("ideaId", ids.get(0)).put("starred", true));
        facilitator(1)
                .call(
                        "e",
                        "edit-idea",
                        new JsonObject().put("ideaId", ids.get(0)).put("text", "Plant trees"));
        facilitator(1)
                .call(
                        "m",
                        "merge-ideas",
                        new JsonObject().put("intoId", ids.get(0)).put("fromId", ids.get(1)));

        JsonNode merged = member(1, 2)
                .awaitView(v -> v.path("workspace").path("ideas").size() == 1)
                .path("workspace")
                .path("ideas")
                .path(ids.get(0));
        assertThat(merged.path("text").asText()).isEqualTo("Plant trees\nMore trees");
        assertThat(merged.path("starred").asBoolean()).isTrue();
        assertThat(member(1, 0)
                        .call("x", "star-idea", new JsonObject().put("ideaId", ids.get(0)))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(facilitator(2)
                        .call(
                                "y",
                                "edit-idea",
                                new JsonObject().put("ideaId", ids.get(0)).put("text", "hijack"))
                        .path("code")
                        .asText())
                .isEqualTo("no-such-idea");
    }

    @Test
    void outside_an_open_group_there_is_no_workspace() {
        lead.call("close", "close-breakouts", new JsonObject());
        member(1, 0).awaitAudience("member");
        assertThat(member(1, 0)
                        .call("late", "add-idea", new JsonObject().put("text", "too late"))
                        .path("code")
                        .asText())
                .isEqualTo("not-in-a-group");
        assertThat(member(1, 0).view().has("workspace")).isFalse();
        assertThat(observer.call("obs", "raise-hand", new JsonObject())
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
    }
}
