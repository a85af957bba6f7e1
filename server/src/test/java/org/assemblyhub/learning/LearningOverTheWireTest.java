package org.assemblyhub.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.util.*;

/**
 * The learning phase over real sockets: who sees what (canary strings in private materials, task answers, questions
 * waiting for moderation and progress, scanned in every frame each audience received, across two learning groups),
 * coded refusals of bad input, and the queue rebuilt the same after a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearningOverTheWireTest {
    static final String PRIVATE_ITEM = "CANARY-PRIVATE-ITEM-5c1e";
    static final String ANSWER = "CANARY-TASK-ANSWER-a9d0";
    static final String PENDING = "CANARY-PENDING-QUESTION-77b2";
    static final String HIDDEN = "CANARY-HIDDEN-QUESTION-0f4d";
    static final String SCRIPT =
            """
            title: Learning
            sessions:
              - id: learning-1
                title: "Où vont nos émissions"
                phase: learning
                plannedStart: "2027-01-06T18:30:00+01:00"
                segments:
                  - kind: learning
                    title: "L'exposé"
                    minutes: 12
                    material: {title: "Emissions 101", speaker: "Dr Diallo", url: "https://example.org/talk"}
                    qa: true
              - id: learning-2
                title: "Deuxième soirée"
                phase: learning
                plannedStart: "2027-01-08T18:30:00+01:00"
                segments:
                  - kind: plenary
                    title: "Retour"
                    minutes: 10
                    prompt: "Ce que nous avons appris"
            """;

    static Path data;
    static int port;
    static TestHub hub;
    static TestHub.Setup setup;
    static LiveClient organiser;
    static LiveClient lead;
    static LiveClient observer;
    static LiveClient expert;
    static final Map<String, LiveClient> people = new HashMap<>();
    static final Map<Integer, List<String>> groups = new TreeMap<>();
    static final Map<Integer, String> facilitators = new TreeMap<>();
    static String author;
    static String otherGroupMember;

    @BeforeAll
    static void twoGroupsHaveMetAndLearningBegins() {
        data = TestHub.newDataDir();
        port = TestHub.freePort();
        hub = new TestHub(data, port, 50);
        StringBuilder csv = new StringBuilder(
                "id,name,role,area\nf0,Lead,facilitator,\nf1,Fac One,facilitator,\nf2,Fac Two,facilitator,\n"
                        + "x1,Dr Diallo,expert,\n");
        for (int i = 1; i <= 8; i++)
            csv.append("m")
                    .append(i)
                    .append(",Member ")
                    .append(i)
                    .append(",member,")
                    .append(i % 2 == 0 ? "north" : "south")
                    .append("\n");
        setup = hub.createAssembly(true, csv.toString());
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        ok(organiser.call("script", "attach-script", new JsonObject().put("yaml", SCRIPT)));
        ok(organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0")));
        lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        observer = hub.client(null).join(setup.assemblyId());
        expert = hub.client(setup.token("x1")).join(setup.assemblyId());
        for (String id : new String[] {"f1", "f2"})
            people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
        for (int i = 1; i <= 8; i++)
            people.put("m" + i, hub.client(setup.token("m" + i)).join(setup.assemblyId()));
        organiser.awaitView(v -> v.path("roster").path("m8").path("online").asBoolean());
        ok(lead.call(
                "plan", "plan-breakouts", new JsonObject().put("minSize", 3).put("maxSize", 4)));
        ok(lead.call("open", "open-breakouts", new JsonObject()));
        for (Map.Entry<String, LiveClient> p : people.entrySet()) {
            int n = p.getValue()
                    .awaitView(v ->
                            v.path("breakouts").path("myGroup").path("number").asInt(0) > 0)
                    .path("breakouts")
                    .path("myGroup")
                    .path("number")
                    .asInt();
            if (p.getKey().startsWith("f")) facilitators.put(n, p.getKey());
            else groups.computeIfAbsent(n, k -> new ArrayList<>()).add(p.getKey());
        }
        ok(lead.call("close", "close-breakouts", new JsonObject()));
        author = groups.get(1).get(0);
        otherGroupMember = groups.get(2).get(0);
        people.get(author).awaitView(v -> v.path("breakouts").path("myGroup").isMissingNode());

        ok(organiser.call(
                "mod",
                "publish-module",
                new JsonObject().put("title", "Semaine 1").put("authors", new JsonArray().add("x1"))));
        ok(organiser.call(
                "private",
                "publish-item",
                new JsonObject()
                        .put("moduleId", "m1")
                        .put("kind", "link")
                        .put("title", PRIVATE_ITEM)
                        .put("url", "https://example.org/private")
                        .put("prepareFor", "learning-2")
                        .put(
                                "task",
                                new JsonObject().put("kind", "reflection").put("prompt", "Trois choses apprises"))));
        ok(expert.call(
                "public",
                "publish-item",
                new JsonObject()
                        .put("moduleId", "m1")
                        .put("kind", "link")
                        .put("title", "Public reading")
                        .put("url", "https://example.org/public")
                        .put("public", true)));
        LiveClient writer = people.get(author);
        ok(writer.call(
                "answer", "answer-task", new JsonObject().put("itemId", "t1").put("text", ANSWER)));
        ok(writer.call("done", "mark-done", new JsonObject().put("itemId", "t1")));
        ok(writer.call("ask1", "ask-question", new JsonObject().put("text", PENDING)));
        ok(writer.call("ask2", "ask-question", new JsonObject().put("text", HIDDEN)));
        ok(people.get(otherGroupMember).call("ask3", "ask-question", new JsonObject().put("text", "Visible question")));
        ok(lead.call(
                "hide",
                "hide-question",
                new JsonObject().put("questionId", "q2").put("reason", "Hors sujet")));
        ok(lead.call("approve", "approve-question", new JsonObject().put("questionId", "q3")));
        ok(people.get(author).call("vote", "upvote-question", new JsonObject().put("questionId", "q3")));
        ok(expert.call(
                "answer-q",
                "answer-question",
                new JsonObject().put("questionId", "q3").put("text", "A written answer for everyone")));
        observer.awaitView(v -> v.path("learning").path("qa").path("archive").size() == 1);
        // Pushes reach each socket on its own schedule: every reader must have caught up before it is examined.
        for (LiveClient client : people.values())
            client.awaitView(v -> v.path("learning").path("qa").path("archive").size() == 1);
        expert.awaitView(v -> v.path("learning").path("qa").path("archive").size() == 1);
        lead.awaitView(v -> v.path("learning").path("qa").path("archive").size() == 1);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static void ok(JsonNode answer) {
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("ack");
    }

    static String everything(LiveClient client) {
        return String.join("\n", client.frames());
    }

    @Test
    void observers_see_public_materials_and_answers_but_no_private_item_task_answer_progress_or_pending_question() {
        String seen = everything(observer);
        assertThat(seen).contains("Public reading", "A written answer for everyone", "Deuxième soirée");
        assertThat(seen).doesNotContain(PRIVATE_ITEM, ANSWER, PENDING, HIDDEN, "progressVersion", "Member ");
    }

    @Test
    void members_see_every_material_but_never_others_answers_questions_awaiting_moderation_or_progress() {
        String seen = everything(people.get(otherGroupMember));
        assertThat(seen).contains(PRIVATE_ITEM, "Visible question");
        assertThat(seen).doesNotContain(ANSWER, PENDING, HIDDEN, "progressVersion", "Hors sujet");
    }

    @Test
    void the_expert_sees_the_queue_and_the_archive_but_not_what_awaits_moderation() {
        String seen = everything(expert);
        assertThat(seen).contains("Visible question", PRIVATE_ITEM);
        assertThat(seen).doesNotContain(ANSWER, PENDING, HIDDEN, "progressVersion");
        assertThat(expert.audience()).isEqualTo("expert");
    }

    @Test
    void facilitators_moderate_with_names_and_see_progress_move_but_answers_only_of_their_own_group() {
        LiveClient own = people.get(facilitators.get(1));
        LiveClient other = people.get(facilitators.get(2));
        assertThat(everything(own))
                .contains(PENDING, "Member ", "progressVersion")
                .doesNotContain(ANSWER);
        JsonNode mine = own.call("answers", "task-answers", new JsonObject().put("itemId", "t1"));
        assertThat(mine.toString()).contains(ANSWER);
        JsonNode theirs = other.call("answers", "task-answers", new JsonObject().put("itemId", "t1"));
        assertThat(theirs.toString()).doesNotContain(ANSWER);
        JsonNode progress = own.call("progress", "learning-progress", new JsonObject());
        assertThat(progress.path("result")
                        .path("groups")
                        .get(0)
                        .path("items")
                        .path("t1")
                        .asInt())
                .isEqualTo(1);
        assertThat(progress.toString()).doesNotContain("Member ");
        JsonNode all = lead.call("progress", "learning-progress", new JsonObject());
        assertThat(all.path("result").path("groups").size()).isEqualTo(2);
    }

    @Test
    void the_author_alone_learns_why_their_question_was_hidden_and_sees_their_own_answer() {
        JsonNode mine = people.get(author).call("mine", "learning-mine", new JsonObject());
        assertThat(mine.toString()).contains("Hors sujet", ANSWER, "\"pending\"");
        JsonNode theirs = people.get(otherGroupMember).call("mine", "learning-mine", new JsonObject());
        assertThat(theirs.toString()).doesNotContain("Hors sujet", ANSWER, PENDING);
    }

    @Test
    void the_agenda_gives_each_session_its_planned_start_and_what_to_prepare() {
        JsonNode agenda = people.get(otherGroupMember).view().path("learning").path("agenda");
        assertThat(agenda.get(0).path("plannedStart").asText()).isEqualTo("2027-01-06T17:30:00Z");
        assertThat(agenda.get(1).path("prepare").toString()).isEqualTo("[\"t1\"]");
        assertThat(observer.view()
                        .path("learning")
                        .path("agenda")
                        .get(1)
                        .path("prepare")
                        .toString())
                .as("observers see only the public part of what members prepare")
                .isEqualTo("[]");
    }

    @Test
    void bad_input_gets_a_coded_refusal_and_changes_nothing() {
        LiveClient member = people.get(otherGroupMember);
        long before = organiser.seq();
        assertThat(code(member.call("b1", "publish-item", new JsonObject().put("moduleId", "m1"))))
                .isEqualTo("forbidden");
        assertThat(code(observer.call("b2", "ask-question", new JsonObject().put("text", "hi"))))
                .isEqualTo("forbidden");
        assertThat(code(organiser.call(
                        "b3",
                        "publish-item",
                        new JsonObject()
                                .put("moduleId", "m1")
                                .put("kind", "link")
                                .put("title", "x")
                                .put("url", "javascript:alert(1)"))))
                .isEqualTo("url-not-http");
        assertThat(code(member.call("b4", "ask-question", new JsonObject().put("text", "x".repeat(301)))))
                .isEqualTo("invalid-args");
        assertThat(code(member.call("b5", "ask-question", new JsonObject().put("text", "<script>x</script>"))))
                .isEqualTo("markup-not-allowed");
        assertThat(code(people.get(author).call("b6", "upvote-question", new JsonObject().put("questionId", "q3"))))
                .isEqualTo("question-closed");
        assertThat(code(member.call("b7", "upvote-question", new JsonObject().put("questionId", "q1"))))
                .isEqualTo("question-not-approved");
        assertThat(code(expert.call("b8", "approve-question", new JsonObject().put("questionId", "q1"))))
                .isEqualTo("forbidden");
        assertThat(code(organiser.call(
                        "b9",
                        "publish-item",
                        new JsonObject().put("moduleId", "m1").put("kind", "video"))))
                .isEqualTo("invalid-args");
        assertThat(organiser.seq()).as("nothing was recorded").isEqualTo(before);
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it restarts the hub
    void the_queue_and_the_archive_are_the_same_after_a_restart() throws Exception {
        ok(lead.call("approve-q1", "approve-question", new JsonObject().put("questionId", "q1")));
        ok(people.get("m" + 8).call("vote-q1", "upvote-question", new JsonObject().put("questionId", "q1")));
        JsonNode before = lead.awaitView(
                        v -> v.path("learning").path("qa").path("queue").size() == 1)
                .path("learning");
        hub.close();
        hub = new TestHub(data, port, 50);
        LiveClient again = hub.client(setup.token("f0")).join(setup.assemblyId());
        JsonNode after = again.view().path("learning");
        assertThat(after.path("qa").path("queue")).isEqualTo(before.path("qa").path("queue"));
        assertThat(after.path("qa").path("archive")).isEqualTo(before.path("qa").path("archive"));
        assertThat(after.path("modules")).isEqualTo(before.path("modules"));
        lead = again;
    }

    static String code(JsonNode answer) {
        return answer.path("code").asText();
    }
}
