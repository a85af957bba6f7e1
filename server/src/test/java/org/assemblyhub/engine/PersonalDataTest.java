package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.MutableClock;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/**
 * A person's rights over their data through real HTTP and sockets: they download theirs (an organiser anyone's, to
 * answer a request), without how they voted; a retention day erases everyone's personal data by itself.
 */
class PersonalDataTest {

    @Test
    void a_member_downloads_what_the_assembly_holds_about_them_but_not_how_they_voted_and_nobody_else_can()
            throws Exception {
        try (TestHub hub = new TestHub()) {
            BusyAssembly busy = new BusyAssembly(hub.vertx(), "mine").withCanary();
            busy.firstEvening();
            busy.secondEvening();

            var mine = bearer(hub, "/api/assemblies/mine/my-data.json", busy.tokens.get("m1"));
            assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
            assertThat(mine.headers().firstValue("Cache-Control")).contains("no-store");
            JsonObject data = new JsonObject(mine.body());
            assertThat(data.getString("format")).isEqualTo("assembly-hub personal data 1");
            assertThat(data.getJsonObject("person").getString("name")).isEqualTo(BusyAssembly.CANARY_NAME);
            assertThat(data.getJsonObject("person").getString("contact")).isEqualTo(BusyAssembly.CANARY_CONTACT);
            assertThat(data.getJsonObject("person").getJsonObject("attributes").getString("area"))
                    .isEqualTo(BusyAssembly.CANARY_AREA);
            assertThat(data.getJsonArray("written").encode())
                    .contains("Canarymessage-7f3a", "Canarynote-7f3a", "MessagePosted", "HandRaised");
            assertThat(data.getJsonArray("activity").encode()).contains("PersonConnected", "IdeaAdded");
            assertThat(mine.body())
                    .as("how they voted, or when")
                    .doesNotContain("BallotVoted", "PollAnswered", "\"choices\"", "tokenHash")
                    .doesNotContain("Member 2");

            var other = bearer(hub, "/api/assemblies/mine/people/m1/data.json", busy.tokens.get("m2"));
            assertThat(other.statusCode()).isEqualTo(403);
            assertThat(new JsonObject(other.body()).getString("code")).isEqualTo("forbidden");
            assertThat(hub.get("/api/assemblies/mine/my-data.json", null).statusCode())
                    .isEqualTo(401);
            var asked = bearer(hub, "/api/assemblies/mine/people/m1/data.json", busy.organiserToken);
            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(asked.body()).contains(BusyAssembly.CANARY_CONTACT);
            var nobody = bearer(hub, "/api/assemblies/mine/people/nobody/data.json", busy.organiserToken);
            assertThat(new JsonObject(nobody.body()).getString("code")).isEqualTo("no-such-person");
        }
    }

    @Test
    void on_the_retention_day_the_hub_erases_everyones_personal_data_by_itself() throws Exception {
        MutableClock clock = new MutableClock();
        Path dataDir = TestHub.newDataDir();
        try (TestHub hub = new TestHub(dataDir, TestHub.freePort(), 100, clock, VideoConfig.MESH)) {
            TestHub.Setup setup = hub.createAssembly(
                    true, "id,name,contact,role\nm1,Retentia Canary-91b,retentia-91b@example.org,member\n");
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

            assertThat(organiser
                            .call("r0", "set-retention", new JsonObject().put("until", today.toString()))
                            .path("code")
                            .asText())
                    .as("an expired retention")
                    .isEqualTo("retention-in-past");
            assertThat(organiser
                            .call("r1", "set-retention", new JsonObject().put("until", "next week"))
                            .path("code")
                            .asText())
                    .isEqualTo("invalid-args");
            String tomorrow = today.plusDays(1).toString();
            assertThat(organiser
                            .call("r2", "set-retention", new JsonObject().put("until", tomorrow))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
            assertThat(organiser
                            .awaitView(v -> v.path("assembly").has("personalDataKeptUntil"))
                            .path("assembly")
                            .path("personalDataKeptUntil")
                            .asText())
                    .isEqualTo(tomorrow);
            assertThat(filesHolding(dataDir, "Retentia"))
                    .as("the snapshot-free data dir seals the name")
                    .isFalse();

            clock.advance(Duration.ofDays(2));

            assertThat(organiser.awaitClose())
                    .as("everyone's link ends, the organisers' too")
                    .isEqualTo((short) 4401);
            var member = hub.client(setup.token("m1"));
            member.send(new JsonObject().put("type", "hello").put("assembly", setup.assemblyId()));
            assertThat(member.error("invalid-invitation")).isNotNull();
            assertThat(Files.readString(dataDir.resolve("keys").resolve(setup.assemblyId() + ".keys")))
                    .isBlank();
            JsonObject openData =
                    new JsonObject(hub.get("/api/assemblies/" + setup.assemblyId() + "/open-data.json", null)
                            .body());
            assertThat(openData.getJsonObject("assembly").getString("personalDataKeptUntil"))
                    .isEqualTo(tomorrow);
            assertThat(filesHolding(dataDir, "Retentia") || filesHolding(dataDir, "retentia-91b"))
                    .isFalse();
        }
    }

    /** A download as a script would make it, with the invitation as a Bearer token. */
    private static HttpResponse<String> bearer(TestHub hub, String path, String token) {
        return hub.send(HttpRequest.newBuilder(URI.create(hub.url() + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    private static boolean filesHolding(Path dir, String text) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(text)) return true;
            }
        }
        return false;
    }
}
