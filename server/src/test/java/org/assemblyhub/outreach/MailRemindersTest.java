package org.assemblyhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.assemblyhub.outreach.domain.LinkKey;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Reminders through a real SMTP server: a day before one session and an hour before another, each member's current
 * link in it (or, for a printed link, the words to use it), what to prepare, in their language — and each only once.
 */
class MailRemindersTest {
    static final String ROSTER =
            """
            id,name,contact,language
            ana,Ana,ana@example.org,fr
            ben,Ben,ben@example.org,en
            hal,Hal,hal@example.org,fr
            """;

    final MailServer smtp = new MailServer(TestHub.freePort());
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        smtp.stop();
    }

    static String script() {
        return """
                title: "Rappels"
                sessions:
                  - id: learn
                    title: "Apprendre ensemble"
                    plannedStart: "%s"
                    segments:
                      - kind: learning
                        title: "Exposé"
                        minutes: 12
                        material: {title: "Le budget carbone de la ville", speaker: "Dr Karima Nguyen"}
                  - id: decide
                    title: "Décider"
                    plannedStart: "%s"
                    segments:
                      - kind: plenary
                        title: "Ouverture"
                        minutes: 10
                        prompt: "Bienvenue"
                """
                .formatted(Outreach.planned(Duration.ofHours(5)), Outreach.planned(Duration.ofMinutes(30)));
    }

    @Test
    void reminders_carry_the_current_link_and_what_to_prepare_and_go_once_each() {
        smtp.start();
        hub = TestHub.withOutreach(Outreach.mail(smtp.getSmtp().getPort()).withZone(Outreach.paris()));
        TestHub.Setup a = hub.createAssembly(false, ROSTER);
        HttpResponse<String> attached = hub.post(
                "/api/assemblies/" + a.assemblyId() + "/script", "text/yaml", a.token("organiser-1"), script());
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);

        // Hal keeps the printed link from the import: no invitation by e-mail for him.
        Outreach.invite(
                hub,
                a,
                new JsonObject().put("people", new JsonArray().add("ana").add("ben")));

        List<MimeMessage> mails = smtp.await(8);
        assertThat(mails).hasSize(8); // 2 invitations, 3 reminders the day before "learn", 3 an hour before "decide"
        String anaLink = Outreach.link(MailServer.body(MailServer.only(mails, "ana@example.org", "Invitation")));

        String anaDay = MailServer.body(MailServer.only(mails, "ana@example.org", "Demain : Apprendre ensemble"));
        assertThat(anaDay)
                .contains("Bonjour Ana", "À préparer", "Le budget carbone de la ville (Dr Karima Nguyen)")
                .contains(anaLink);
        String anaHour = MailServer.body(MailServer.only(mails, "ana@example.org", "Dans une heure : Décider"));
        assertThat(anaHour).contains(anaLink).contains("Rien à préparer");

        String benHour = MailServer.body(MailServer.only(mails, "ben@example.org", "In one hour: Décider"));
        assertThat(benHour)
                .contains("Hello Ben")
                .contains(Outreach.link(MailServer.body(MailServer.only(mails, "ben@example.org", "Invitation"))));

        String halDay = MailServer.body(MailServer.only(mails, "hal@example.org", "Demain : Apprendre ensemble"));
        assertThat(halDay)
                .as("a printed link cannot be made again: the reminder says to use it")
                .contains("Utilisez le lien personnel que vous avez reçu")
                .doesNotContain("/join/");
        assertThat(Outreach.opens(hub, hub.url() + "/join/" + a.token("hal"), "Hal"))
                .as("Hal's printed link still works")
                .isTrue();

        MailServer.pause(6_500); // more than one round of the postman
        assertThat(smtp.getReceivedMessages()).as("each reminder goes once").hasSize(8);
        JsonArray log = Outreach.logWith(hub, a, "sent", 8);
        assertThat(log.stream().map(m -> ((JsonObject) m).getString("kind")))
                .containsOnly("invitation", "reminder-day", "reminder-hour");
    }

    @Test
    void reminders_turned_off_are_not_sent() {
        smtp.start();
        hub = TestHub.withOutreach(Outreach.mail(smtp.getSmtp().getPort()));
        TestHub.Setup a = hub.createAssembly(false, ROSTER);
        Outreach.post(hub, a, "reminders", new JsonObject().put("on", false));
        hub.post("/api/assemblies/" + a.assemblyId() + "/script", "text/yaml", a.token("organiser-1"), script());

        HttpResponse<String> off = Outreach.post(hub, a, "reminders", new JsonObject().put("on", false));

        assertThat(new JsonObject(off.body()).getBoolean("reminders")).isFalse();
        MailServer.pause(6_500);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(Outreach.log(hub, a)).isEmpty();
    }

    @Test
    void a_member_who_stopped_their_reminders_gets_none_and_the_link_in_each_reminder_stops_them_in_one_click()
            throws Exception {
        smtp.start();
        hub = TestHub.withOutreach(Outreach.mail(smtp.getSmtp().getPort()));
        TestHub.Setup a = hub.createAssembly(false, ROSTER);
        // Ana's own reminders link, as every reminder of hers would carry it (made from the hub's link secret).
        LinkKey key = new LinkKey(Base64.getDecoder()
                .decode(Files.readString(hub.dataDir().resolve("link-secret")).strip()));
        String anaApi = "/api/reminders/" + a.assemblyId() + "/ana/" + key.remindersKey(a.assemblyId(), "ana");
        HttpResponse<String> stopped = hub.post(
                anaApi,
                "application/json",
                null,
                new JsonObject().put("on", false).encode());
        assertThat(new JsonObject(stopped.body()).getBoolean("reminders"))
                .as(stopped.body())
                .isFalse();
        HttpResponse<String> forged = hub.post(
                anaApi.substring(0, anaApi.lastIndexOf('/') + 1) + key.remindersKey(a.assemblyId(), "ben"),
                "application/json",
                null,
                new JsonObject().put("on", true).encode());
        assertThat(forged.statusCode()).as("a key is its member's own").isEqualTo(404);
        assertThat(new JsonObject(forged.body()).getString("code")).isEqualTo("no-such-link");

        hub.post("/api/assemblies/" + a.assemblyId() + "/script", "text/yaml", a.token("organiser-1"), script());
        Outreach.invite(
                hub,
                a,
                new JsonObject().put("people", new JsonArray().add("ana").add("ben")));
        List<MimeMessage> mails = smtp.await(6); // 2 invitations; Ben's and Hal's reminders, 2 each; none for Ana
        MailServer.pause(6_500); // more than one round of the postman
        assertThat(smtp.getReceivedMessages())
                .as("nothing for Ana but her invitation")
                .hasSize(6);
        MailServer.only(mails, "ana@example.org", "Invitation");
        JsonObject log = new JsonObject(
                Outreach.logResponse(hub, a, a.token("organiser-1")).body());
        assertThat(log.getJsonArray("remindersStopped")).containsExactly("ana");

        MimeMessage benHour = MailServer.only(mails, "ben@example.org", "In one hour: Décider");
        String stop = hub.url() + "/r/" + a.assemblyId() + "/ben/" + key.remindersKey(a.assemblyId(), "ben");
        assertThat(benHour.getHeader("List-Unsubscribe", null)).isEqualTo("<" + stop + ">");
        assertThat(benHour.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(MailServer.body(benHour)).contains("Not to get these reminders any more: " + stop);
        assertThat(MailServer.only(mails, "ben@example.org", "Invitation").getHeader("List-Unsubscribe"))
                .as("only reminders can be stopped")
                .isNull();
        HttpResponse<String> page = hub.get(stop.substring(hub.url().length()), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("reminders-page.js");

        // What a mail program's "unsubscribe" button sends (RFC 8058).
        HttpResponse<String> oneClick = hub.send(HttpRequest.newBuilder(URI.create(stop))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build());
        assertThat(oneClick.statusCode()).as(oneClick.body()).isEqualTo(200);
        String benApi = stop.substring(hub.url().length()).replace("/r/", "/api/reminders/");
        assertThat(new JsonObject(hub.get(benApi, null).body()).getBoolean("reminders"))
                .isFalse();
        log = new JsonObject(
                Outreach.logResponse(hub, a, a.token("organiser-1")).body());
        assertThat(log.getJsonArray("remindersStopped")).containsExactlyInAnyOrder("ana", "ben");

        // Ana changes her mind on her page: reminders again.
        HttpResponse<String> again = hub.post(
                anaApi,
                "application/json",
                null,
                new JsonObject().put("on", true).encode());
        assertThat(new JsonObject(again.body()).getBoolean("reminders"))
                .as(again.body())
                .isTrue();
    }
}
