package org.assemblyhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The outbox lives outside the journal, so crypto-shredding does not reach it: when a person is erased, the outreach
 * forgets their address (and the server's words about their messages, which may name it) by itself.
 */
class OutreachErasureTest {
    final MailServer smtp = new MailServer(TestHub.freePort());
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        smtp.stop();
    }

    @Test
    void an_erased_persons_address_leaves_the_outbox_and_the_log() throws Exception {
        smtp.start();
        hub = TestHub.withOutreach(Outreach.mail(smtp.getSmtp().getPort()));
        TestHub.Setup a = hub.createAssembly(
                false,
                """
                id,name,contact,language
                ana,Ana,ana@example.org,fr
                nob,Nob,nobody-canary@example.org,en
                """);
        Outreach.invite(hub, a, new JsonObject());
        Outreach.logWith(hub, a, "sent", 1);
        Outreach.logWith(hub, a, "bounced", 1);
        Path outbox = hub.dataDir().resolve("outreach").resolve(a.assemblyId() + ".jsonl");
        assertThat(Files.readString(outbox)).contains("ana@example.org", "nobody-canary@example.org");

        LiveClient organiser = hub.client(a.token("organiser-1")).join(a.assemblyId());
        for (String person : new String[] {"ana", "nob"}) {
            JsonNode erased =
                    organiser.call("erase-" + person, "erase-person", new JsonObject().put("personId", person));
            assertThat(erased.path("type").asText()).as(erased.toString()).isEqualTo("ack");
        }

        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (Files.readString(outbox).contains("example.org") && Instant.now().isBefore(end)) MailServer.pause(200);
        assertThat(Files.readString(outbox)).doesNotContain("ana@example.org").doesNotContain("nobody-canary");
        JsonArray log = Outreach.log(hub, a);
        assertThat(log).hasSize(2);
        assertThat(log.encode())
                .doesNotContain("example.org")
                .doesNotContain("Ana")
                .doesNotContain("Nob");
        assertThat(log.getJsonObject(0).getString("status")).isIn("sent", "bounced");

        hub.stop();
        hub.start();
        assertThat(Outreach.log(hub, a).encode()).as("after a restart too").doesNotContain("example.org");
    }
}
