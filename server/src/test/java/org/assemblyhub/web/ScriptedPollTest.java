package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.MutableClock;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

/** The script's poll and consensus segments open their poll when the clock enters them and close it when it leaves. */
class ScriptedPollTest {
    static final String SCRIPT =
            """
            title: Meeting
            sessions:
              - id: agm
                title: General meeting
                segments:
                  - {kind: plenary, title: Welcome, minutes: 5, prompt: "Hello"}
                  - {kind: poll, title: Accounts, minutes: 5, question: "Do you approve the accounts?", options: ["For", "Against", "Abstain"]}
                  - {kind: consensus, title: Statement, minutes: 5, statement: "We open a repair café"}
                  - {kind: plenary, title: Close, minutes: 5, prompt: "Thanks"}
            """;

    TestHub hub;

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void a_poll_with_a_timer_closes_itself_when_its_time_is_up() {
        var clock = new MutableClock();
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 50, clock);
        TestHub.Setup setup = hub.createAssembly(true, "id,name,role\nm1,Aïcha,member\n");
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        LiveClient observer = hub.client(null).join(setup.assemblyId());
        organiser.call(
                "p",
                "open-poll",
                new JsonObject()
                        .put("kind", "scale")
                        .put("question", "How clear was the talk?")
                        .put("minutes", 2));
        JsonNode open =
                observer.awaitView(v -> v.path("polls").has("p1")).path("polls").path("p1");
        Instant closesAt = Instant.parse(open.path("closesAt").asText());
        assertThat(Duration.between(clock.instant(), closesAt).toSeconds()).isBetween(110L, 120L);

        clock.advance(Duration.ofSeconds(110));
        LiveClient.sleep(1_500);
        assertThat(observer.view().path("polls").path("p1").path("open").asBoolean())
                .isTrue();
        clock.advance(Duration.ofSeconds(15));
        observer.awaitView(v -> !v.path("polls").path("p1").path("open").asBoolean(true));
    }

    @Test
    void entering_a_poll_segment_opens_its_poll_for_everyone_and_leaving_it_closes_it_with_its_result() {
        hub = new TestHub();
        TestHub.Setup setup = hub.createAssembly(true, "id,name,role\nm1,Aïcha,member\nm2,Marc,member\n");
        assertThat(hub.post(
                                "/api/assemblies/" + setup.assemblyId() + "/script",
                                "text/yaml",
                                setup.token("organiser-1"),
                                SCRIPT)
                        .statusCode())
                .isEqualTo(200);
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        LiveClient observer = hub.client(null).join(setup.assemblyId());
        organiser.call("s", "start-session", new JsonObject().put("sessionId", "agm"));
        organiser.call("k1", "skip-segment", new JsonObject());

        JsonNode poll =
                observer.awaitView(v -> v.path("polls").has("p1")).path("polls").path("p1");
        assertThat(poll.path("question").asText()).isEqualTo("Do you approve the accounts?");
        assertThat(poll.path("options").toString()).isEqualTo("[\"For\",\"Against\",\"Abstain\"]");
        assertThat(poll.path("eligible").asInt()).isEqualTo(2);
        member.call("a", "answer-poll", new JsonObject().put("pollId", "p1").put("choices", new JsonArray().add(0)));
        organiser.call("k2", "skip-segment", new JsonObject());

        JsonNode polls = observer.awaitView(v -> v.path("polls").has("p2")).path("polls");
        assertThat(polls.path("p1").path("open").asBoolean()).isFalse();
        assertThat(polls.path("p1").path("results").path("counts").toString()).isEqualTo("[1,0,0]");
        assertThat(polls.path("p2").path("kind").asText()).isEqualTo("gradients");
        assertThat(polls.path("p2").path("question").asText()).isEqualTo("We open a repair café");
        organiser.call("k3", "skip-segment", new JsonObject());
        assertThat(observer.awaitView(
                                v -> !v.path("polls").path("p2").path("open").asBoolean(true))
                        .path("polls")
                        .path("p2")
                        .path("results")
                        .path("outcome")
                        .asText())
                .isEqualTo("no-quorum");
    }
}
