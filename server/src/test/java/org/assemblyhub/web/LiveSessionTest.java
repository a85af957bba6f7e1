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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** The session clock through real sockets: a script attached over HTTP, steered by the lead, seen by everyone. */
class LiveSessionTest {
    static final String SCRIPT =
            """
            title: Evening
            sessions:
              - id: evening
                title: Deliberation evening
                segments:
                  - {kind: plenary, title: Welcome, minutes: 10, prompt: "Hello everyone"}
                  - {kind: breakouts, title: Round 1, minutes: 25, prompt: "What is hard today?", warningMinutes: 2, harvest: ["Three difficulties"]}
                  - {kind: harvest, title: Harvest, minutes: 15, prompt: "Share"}
            """;

    MutableClock clock;
    TestHub hub;
    TestHub.Setup setup;
    LiveClient organiser;

    @BeforeEach
    void start() {
        clock = new MutableClock();
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 50, clock);
        setup = hub.createAssembly(true, "id,name,role\nf1,Fatou,facilitator\nf2,Marc,facilitator\nm1,Aïcha,member\n");
        HttpResponse<String> attached = hub.post(
                "/api/assemblies/" + setup.assemblyId() + "/script", "text/yaml", setup.token("organiser-1"), SCRIPT);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        assertThat(organiser
                        .call("lead", "appoint-lead", new JsonObject().put("personId", "f1"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private JsonNode running(LiveClient client) {
        return client.view().path("session").path("running");
    }

    @Test
    void the_lead_starts_the_session_and_every_screen_shows_the_same_segment_and_end_time() {
        LiveClient lead = hub.client(setup.token("f1")).join(setup.assemblyId());
        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        LiveClient observer = hub.client(null).join(setup.assemblyId());

        assertThat(lead.call("s1", "start-session", new JsonObject().put("sessionId", "evening"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");

        for (LiveClient screen : new LiveClient[] {lead, member, observer}) {
            screen.awaitView(v -> v.path("session")
                    .path("running")
                    .path("segment")
                    .path("title")
                    .asText()
                    .equals("Welcome"));
        }
        assertThat(running(member).path("endsAt").asText())
                .isEqualTo(running(observer).path("endsAt").asText());
        assertThat(running(member).path("next").path("title").asText()).isEqualTo("Round 1");
        Duration left = Duration.between(
                clock.instant(), Instant.parse(running(member).path("endsAt").asText()));
        assertThat(left).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
        assertThat(observer.view().path("session").has("script"))
                .as("observers do not see the script")
                .isFalse();
        assertThat(lead.view().path("session").path("script").path("sessions").has("evening"))
                .isTrue();
    }

    @Test
    void a_late_joiner_sees_the_running_segment_and_its_end_time() {
        organiser.call("s1", "start-session", new JsonObject().put("sessionId", "evening"));
        organiser.awaitView(v -> v.path("session").has("running"));

        LiveClient late = hub.client(setup.token("m1")).join(setup.assemblyId());
        assertThat(running(late).path("endsAt").asText())
                .isEqualTo(running(organiser).path("endsAt").asText());
    }

    @Test
    void when_the_segment_time_is_up_the_hub_moves_everyone_to_the_next_segment() {
        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        organiser.call("s1", "start-session", new JsonObject().put("sessionId", "evening"));
        member.awaitView(v -> v.path("session").path("running").path("index").asInt(-1) == 0);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        JsonNode view = member.awaitView(
                v -> v.path("session").path("running").path("index").asInt() == 1);
        assertThat(view.path("session")
                        .path("running")
                        .path("segment")
                        .path("kind")
                        .asText())
                .isEqualTo("breakouts");
        assertThat(view.path("session").path("running").has("warningAt")).isTrue();
        assertThat(view.path("session").path("running").path("segment").has("harvest"))
                .as("harvest duties are for staff")
                .isFalse();
        organiser.awaitView(v -> v.path("session").path("running").path("index").asInt() == 1);
        assertThat(organiser
                        .view()
                        .path("session")
                        .path("running")
                        .path("segment")
                        .path("harvest")
                        .path("1")
                        .asText())
                .isEqualTo("Three difficulties");
    }

    @Test
    void pause_resume_extend_skip_and_back_reach_every_screen() {
        LiveClient lead = hub.client(setup.token("f1")).join(setup.assemblyId());
        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        lead.call("s1", "start-session", new JsonObject().put("sessionId", "evening"));
        member.awaitView(v -> v.path("session").has("running"));
        String endsAt = running(member).path("endsAt").asText();

        lead.call("p1", "pause-session", new JsonObject());
        member.awaitView(v -> v.path("session").path("running").path("paused").asBoolean());
        assertThat(running(member).path("remainingMs").asLong())
                .isBetween(
                        Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
        clock.advance(Duration.ofMinutes(30));
        lead.call("r1", "resume-session", new JsonObject());
        member.awaitView(v -> !v.path("session").path("running").path("paused").asBoolean(true));
        assertThat(Instant.parse(running(member).path("endsAt").asText()))
                .isAfter(Instant.parse(endsAt).plus(Duration.ofMinutes(29)));

        String beforeExtension = running(member).path("endsAt").asText();
        lead.call("e1", "extend-segment", new JsonObject().put("minutes", 5));
        member.awaitView(
                v -> !v.path("session").path("running").path("endsAt").asText().equals(beforeExtension));
        assertThat(Duration.between(
                        Instant.parse(beforeExtension),
                        Instant.parse(running(member).path("endsAt").asText())))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(running(member).path("segment").path("minutes").asInt()).isEqualTo(15);

        lead.call("k1", "skip-segment", new JsonObject());
        member.awaitView(v -> v.path("session").path("running").path("index").asInt() == 1);
        lead.call("b1", "go-back", new JsonObject());
        member.awaitView(v -> v.path("session").path("running").path("index").asInt() == 0);
        lead.call("x1", "end-session", new JsonObject());
        member.awaitView(v -> !v.path("session").has("running"));
    }

    @Test
    void a_restart_mid_session_resumes_with_the_same_remaining_time() {
        organiser.call("s1", "start-session", new JsonObject().put("sessionId", "evening"));
        organiser.call("e1", "extend-segment", new JsonObject().put("minutes", 1));
        organiser.awaitView(v -> v.path("session")
                        .path("running")
                        .path("segment")
                        .path("minutes")
                        .asInt()
                == 11);
        String endsAt = running(organiser).path("endsAt").asText();

        hub.stop();
        clock.advance(Duration.ofMinutes(3));
        hub.start();

        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        assertThat(running(member).path("index").asInt()).isZero();
        assertThat(running(member).path("endsAt").asText()).isEqualTo(endsAt);
        Duration left = Duration.between(clock.instant(), Instant.parse(endsAt));
        assertThat(left).isBetween(Duration.ofMinutes(7), Duration.ofMinutes(8));
    }

    @Test
    void a_segment_that_ended_while_the_hub_was_down_moves_on_at_restart() {
        organiser.call("s1", "start-session", new JsonObject().put("sessionId", "evening"));
        organiser.awaitView(v -> v.path("session").has("running"));
        hub.stop();
        clock.advance(Duration.ofMinutes(12));
        hub.start();

        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        member.awaitView(v -> v.path("session").path("running").path("index").asInt() == 1);
    }

    @Test
    void members_and_other_facilitators_cannot_steer() {
        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        LiveClient other = hub.client(setup.token("f2")).join(setup.assemblyId());
        assertThat(member.call("m", "start-session", new JsonObject().put("sessionId", "evening"))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(other.call("o", "start-session", new JsonObject().put("sessionId", "evening"))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
    }

    @Test
    void steering_errors_have_their_own_codes() {
        assertThat(organiser
                        .call("a", "start-session", new JsonObject().put("sessionId", "nope"))
                        .path("code")
                        .asText())
                .isEqualTo("no-such-session");
        assertThat(organiser
                        .call("b", "pause-session", new JsonObject())
                        .path("code")
                        .asText())
                .isEqualTo("no-session-running");
        organiser.call("c", "start-session", new JsonObject().put("sessionId", "evening"));
        assertThat(organiser
                        .call("d", "extend-segment", new JsonObject().put("minutes", "five"))
                        .path("code")
                        .asText())
                .isEqualTo("invalid-args");
        assertThat(organiser
                        .call("e", "extend-segment", new JsonObject().put("minutes", 99))
                        .path("code")
                        .asText())
                .isEqualTo("invalid-extension");
        assertThat(organiser
                        .call("f", "appoint-lead", new JsonObject().put("personId", "m1"))
                        .path("code")
                        .asText())
                .isEqualTo("not-a-facilitator");
    }

    @Test
    void an_invalid_script_is_refused_with_each_problem_and_its_line() {
        HttpResponse<String> response = hub.post(
                "/api/assemblies/" + setup.assemblyId() + "/script",
                "text/yaml",
                setup.token("organiser-1"),
                "title: Bad\nsessions:\n  - id: s\n    title: S\n    segments:\n      - {kind: plenary, title: W, minutes: 0}\n");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getString("code")).isEqualTo("invalid-script");
        assertThat(body.getJsonArray("problems").encode()).contains("\"line\":6", "prompt", "minutes");
    }

    @Test
    void only_organisers_attach_scripts() {
        HttpResponse<String> response =
                hub.post("/api/assemblies/" + setup.assemblyId() + "/script", "text/yaml", setup.token("f1"), SCRIPT);
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
