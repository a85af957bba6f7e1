package org.assemblyhub.outreach;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.OutreachConfig;
import org.assemblyhub.testing.TestHub;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The organiser's outreach requests as a test makes them (Bearer: the organiser's link token), and its settings. */
public final class Outreach {
    static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/join/[A-Za-z0-9._-]+");

    private Outreach() {}

    /**
     * E-mail through the test's SMTP server on {@code smtpPort}; a first retry after one second; a try fails after 3 s
     * of silence (while the test's server is down, something else may listen on its port).
     */
    public static OutreachConfig mail(int smtpPort) {
        return OutreachConfig.NONE
                .withMail(new OutreachConfig.Mail(
                        "127.0.0.1",
                        smtpPort,
                        OutreachConfig.StartTls.DISABLED,
                        false,
                        null,
                        null,
                        "assembly@hub.example",
                        "team@hub.example",
                        Duration.ofSeconds(3)))
                .withFirstRetry(Duration.ofSeconds(1));
    }

    static HttpResponse<String> post(TestHub hub, TestHub.Setup a, String what, JsonObject body) {
        return hub.post(
                "/api/assemblies/" + a.assemblyId() + "/outreach/" + what,
                "application/json",
                a.token("organiser-1"),
                body.encode());
    }

    static JsonObject invite(TestHub hub, TestHub.Setup a, JsonObject body) {
        HttpResponse<String> answer = post(hub, a, "invitations", body);
        if (answer.statusCode() != 200) throw new AssertionError(answer.statusCode() + " " + answer.body());
        return new JsonObject(answer.body());
    }

    static HttpResponse<String> logResponse(TestHub hub, TestHub.Setup a, String token) {
        return hub.send(
                HttpRequest.newBuilder(URI.create(hub.url() + "/api/assemblies/" + a.assemblyId() + "/outreach"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build());
    }

    static JsonArray log(TestHub hub, TestHub.Setup a) {
        HttpResponse<String> answer = logResponse(hub, a, a.token("organiser-1"));
        if (answer.statusCode() != 200) throw new AssertionError(answer.statusCode() + " " + answer.body());
        return new JsonObject(answer.body()).getJsonArray("messages");
    }

    /** The log once {@code count} of its messages have this status (waiting up to 60 s). */
    static JsonArray logWith(TestHub hub, TestHub.Setup a, String status, int count) {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonArray log = log(hub, a);
            long n = log.stream()
                    .filter(m -> status.equals(((JsonObject) m).getString("status")))
                    .count();
            if (n >= count) return log;
            if (Instant.now().isAfter(end)) throw new AssertionError(count + " " + status + "? " + log.encode());
            MailServer.pause(200);
        }
    }

    public static String link(String body) {
        Matcher m = LINK.matcher(body);
        if (!m.find()) throw new AssertionError("no link in:\n" + body);
        return m.group();
    }

    /** Whether the link opens the assembly's join page for {@code name}. */
    static boolean opens(TestHub hub, String link, String name) {
        HttpResponse<String> page =
                hub.send(HttpRequest.newBuilder(URI.create(link)).GET().build());
        return page.statusCode() == 200 && page.body().contains(name);
    }

    static String planned(Duration fromNow) {
        return Instant.now().plus(fromNow).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static ZoneId paris() {
        return ZoneId.of("Europe/Paris");
    }
}
