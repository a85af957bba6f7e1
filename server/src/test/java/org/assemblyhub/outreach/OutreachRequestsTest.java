package org.assemblyhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The organiser's outreach requests refused with a clear code before any work, and the results sent once. */
class OutreachRequestsTest {
    static final String ROSTER =
            """
            id,name,contact,language
            ana,Ana,ana@example.org,fr
            ben,Ben,ben@example.org,en
            """;

    final MailServer smtp = new MailServer(TestHub.freePort());
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        smtp.stop();
    }

    private TestHub.Setup mailing() {
        smtp.start();
        hub = TestHub.withOutreach(Outreach.mail(smtp.getSmtp().getPort()));
        return hub.createAssembly(false, ROSTER);
    }

    static String code(HttpResponse<String> answer) {
        return new JsonObject(answer.body()).getString("code");
    }

    @Test
    void only_organisers_may_send_and_the_role_is_checked_before_the_body() {
        TestHub.Setup a = mailing();

        HttpResponse<String> member = hub.post(
                "/api/assemblies/" + a.assemblyId() + "/outreach/invitations",
                "text/plain",
                a.token("ana"),
                "nonsense");
        HttpResponse<String> nobody =
                hub.post("/api/assemblies/" + a.assemblyId() + "/outreach/invitations", "application/json", null, "{}");
        HttpResponse<String> log = Outreach.logResponse(hub, a, a.token("ben"));

        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(code(member)).isEqualTo("forbidden");
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(code(nobody)).isEqualTo("invitation-required");
        assertThat(log.statusCode()).isEqualTo(403);
    }

    @Test
    void a_malformed_body_or_unknown_people_are_refused_and_nothing_is_sent() {
        TestHub.Setup a = mailing();
        String path = "/api/assemblies/" + a.assemblyId() + "/outreach/invitations";

        HttpResponse<String> notJson = hub.post(path, "text/plain", a.token("organiser-1"), "{}");
        HttpResponse<String> badList = Outreach.post(hub, a, "invitations", new JsonObject().put("people", "ana"));
        HttpResponse<String> note = Outreach.post(hub, a, "invitations", new JsonObject().put("note", "hello"));
        HttpResponse<String> unknown = Outreach.post(
                hub,
                a,
                "invitations",
                new JsonObject().put("people", new JsonArray().add("ana").add("zed")));
        HttpResponse<String> reminders = Outreach.post(hub, a, "reminders", new JsonObject().put("on", "yes"));

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(code(notJson)).isEqualTo("malformed-json");
        assertThat(badList.statusCode()).isEqualTo(422);
        assertThat(code(badList)).isEqualTo("invalid-args");
        assertThat(code(note)).isEqualTo("invalid-args");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("no-such-person");
        assertThat(new JsonObject(unknown.body()).getJsonArray("people")).containsExactly("zed");
        assertThat(code(reminders)).isEqualTo("invalid-args");
        MailServer.pause(1_000);
        assertThat(Outreach.log(hub, a)).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_hub_without_a_mail_server_or_gateway_says_so() {
        hub = new TestHub();
        TestHub.Setup a = hub.createAssembly(false, ROSTER);

        HttpResponse<String> answer = Outreach.post(hub, a, "invitations", new JsonObject());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(code(answer)).isEqualTo("outreach-off");
        HttpResponse<String> log = Outreach.logResponse(hub, a, a.token("organiser-1"));
        assertThat(log.statusCode())
                .as("reading the log is no error: it says the outreach is off")
                .isEqualTo(200);
        assertThat(new JsonObject(log.body()).getBoolean("off")).isTrue();
    }

    @Test
    void invitations_sealed_for_a_delivery_officer_are_not_sent_by_the_hub() throws Exception {
        smtp.start();
        hub = TestHub.withOutreach(Outreach.mail(smtp.getSmtp().getPort()));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(3072);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(rsa.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        HttpResponse<String> created = hub.send(HttpRequest.newBuilder(URI.create(hub.url() + "/api/assemblies"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestHub.BOOTSTRAP)
                .POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject()
                                .put("title", "Sealed")
                                .put("deliveryKey", pem)
                                .encode(),
                        StandardCharsets.UTF_8))
                .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject assembly = new JsonObject(created.body());
        TestHub.Setup a = new TestHub.Setup(
                assembly.getString("id"), Map.of("organiser-1", TestHub.tokenOf(assembly.getString("organiserLink"))));

        HttpResponse<String> answer = Outreach.post(hub, a, "invitations", new JsonObject());

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(code(answer)).isEqualTo("invitations-sealed");
    }

    @Test
    void the_results_go_once_to_everyone_with_a_link_with_the_organisers_note() {
        TestHub.Setup a = mailing();

        JsonObject sent = new JsonObject(
                Outreach.post(hub, a, "results", new JsonObject().put("note", "Merci à toutes et à tous."))
                        .body());
        List<MimeMessage> mails = smtp.await(2);
        JsonObject again = new JsonObject(
                Outreach.post(hub, a, "results", new JsonObject()).body());

        assertThat(sent.getJsonArray("queued")).hasSize(2);
        String ana = MailServer.body(MailServer.only(mails, "ana@example.org", "Résultats : Test assembly"));
        assertThat(ana)
                .contains("Merci à toutes et à tous.", hub.url() + "/a/" + a.assemblyId())
                .as("Ana's printed link cannot be made again: she is told to use it")
                .contains("Utilisez le lien personnel");
        assertThat(again.getJsonArray("queued")).isEmpty();
        assertThat(again.getJsonArray("skipped").stream().map(s -> ((JsonObject) s).getString("code")))
                .containsOnly("already-sent");
    }
}
