package org.assemblyhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Invitations by e-mail through a real SMTP server (GreenMail): each member's language, their own working link. */
class MailInvitationsTest {
    static final String ROSTER =
            """
            id,name,contact,language
            ana,Ana,ana@example.org,fr
            ben,Ben,ben@example.org,en
            cleo,Cléo,+33 6 12 34 56 78,fr
            dan,Dan,,
            eve,Eve,not an address,
            fay,Fay,home@example.org,
            gus,Gus,HOME@example.org,
            """;

    final MailServer smtp = new MailServer(TestHub.freePort());
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        smtp.stop();
    }

    @Test
    void invitations_arrive_in_each_members_language_with_a_personal_link_that_opens_the_assembly() throws Exception {
        smtp.start();
        hub = TestHub.withOutreach(Outreach.mail(smtp.getSmtp().getPort()));
        TestHub.Setup a = hub.createAssembly(false, ROSTER);

        JsonObject answer = Outreach.invite(hub, a, new JsonObject());

        assertThat(answer.getJsonArray("queued").stream().map(q -> ((JsonObject) q).getString("personId")))
                .containsExactly("ana", "ben");
        Map<String, String> skipped = new TreeMap<>();
        answer.getJsonArray("skipped")
                .forEach(s -> skipped.put(((JsonObject) s).getString("personId"), ((JsonObject) s).getString("code")));
        assertThat(skipped)
                .containsEntry("cleo", "no-sms-gateway")
                .containsEntry("dan", "no-contact")
                .containsEntry("eve", "invalid-contact")
                .containsEntry("fay", "duplicate-contact")
                .containsEntry("gus", "duplicate-contact");

        List<MimeMessage> mails = smtp.await(2);
        assertThat(mails).hasSize(2);
        MimeMessage ana = MailServer.only(mails, "ana@example.org", "Invitation : Test assembly");
        MimeMessage ben = MailServer.only(mails, "ben@example.org", "Invitation: Test assembly");
        assertThat(MailServer.body(ana)).contains("Bonjour Ana", "Votre lien personnel");
        assertThat(ana.getHeader("Message-ID"))
                .as("one Message-ID, the same on every try of this message")
                .singleElement()
                .asString()
                .matches("<m[0-9a-f]{16}\\." + a.assemblyId() + "@127\\.0\\.0\\.1>");
        assertThat(ana.getHeader("Reply-To")).containsExactly("team@hub.example");
        assertThat(ana.getFrom()[0].toString()).isEqualTo("assembly@hub.example");
        assertThat(MailServer.body(ben)).contains("Hello Ben", "Your personal link");
        String anaLink = Outreach.link(MailServer.body(ana));
        assertThat(anaLink).contains("/join/" + a.assemblyId() + ".");
        assertThat(Outreach.opens(hub, anaLink, "Ana")).isTrue();
        assertThat(Outreach.opens(hub, Outreach.link(MailServer.body(ben)), "Ben"))
                .isTrue();
        assertThat(Outreach.opens(hub, hub.url() + "/join/" + a.token("ana"), "Ana"))
                .as("the printed link from the import is replaced by the e-mailed one")
                .isFalse();
    }

    @Test
    void sending_again_skips_who_has_it_and_the_log_says_who_got_what_without_the_link() {
        smtp.start();
        hub = TestHub.withOutreach(Outreach.mail(smtp.getSmtp().getPort()));
        TestHub.Setup a = hub.createAssembly(false, ROSTER);
        Outreach.invite(hub, a, new JsonObject());
        smtp.await(2);

        JsonObject again = Outreach.invite(hub, a, new JsonObject().put("people", new JsonArray().add("ana")));

        assertThat(again.getJsonArray("queued")).isEmpty();
        assertThat(again.getJsonArray("skipped").getJsonObject(0).getString("code"))
                .isEqualTo("already-sent");
        JsonArray log = Outreach.logWith(hub, a, "sent", 2);
        assertThat(log).hasSize(2);
        JsonObject toAna = log.getJsonObject(0);
        assertThat(toAna.getString("kind")).isEqualTo("invitation");
        assertThat(toAna.getString("channel")).isEqualTo("email");
        assertThat(toAna.getString("to")).isEqualTo("ana@example.org");
        assertThat(toAna.getString("name")).isEqualTo("Ana");
        assertThat(toAna.getString("status")).isEqualTo("sent");
        assertThat(log.encode()).doesNotContain("/join/").doesNotContain(a.assemblyId() + ".");

        JsonObject resent = Outreach.invite(
                hub,
                a,
                new JsonObject().put("people", new JsonArray().add("ana")).put("resend", true));
        assertThat(resent.getJsonArray("queued")).hasSize(1);
        List<MimeMessage> mails = smtp.await(3);
        assertThat(mails).hasSize(3);
        List<String> links = mails.stream()
                .filter(m -> MailServer.to(m).equals("ana@example.org"))
                .map(m -> Outreach.link(MailServer.body(m)))
                .toList();
        assertThat(links).hasSize(2);
        assertThat(links.get(1))
                .as("a resent invitation carries the same link: it still works, nothing was replaced")
                .isEqualTo(links.get(0));
    }
}
