package org.assemblyhub.assembly.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.support.Jackson;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Separation of duties: with a delivery officer's key, organisers never see a member's link — the roster import and
 * every re-issued invitation come back sealed, only the officer's private key opens them, and everyone can see whose
 * key it is.
 */
class SealedInvitationsTest {
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
    }

    private static String run(String... args) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(InvitationsCli.run(args)).isZero();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void with_a_delivery_key_the_organiser_gets_only_sealed_invitations_that_the_officer_opens_into_working_links()
            throws Exception {
        Path officer = Files.createTempDirectory("officer");
        String keygen = run("keygen", officer.toString());
        String publicKey = Files.readString(officer.resolve("officer.pub"));
        String fingerprint = SealedDelivery.fingerprint(SealedDelivery.publicKey(publicKey));
        assertThat(keygen).contains(fingerprint);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(officer.resolve("officer.key"))))
                .isEqualTo("rw-------");

        hub = new TestHub();
        var created = hub.post(
                "/api/assemblies",
                "application/json",
                TestHub.BOOTSTRAP,
                new JsonObject()
                        .put("title", "Sealed")
                        .put("public", true)
                        .put("organiserName", "Olga")
                        .put("deliveryKey", publicKey)
                        .encode());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode assembly = Jackson.MAPPER.readTree(created.body());
        String assemblyId = assembly.path("id").asText();
        String organiserToken = TestHub.tokenOf(assembly.path("organiserLink").asText());

        var imported = hub.post(
                "/api/assemblies/" + assemblyId + "/roster",
                "text/csv",
                organiserToken,
                "id,name,role\nm1,Aïcha,member\nm2,Bernard,member\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).doesNotContain("/join/").doesNotContain(assemblyId + ".");
        JsonNode sealed = Jackson.MAPPER.readTree(imported.body()).path("sealed");
        assertThat(sealed.path("for").asText()).isEqualTo(fingerprint);

        Path file = Files.createTempFile("sealed", ".json");
        Files.writeString(file, imported.body());
        List<String> lines = new ArrayList<>(run(
                        "open",
                        file.toString(),
                        "--key",
                        officer.resolve("officer.key").toString())
                .lines()
                .toList());
        assertThat(lines.get(0)).isEqualTo("id,name,link");
        assertThat(lines).hasSize(3);
        String m1Link = lines.stream()
                .filter(l -> l.startsWith("m1,"))
                .findFirst()
                .orElseThrow()
                .split(",")[2];
        assertThat(m1Link).startsWith(hub.url() + "/join/" + assemblyId + ".");
        LiveClient member = hub.client(TestHub.tokenOf(m1Link)).join(assemblyId);
        assertThat(member.view().path("assembly").path("invitationsSealedFor").asText())
                .isEqualTo(fingerprint);

        LiveClient organiser = hub.client(organiserToken).join(assemblyId);
        JsonNode reissued = organiser.call("r", "reissue-invitation", new JsonObject().put("personId", "m2"));
        assertThat(reissued.path("type").asText()).isEqualTo("ack");
        assertThat(reissued.path("result").has("token")).isFalse();
        assertThat(reissued.path("result").path("sealed").path("for").asText()).isEqualTo(fingerprint);
        // The organiser console saves the envelope with the hub's address, as the roster import's answer has it.
        Files.writeString(
                file,
                new JsonObject(reissued.path("result").toString())
                        .getJsonObject("sealed")
                        .put("publicUrl", hub.url())
                        .encode());
        assertThat(run(
                        "open",
                        file.toString(),
                        "--key",
                        officer.resolve("officer.key").toString()))
                .contains("m2,,http");
        LiveClient observer = hub.client(null).join(assemblyId);
        assertThat(observer.view().path("assembly").path("invitationsSealedFor").asText())
                .isEqualTo(fingerprint);
    }

    @Test
    void a_delivery_key_that_is_not_an_rsa_public_key_is_refused_when_creating_the_assembly() {
        hub = new TestHub();
        var created = hub.post(
                "/api/assemblies",
                "application/json",
                TestHub.BOOTSTRAP,
                new JsonObject()
                        .put("title", "Sealed")
                        .put("organiserName", "Olga")
                        .put("deliveryKey", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")
                        .encode());
        assertThat(created.statusCode()).isEqualTo(422);
        assertThat(created.body()).contains("invalid-args").contains("deliveryKey");
    }

    @Test
    void an_envelope_opens_only_with_the_officers_key() {
        var officer = SealedDelivery.newKeyPair();
        var other = SealedDelivery.newKeyPair();
        JsonObject envelope = SealedDelivery.seal(officer.getPublic(), Map.of("m1", "a.b"));
        assertThat(SealedDelivery.open(officer.getPrivate(), envelope)).containsEntry("m1", "a.b");
        Assertions.assertThatThrownBy(() -> SealedDelivery.open(other.getPrivate(), envelope))
                .isInstanceOf(IllegalArgumentException.class);
        envelope.put("data", envelope.getString("data").substring(4) + "AAAA");
        Assertions.assertThatThrownBy(() -> SealedDelivery.open(officer.getPrivate(), envelope))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
