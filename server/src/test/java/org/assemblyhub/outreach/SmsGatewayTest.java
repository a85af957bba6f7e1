package org.assemblyhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.OutreachConfig;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Text messages for members with a telephone number: a POST of JSON to the operator's gateway with the shared secret;
 * the gateway's refusal of a number is a bounce. The gateway here is the test's own small HTTP server.
 */
class SmsGatewayTest {
    static final String SECRET = "shared-secret-0123456789";
    final Vertx vertx = Vertx.vertx();
    final List<JsonObject> received = new CopyOnWriteArrayList<>();
    TestHub hub;

    @AfterEach
    void stop() throws Exception {
        if (hub != null) hub.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Takes every number but the one that "does not exist"; refuses requests without the secret. */
    private int gateway() throws Exception {
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    if (!SECRET.equals(request.getHeader("X-Hub-Secret"))) {
                        request.response().setStatusCode(401).end();
                        return;
                    }
                    JsonObject message = body.toJsonObject();
                    received.add(message);
                    boolean unknown = message.getString("to").startsWith("+44");
                    request.response().setStatusCode(unknown ? 410 : 202).end(unknown ? "no such number" : "");
                }));
        return server.listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .actualPort();
    }

    @Test
    void members_without_e_mail_get_their_invitation_by_text_message_and_an_unknown_number_bounces() throws Exception {
        int port = gateway();
        OutreachConfig sms = OutreachConfig.NONE
                .withSms(new OutreachConfig.Sms(URI.create("http://127.0.0.1:" + port + "/sms"), SECRET))
                .withFirstRetry(Duration.ofSeconds(1));
        hub = TestHub.withOutreach(sms);
        TestHub.Setup a = hub.createAssembly(
                false,
                """
                id,name,contact,language
                cleo,Cléo,+33 6 12 34 56 78,fr
                ian,Ian,+44 7700 900000,en
                ana,Ana,ana@example.org,fr
                """);

        JsonObject answer = Outreach.invite(hub, a, new JsonObject());

        assertThat(answer.getJsonArray("skipped").getJsonObject(0).getString("code"))
                .isEqualTo("no-mail-server");
        JsonArray log = Outreach.logWith(hub, a, "sent", 1);
        Outreach.logWith(hub, a, "bounced", 1);
        JsonObject cleo = received.stream()
                .filter(m -> m.getString("to").startsWith("+33"))
                .findFirst()
                .orElseThrow();
        assertThat(cleo.getString("to")).isEqualTo("+33 6 12 34 56 78");
        assertThat(cleo.getString("id")).isNotBlank();
        assertThat(cleo.getString("text")).contains("Cléo");
        assertThat(Outreach.opens(hub, Outreach.link(cleo.getString("text")), "Cléo"))
                .isTrue();
        JsonObject bounce = Outreach.log(hub, a).stream()
                .map(JsonObject.class::cast)
                .filter(m -> m.getString("status").equals("bounced"))
                .findFirst()
                .orElseThrow();
        assertThat(bounce.getString("channel")).isEqualTo("sms");
        assertThat(bounce.getString("reason")).contains("410").contains("no such number");
        assertThat(log.encode()).doesNotContain("/join/");
    }
}
