package org.assemblyhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What becomes of messages when the SMTP server is down, when the hub restarts, and when the server refuses a
 * recipient: queued and retried, never lost, never sent twice, and a refusal shown to the organiser as a bounce.
 */
class MailDeliveryTest {
    static final String ROSTER =
            """
            id,name,contact,language
            ana,Ana,ana@example.org,fr
            ben,Ben,ben@example.org,en
            """;

    final int smtpPort = TestHub.freePort();
    final MailServer smtp = new MailServer(smtpPort);
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        smtp.stop();
    }

    @Test
    void a_server_that_is_down_is_tried_again_across_a_restart_and_each_message_arrives_once() throws Exception {
        Path data = TestHub.newDataDir();
        int port = TestHub.freePort();
        hub = TestHub.withOutreach(Outreach.mail(smtpPort), data, port);
        TestHub.Setup a = hub.createAssembly(false, ROSTER);

        JsonObject answer = Outreach.invite(hub, a, new JsonObject());

        assertThat(answer.getJsonArray("queued")).hasSize(2);
        JsonArray log = Outreach.logWith(hub, a, "retrying", 2);
        JsonObject first = log.getJsonObject(0);
        assertThat(first.getInteger("failures")).isPositive();
        assertThat(first.getString("reason")).isNotBlank();
        String outbox = Files.readString(data.resolve("outreach").resolve(a.assemblyId() + ".jsonl"));
        assertThat(outbox).contains("ana@example.org").doesNotContain("/join/").doesNotContain(a.assemblyId() + ".");

        hub.stop(); // messages owed, on disk only
        smtp.start();
        hub.start();

        List<MimeMessage> mails = smtp.await(2);
        assertThat(mails).hasSize(2);
        String link = Outreach.link(MailServer.body(MailServer.only(mails, "ana@example.org", "Invitation")));
        assertThat(Outreach.opens(hub, link, "Ana")).isTrue();
        Outreach.logWith(hub, a, "sent", 2);

        hub.stop();
        hub.start();
        MailServer.pause(6_500); // a restart and more than one round of the postman
        assertThat(smtp.getReceivedMessages())
                .as("sent messages are never sent again")
                .hasSize(2);
        assertThat(Outreach.log(hub, a)).hasSize(2);
    }

    @Test
    void a_refused_recipient_is_a_bounce_in_the_log_and_the_others_still_get_theirs() {
        smtp.start();
        hub = TestHub.withOutreach(Outreach.mail(smtpPort));
        TestHub.Setup a = hub.createAssembly(false, ROSTER + "nob,Nob,nobody@example.org,en\n");

        Outreach.invite(hub, a, new JsonObject());

        JsonArray log = Outreach.logWith(hub, a, "bounced", 1);
        JsonObject bounce = log.stream()
                .map(JsonObject.class::cast)
                .filter(m -> m.getString("status").equals("bounced"))
                .findFirst()
                .orElseThrow();
        assertThat(bounce.getString("to")).isEqualTo("nobody@example.org");
        assertThat(bounce.getString("reason")).startsWith("550");
        assertThat(bounce.getInteger("failures"))
                .as("a refusal is not tried again")
                .isZero();
        Outreach.logWith(hub, a, "sent", 2);
        MailServer.pause(3_000);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(Outreach.log(hub, a).stream().map(JsonObject.class::cast).filter(m -> m.getString("status")
                        .equals("bounced")))
                .hasSize(1);
    }

    @Test
    void a_server_that_takes_the_connection_and_stays_silent_fails_the_try_which_is_retried_later() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) held.add(silent.accept()); // never a greeting: a frozen server
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            hub = TestHub.withOutreach(Outreach.mail(silent.getLocalPort()));
            TestHub.Setup a = hub.createAssembly(false, ROSTER);

            Outreach.invite(hub, a, new JsonObject());

            JsonArray log = Outreach.logWith(hub, a, "retrying", 2);
            assertThat(log.getJsonObject(0).getString("reason")).isNotBlank();
            for (Socket s : held) s.close();
        }
    }
}
