package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.MutableClock;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The attendance report through a real hub: a session held with people on real sockets, downloaded as CSV. */
class AttendanceReportTest {
    static final String SCRIPT =
            """
            title: Evenings
            sessions:
              - id: evening
                title: First evening
                plannedStart: "2026-12-03T18:00:00Z"
                segments:
                  - {kind: plenary, title: Welcome, minutes: 60, prompt: "Hello everyone"}
              - id: second
                title: Second evening
                segments:
                  - {kind: plenary, title: Again, minutes: 60, prompt: "Hello again"}
            """;

    MutableClock clock;
    TestHub hub;
    TestHub.Setup setup;

    @BeforeEach
    void start() {
        clock = new MutableClock();
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 50, clock);
        setup = hub.createAssembly(
                true, "id,name,role\nf1,Fatou,facilitator\nm1,Aïcha,member\nm2,Bernard,member\nm3,=Eve,member\n");
        HttpResponse<String> attached = hub.post(
                "/api/assemblies/" + setup.assemblyId() + "/script", "text/yaml", setup.token("organiser-1"), SCRIPT);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void an_organiser_downloads_who_attended_the_session_and_for_how_long() throws IOException {
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        assertThat(organiser
                        .call(
                                "p",
                                "mark-phone-only",
                                new JsonObject().put("personId", "m2").put("phoneOnly", true))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        Instant started = clock.instant();
        assertThat(organiser
                        .call("s", "start-session", new JsonObject().put("sessionId", "evening"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        clock.advance(Duration.ofMinutes(10));
        assertThat(organiser
                        .call("e", "end-session", new JsonObject())
                        .path("type")
                        .asText())
                .isEqualTo("ack");

        HttpResponse<String> answer = bearer(
                "/api/assemblies/" + setup.assemblyId() + "/sessions/evening/attendance.csv",
                setup.token("organiser-1"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        Map<String, CSVRecord> rows = rows(answer.body());
        assertThat(rows).containsOnlyKeys("organiser-1", "f1", "m1", "m2", "m3");
        CSVRecord m1 = rows.get("m1");
        assertThat(m1.get("session_title")).isEqualTo("First evening");
        assertThat(m1.get("planned_start")).isEqualTo("2026-12-03T18:00:00Z");
        Instant startedAt = Instant.parse(m1.get("started_at"));
        assertThat(startedAt).isBetween(started.minusSeconds(1), started.plusSeconds(5));
        assertThat(Duration.between(startedAt, Instant.parse(m1.get("ended_at"))))
                .isBetween(
                        Duration.ofMinutes(10).minusSeconds(1),
                        Duration.ofMinutes(10).plusSeconds(5));
        assertThat(m1.get("name")).isEqualTo("Aïcha");
        assertThat(m1.get("present")).isEqualTo("yes");
        assertThat(m1.get("minutes_connected")).isEqualTo("10");
        assertThat(m1.get("last_left")).as("still there at its end").isEqualTo(m1.get("ended_at"));
        assertThat(rows.get("m2").get("phone_only")).isEqualTo("yes");
        assertThat(rows.get("m2").get("present")).isEqualTo("unknown");
        assertThat(rows.get("m3").get("present")).isEqualTo("no");
        assertThat(rows.get("m3").get("name")).as("not a formula").isEqualTo("'=Eve");
        assertThat(rows.get("organiser-1").get("role")).isEqualTo("organiser");

        HttpResponse<String> all =
                bearer("/api/assemblies/" + setup.assemblyId() + "/attendance.csv", setup.token("organiser-1"));
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(rows(all.body())).as("the second evening was not held").hasSize(5);
        assertThat(bearer(
                                "/api/assemblies/" + setup.assemblyId() + "/sessions/second/attendance.csv",
                                setup.token("organiser-1"))
                        .body()
                        .trim()
                        .lines())
                .as("the header only")
                .hasSize(1);
        HttpResponse<String> none = bearer(
                "/api/assemblies/" + setup.assemblyId() + "/sessions/nope/attendance.csv", setup.token("organiser-1"));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(none.body()).getString("code")).isEqualTo("no-such-session");
        member.close();
    }

    @Test
    void members_may_not_download_it_and_nobody_without_an_invitation() {
        HttpResponse<String> member =
                bearer("/api/assemblies/" + setup.assemblyId() + "/attendance.csv", setup.token("m1"));
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(member.body()).getString("code")).isEqualTo("forbidden");
        HttpResponse<String> anonymous =
                hub.get("/api/assemblies/" + setup.assemblyId() + "/sessions/evening/attendance.csv", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(anonymous.body()).getString("code")).isEqualTo("invitation-required");
    }

    private HttpResponse<String> bearer(String path, String token) {
        return hub.send(HttpRequest.newBuilder(URI.create(hub.url() + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    private static Map<String, CSVRecord> rows(String csv) throws IOException {
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        return records.stream().collect(Collectors.toMap(r -> r.get("person_id"), Function.identity()));
    }
}
