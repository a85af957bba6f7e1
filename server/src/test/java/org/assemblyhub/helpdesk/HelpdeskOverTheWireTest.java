package org.assemblyhub.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tech-check results and calls for help over real sockets: they reach the lead's desk, organisers and — inside a
 * round — the facilitators of the member's group, and nobody else (canary: no other member, no observer, no
 * facilitator of another group ever receives them).
 */
class HelpdeskOverTheWireTest {
    TestHub hub;
    TestHub.Setup setup;
    LiveClient organiser;
    LiveClient lead;
    LiveClient observer;
    final Map<String, LiveClient> people = new HashMap<>();

    @BeforeEach
    void assemble() {
        hub = new TestHub();
        StringBuilder csv = new StringBuilder(
                "id,name,role\nf0,Lead,facilitator\nf1,Fac One,facilitator\nf2,Fac Two,facilitator\n");
        csv.append("m1,Canary Camille,member\n");
        for (int i = 2; i <= 12; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        setup = hub.createAssembly(true, csv.toString());
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        for (String id : List.of("f1", "f2"))
            people.put(id, hub.client(setup.token(id)).join(setup.assemblyId()));
        for (int i = 1; i <= 12; i++)
            people.put("m" + i, hub.client(setup.token("m" + i)).join(setup.assemblyId()));
        observer = hub.client(null).join(setup.assemblyId());
        organiser.awaitView(v -> v.path("roster").path("m12").path("online").asBoolean());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void a_members_tech_check_reaches_the_lead_and_organisers_and_nobody_else() {
        LiveClient m1 = people.get("m1");
        JsonNode ack = m1.call(
                "tc",
                "report-tech-check",
                new JsonObject().put("camera", "denied").put("microphone", "ok").put("connection", "poor"));
        assertThat(ack.path("type").asText()).isEqualTo("ack");
        JsonNode desk = lead.awaitView(
                        v -> v.path("helpdesk").path("members").path("m1").has("check"))
                .path("helpdesk");
        assertThat(desk.path("members").path("m1").path("check").path("camera").asText())
                .isEqualTo("denied");
        assertThat(desk.path("members").path("m1").path("needsHelp").asBoolean())
                .isTrue();
        assertThat(desk.path("needHelp").asInt()).isEqualTo(12); // eleven never ran it, m1 has a problem
        organiser.awaitView(v -> v.path("helpdesk").path("members").path("m1").has("check"));
        assertThat(m1.call(
                                "again",
                                "report-tech-check",
                                new JsonObject()
                                        .put("camera", "ok")
                                        .put("microphone", "ok")
                                        .put("connection", "good"))
                        .path("code")
                        .asText())
                .isEqualTo("tech-check-too-often");
        assertThat(m1.call(
                                "bad",
                                "report-tech-check",
                                new JsonObject()
                                        .put("camera", "<b>ok</b>")
                                        .put("microphone", "ok")
                                        .put("connection", "good"))
                        .path("code")
                        .asText())
                .isEqualTo("invalid-tech-check");
        assertThat(observer.call(
                                "o",
                                "report-tech-check",
                                new JsonObject()
                                        .put("camera", "ok")
                                        .put("microphone", "ok")
                                        .put("connection", "good"))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");

        lead.call("plan", "plan-breakouts", new JsonObject().put("minSize", 6).put("maxSize", 6));
        // Before the round opens, each facilitator asks for the checks of the group they will facilitate.
        int withM1 = 0;
        for (String f : List.of("f1", "f2")) {
            JsonNode mine = people.get(f)
                    .call("mine", "my-members-checks", new JsonObject())
                    .path("result");
            assertThat(mine.path("group").asInt()).isPositive();
            assertThat(mine.path("members").size()).isEqualTo(6);
            if (mine.path("members").has("m1")) {
                withM1++;
                assertThat(mine.path("members")
                                .path("m1")
                                .path("check")
                                .path("camera")
                                .asText())
                        .isEqualTo("denied");
            }
        }
        assertThat(withM1).isEqualTo(1);
        assertThat(people.get("m2")
                        .call("mine", "my-members-checks", new JsonObject())
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        lead.call("open", "open-breakouts", new JsonObject());
        int group = lead.awaitView(v -> v.path("breakouts").path("open").asBoolean())
                .path("helpdesk")
                .path("members")
                .path("m1")
                .path("group")
                .asInt();
        assertThat(group).isPositive();
        String mine = null;
        for (String f : List.of("f1", "f2")) {
            ObjectNodeView v = new ObjectNodeView(people.get(f)
                    .awaitView(x ->
                            x.path("breakouts").path("myGroup").path("number").asInt() > 0));
            if (v.group() == group) mine = f;
        }
        String other = "f1".equals(mine) ? "f2" : "f1";
        JsonNode facDesk = people.get(mine)
                .awaitView(v -> v.path("helpdesk").path("members").has("m1"))
                .path("helpdesk");
        assertThat(facDesk.path("members")
                        .path("m1")
                        .path("check")
                        .path("connection")
                        .asText())
                .isEqualTo("poor");
        assertThat(facDesk.path("members").size()).isEqualTo(6);

        // Canary: members, the observer and the other group's facilitator never receive the result nor the name.
        for (int i = 2; i <= 12; i++) {
            assertThat(String.join("\n", people.get("m" + i).frames()))
                    .doesNotContain("helpdesk")
                    .doesNotContain("\"denied\"");
        }
        assertThat(String.join("\n", observer.frames()))
                .doesNotContain("helpdesk")
                .doesNotContain("Canary");
        assertThat(String.join("\n", people.get(other).frames())).doesNotContain("\"denied\"");
        assertThat(String.join("\n", people.get("m1").frames())).doesNotContain("helpdesk");
    }

    @Test
    void a_call_for_help_from_the_plenary_reaches_the_desk_is_answered_and_the_caller_learns_it() {
        LiveClient m2 = people.get("m2");
        assertThat(m2.call("h", "call-for-help", new JsonObject().put("where", "plenary"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        assertThat(m2.call("s1", "help-status", new JsonObject())
                        .path("result")
                        .path("state")
                        .asText())
                .isEqualTo("called");
        JsonNode call = lead.awaitView(v -> v.path("helpdesk").path("calls").has("m2"))
                .path("helpdesk")
                .path("calls")
                .path("m2");
        assertThat(call.path("where").asText()).isEqualTo("plenary");
        assertThat(call.path("answered").asBoolean()).isFalse();
        assertThat(people.get("m3")
                        .call("a", "answer-help-call", new JsonObject().put("personId", "m2"))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(people.get("f1")
                        .call("a", "answer-help-call", new JsonObject().put("personId", "m2"))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden"); // f1 facilitates no group m2 sits in
        lead.call("a", "answer-help-call", new JsonObject().put("personId", "m2"));
        assertThat(lead.awaitView(v -> v.path("helpdesk")
                                .path("calls")
                                .path("m2")
                                .path("answered")
                                .asBoolean())
                        .path("helpdesk")
                        .path("calls")
                        .path("m2")
                        .path("answeredBy")
                        .asText())
                .isEqualTo("Lead");
        assertThat(m2.call("s2", "help-status", new JsonObject())
                        .path("result")
                        .path("state")
                        .asText())
                .isEqualTo("answered");
        assertThat(String.join("\n", observer.frames())).doesNotContain("helpdesk");
        assertThat(String.join("\n", people.get("m5").frames())).doesNotContain("helpdesk");
    }

    private record ObjectNodeView(JsonNode view) {
        int group() {
            return view.path("breakouts").path("myGroup").path("number").asInt();
        }
    }
}
