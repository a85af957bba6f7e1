package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.assemblyhub.testing.TestVideos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The member's learning screens in real Chromium (docs/learning.md): a talk watched to the end marks itself done, the
 * agenda says when the next session is and what to prepare for it, and questions to the experts travel live between
 * members, the facilitator, the expert and the public. Screenshots at 360 px in target/screens/learning-*.png.
 */
class LearningIT {
    static final String ROSTER =
            """
            id,name,role
            f1,Fatou Diallo,facilitator
            m1,Aïcha Benali,member
            m2,Bernard Morel,member
            e1,Claire Martin,expert
            """;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static TestHub hub;
    static Playwright playwright;
    static Browser browser;
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        hub = new TestHub();
        playwright = Playwright.create();
        browser = Chromium.launch(playwright, List.of("--autoplay-policy=no-user-gesture-required"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (hub != null) hub.close();
    }

    @Test
    void a_member_watches_a_short_captioned_talk_to_the_end_and_it_is_marked_done() throws IOException {
        TestHub.Setup setup = hub.createAssembly(true, ROSTER);
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        Path video = Files.createTempDirectory("learning-it").resolve("talk.mp4");
        TestVideos.mp4(video, 4);
        String videoHash = upload(setup, "video", "talk.mp4", Files.readAllBytes(video));
        String captionsHash =
                upload(setup, "captions", "talk.vtt", TestVideos.captions().getBytes(StandardCharsets.UTF_8));
        String transcriptHash = upload(
                setup,
                "markdown",
                "talk.md",
                "# Transcript\n\nTrucks and **cars** emit most.\n".getBytes(StandardCharsets.UTF_8));
        String moduleId = publishModule(organiser, "Week 1: where our emissions come from");
        String itemId = result(organiser.call(
                        "item",
                        "publish-item",
                        new JsonObject()
                                .put("moduleId", moduleId)
                                .put("kind", "talk")
                                .put("title", "Transport and emissions")
                                .put("speaker", "Claire Martin")
                                .put("file", videoHash)
                                .put("captions", captionsHash)
                                .put("transcript", transcriptHash)
                                .put("durationSeconds", 4)
                                .put("public", true)))
                .path("itemId")
                .asText();

        Page member = open(setup, "m1", "en-GB", 360, 800);
        Locator item = member.locator("[data-testid=learn-item][data-item=\"" + itemId + "\"]");
        assertThat(item).containsText("Transport and emissions");
        assertThat(item).containsText("Claire Martin · 4 s");
        assertThat(item.locator("[data-testid=learn-done-state]")).hasAttribute("data-done", "false");
        Locator player = item.locator("[data-testid=learn-video]");
        assertThat(player.locator("track[kind=captions]")).hasCount(1);
        // The captions are loaded: the track shows and has cues.
        member.waitForFunction(
                "v => v.textTracks.length === 1 && v.textTracks[0].mode === 'showing'"
                        + " && v.textTracks[0].cues && v.textTracks[0].cues.length > 0",
                player.elementHandle());

        // The transcript, rendered by the hub, opens under the video.
        item.getByText("Read the transcript").click();
        assertThat(item.locator("[data-testid=learn-transcript-text] strong")).hasText("cars");
        assertThat(item.locator("[data-testid=learn-transcript-text]")).containsText("Trucks and cars emit most.");

        // Jumping to the end is not watching.
        player.evaluate("async v => { v.muted = true; v.currentTime = v.duration - 0.3; await v.play(); }");
        member.waitForFunction("v => v.ended", player.elementHandle());
        member.waitForTimeout(500);
        assertThat(item.locator("[data-testid=learn-done-state]")).hasAttribute("data-done", "false");
        player.evaluate("async v => { v.currentTime = 0; await v.play(); }");
        member.waitForFunction("v => v.ended", player.elementHandle());
        // Played for real, muted, from start to end: the played ranges cover the whole video.
        assertThat(((Number) player.evaluate(
                                "v => { let s = 0; for (let i = 0; i < v.played.length; i++) s += v.played.end(i) - v.played.start(i);"
                                        + " return s / v.duration; }"))
                        .doubleValue())
                .isGreaterThan(0.9);
        assertThat(item.locator("[data-testid=learn-done-state]")).hasAttribute("data-done", "true");
        assertThat(item.locator("[data-testid=learn-done-state]")).containsText("Done");

        LiveClient sameMember = hub.client(setup.token("m1")).join(setup.assemblyId());
        JsonNode mine = result(sameMember.call("mine", "learning-mine", new JsonObject()));
        assertThat(mine.path("done").toString()).contains("\"" + itemId + "\"");
        member.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/learning-talk-360.png"))
                .setFullPage(true));

        // Done is explicit too, and can be taken back; the button keeps the focus.
        Locator button = item.locator("[data-testid=learn-done-button]");
        assertThat(button).hasText("Mark as not done");
        button.click();
        assertThat(item.locator("[data-testid=learn-done-state]")).hasAttribute("data-done", "false");
        assertThat(button).hasText("Mark as done");
        assertThat(button).isFocused();
        assertThat(consoleErrors).isEmpty();
        sameMember.close();
        organiser.close();
        member.context().close();
    }

    @Test
    void the_agenda_shows_the_next_sessions_date_in_french_and_what_to_prepare_for_it() {
        TestHub.Setup setup = hub.createAssembly(true, ROSTER);
        LocalDate day = LocalDate.now(PARIS).plusDays(9);
        Instant start = day.atTime(LocalTime.of(18, 30)).atZone(PARIS).toInstant();
        String script =
                """
                title: Learning evenings
                sessions:
                  - id: learning-1
                    title: Where our emissions come from
                    plannedStart: "%s"
                    segments:
                      - kind: learning
                        title: "Exposé : les transports"
                        minutes: 12
                        material: {title: "Le rapport du Haut Conseil", speaker: Claire Martin, url: "https://example.org/slides"}
                        qa: true
                  - id: learning-2
                    title: What others have done
                    plannedStart: "%s"
                    segments:
                      - {kind: plenary, title: Welcome, minutes: 10, prompt: Hello}
                """
                        .formatted(start, start.plusSeconds(7 * 24 * 3600));
        HttpResponse<String> attached = hub.post(
                "/api/assemblies/" + setup.assemblyId() + "/script", "text/yaml", setup.token("organiser-1"), script);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        String moduleId = publishModule(organiser, "Semaine 1");
        String report = publishLink(organiser, moduleId, "Le rapport du Haut Conseil", "learning-1");
        String other = publishLink(organiser, moduleId, "Les chiffres clés", "learning-1");

        Page member = open(setup, "m1", "fr-FR", 360, 800);
        String when = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH).format(day) + ", 18 h 30";
        assertThat(member.locator("[data-testid=learn-next]")).containsText("Prochaine séance : " + when);
        assertThat(member.locator("[data-testid=learn-next]")).containsText("Where our emissions come from");
        Locator first = member.locator("[data-testid=learn-session][data-session=learning-1]");
        assertThat(first).hasClass("next");
        assertThat(first.locator("[data-testid=prepare-item]")).hasCount(2);
        assertThat(first).containsText("Le rapport du Haut Conseil");
        assertThat(member.locator("[data-testid=learn-next-step]"))
                .containsText("Encore 2 à préparer pour la prochaine séance.");

        // Done by hand: ticked in the agenda, one left.
        Locator item = member.locator("[data-testid=learn-item][data-item=\"" + report + "\"]");
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Marquer comme fait"))
                .click();
        assertThat(first.locator("[data-testid=prepare-item][data-done=true]")).hasCount(1);
        assertThat(first.locator("[data-testid=prepare-item][data-done=true]")).containsText("Le rapport");
        assertThat(member.locator("[data-testid=learn-next-step]")).containsText("Encore 1 à préparer");
        assertThat(member.locator("[data-testid=learn-next-step] a")).hasText("Commencer par « Les chiffres clés »");
        assertThat(other).isNotBlank();
        assertThat((Integer) member.evaluate("document.documentElement.scrollWidth"))
                .as("nothing wider than a 360-px phone")
                .isLessThanOrEqualTo(360);
        member.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/learning-agenda-360.png"))
                .setFullPage(true));

        // The session starts with a talk: what is learnt now and the live questions come first in the plenary.
        result(organiser.call("start", "start-session", new JsonObject().put("sessionId", "learning-1")));
        Locator now = member.locator("[data-testid=learn-now]");
        assertThat(now).containsText("Exposé : les transports");
        assertThat(now).containsText("Avec Claire Martin");
        assertThat(now.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Le rapport du Haut Conseil")))
                .hasAttribute("href", "#lm-item-" + report);
        assertThat(now.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ouvrir le support")))
                .hasAttribute("href", "https://example.org/slides");
        assertThat(member.locator("[data-testid=learn-questions]")).hasAttribute("data-live", "true");
        assertThat(first).containsText("en cours");
        assertThat(member.locator("[data-testid=learn-next]")).containsText("What others have done");
        member.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/learning-now-360.png"))
                .setFullPage(true));

        // The public sees the calendar, not what members prepare.
        Page observer = openPublic(setup, "en-GB");
        assertThat(observer.locator("[data-testid=learn-session]")).hasCount(2);
        assertThat(observer.locator("[data-testid=prepare-item]")).hasCount(0);
        assertThat(consoleErrors).isEmpty();
        organiser.close();
        member.context().close();
        observer.context().close();
    }

    @Test
    void a_question_waits_for_the_facilitator_gathers_a_vote_live_and_its_answer_reaches_the_public_archive() {
        TestHub.Setup setup = hub.createAssembly(true, ROSTER);
        String question = "Pourquoi les camions émettent-ils autant ?";
        // The learning screens show once something is published or planned (an assembly without learning has none).
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        publishModule(organiser, "Semaine 1");
        Page asker = open(setup, "m1", "en-GB", 360, 800);
        Page voter = open(setup, "m2", "fr-FR", 1280, 900);
        Page observer = openPublic(setup, "fr-FR");
        LiveClient facilitator = hub.client(setup.token("f1")).join(setup.assemblyId());
        LiveClient expert = hub.client(setup.token("e1")).join(setup.assemblyId());

        asker.getByLabel("Your question to the experts").fill(question);
        assertThat(asker.locator("#lm-ask-count")).hasText(question.length() + " of 300 characters");
        asker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my question"))
                .click();
        assertThat(asker.locator("[data-testid=learn-asked]")).containsText("waiting for a facilitator");
        Locator mine = asker.locator("[data-testid=learn-my-question]")
                .filter(new Locator.FilterOptions().setHasText("camions"));
        assertThat(mine).containsText(question);
        assertThat(mine).hasAttribute("data-status", "pending");

        // The facilitator sees it waiting; the other member does not see it yet.
        String questionId = facilitator
                .awaitView(v ->
                        v.path("learning").path("qa").path("pending").toString().contains("camions"))
                .path("learning")
                .path("qa")
                .path("pending")
                .get(0)
                .path("id")
                .asText();
        assertThat(voter.locator("[data-testid=learn-questions]")).not().containsText("camions");
        result(facilitator.call("approve", "approve-question", new JsonObject().put("questionId", questionId)));

        Locator seen = voter.locator("[data-testid=learn-question][data-question=\"" + questionId + "\"]");
        assertThat(seen).containsText(question);
        assertThat(seen.locator("[data-testid=learn-votes]")).hasText("0 vote");
        assertThat(mine).hasAttribute("data-status", "approved");
        Locator vote = seen.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Voter"));
        assertThat(vote).hasAttribute("aria-pressed", "false");
        vote.click();
        assertThat(seen.locator("[data-testid=learn-vote]")).hasAttribute("aria-pressed", "true");
        assertThat(seen.locator("[data-testid=learn-vote]")).isFocused();
        assertThat(asker.locator("[data-testid=learn-question][data-question=\"" + questionId + "\"]")
                        .locator("[data-testid=learn-votes]"))
                .hasText("1 vote");
        asker.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/learning-questions-360.png"))
                .setFullPage(true));

        // A question the facilitator hides: its author learns why (within the 15 s the page waits between asking).
        asker.getByLabel("Your question to the experts").fill("Et le foot ?");
        asker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my question"))
                .click();
        assertThat(asker.locator("[data-testid=learn-my-question][data-status=pending]"))
                .containsText("Et le foot ?");
        String offTopic = facilitator
                .awaitView(v ->
                        v.path("learning").path("qa").path("pending").toString().contains("foot"))
                .path("learning")
                .path("qa")
                .path("pending")
                .get(0)
                .path("id")
                .asText();
        result(facilitator.call(
                "hide",
                "hide-question",
                new JsonObject().put("questionId", offTopic).put("reason", "Hors sujet pour cette séance")));
        assertThat(asker.locator("[data-testid=learn-my-question][data-status=hidden]"))
                .containsText(
                        "Hidden by the facilitators: Hors sujet pour cette séance",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(25_000));

        // The expert answers in writing: the public archive has it, and so does the asker's list.
        result(expert.call(
                "answer",
                "answer-question",
                new JsonObject()
                        .put("questionId", questionId)
                        .put("text", "Parce qu'ils roulent beaucoup et au diesel.")));
        Locator archived = observer.locator("[data-testid=learn-answered][data-question=\"" + questionId + "\"]");
        assertThat(archived).containsText(question);
        assertThat(archived).containsText("Parce qu'ils roulent beaucoup et au diesel.");
        assertThat(observer.locator("[data-testid=learn-ask]")).hasCount(0);
        assertThat(observer.locator("[data-testid=learn-queue]")).hasCount(0);
        assertThat(mine).hasAttribute("data-status", "answered");
        assertThat(voter.locator("[data-testid=learn-archive]")).containsText("au diesel");
        observer.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/learning-archive-public.png"))
                .setFullPage(true));
        assertThat(consoleErrors).isEmpty();
        organiser.close();
        facilitator.close();
        expert.close();
        for (Page p : List.of(asker, voter, observer)) p.context().close();
    }

    @Test
    void a_member_opens_a_pdf_and_a_markdown_reading_and_sees_per_question_whether_each_quiz_choice_was_right()
            throws IOException {
        TestHub.Setup setup = hub.createAssembly(true, ROSTER);
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        String moduleId = publishModule(organiser, "Week 1");
        JsonObject quiz = new JsonObject()
                .put("kind", "quiz")
                .put("prompt", "Check what you remember")
                .put(
                        "questions",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("text", "Which sector emits most?")
                                        .put(
                                                "options",
                                                new JsonArray().add("Transport").add("Farming"))
                                        .put("correct", 0))
                                .add(new JsonObject()
                                        .put("text", "Since when are emissions counted?")
                                        .put(
                                                "options",
                                                new JsonArray().add("1990").add("2020"))
                                        .put("correct", 0)
                                        .put("feedback", "The reference year is 1990.")));
        String quizItem = publishItem(organiser, moduleId, "Key figures", quiz);
        String reflectionItem = publishItem(
                organiser,
                moduleId,
                "The report",
                new JsonObject().put("kind", "reflection").put("prompt", "Three things I learned"));

        String pdf = upload(setup, "pdf", "report.pdf", pdf(3));
        String markdown = upload(
                setup,
                "markdown",
                "summary.md",
                "# In short\n\nTransport is a **third** of it.\n".getBytes(StandardCharsets.UTF_8));
        String pdfItem = publishReading(organiser, moduleId, "The full report", pdf);
        String markdownItem = publishReading(organiser, moduleId, "The summary", markdown);

        Page member = open(setup, "m2", "en-GB", 360, 800);
        Locator pdfLink =
                member.locator("[data-testid=learn-item][data-item=\"" + pdfItem + "\"] [data-testid=learn-pdf]");
        assertThat(pdfLink).hasText("Open the PDF document (opens in a new tab)");
        assertThat(pdfLink).hasAttribute("target", "_blank");
        assertThat(pdfLink).hasAttribute("href", "/api/assemblies/" + setup.assemblyId() + "/files/" + pdf);
        assertThat(member.locator("[data-testid=learn-item][data-item=\"" + pdfItem + "\"]"))
                .containsText("3 pages, opens in a new tab");
        Locator reading = member.locator(
                "[data-testid=learn-item][data-item=\"" + markdownItem + "\"] [data-testid=learn-reading]");
        assertThat(reading.locator("h5")).hasText("In short");
        assertThat(reading.locator("strong")).hasText("third");

        Locator form =
                member.locator("[data-testid=learn-item][data-item=\"" + quizItem + "\"] [data-testid=learn-quiz]");
        form.getByLabel("Transport").check();
        form.getByLabel("2020").check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check my answers"))
                .click();
        Locator feedback = form.locator("[data-testid=learn-quiz-feedback]");
        assertThat(feedback).hasCount(2);
        assertThat(feedback.nth(0)).hasAttribute("data-correct", "true");
        assertThat(feedback.nth(0)).containsText("Right.");
        assertThat(feedback.nth(1)).hasAttribute("data-correct", "false");
        assertThat(feedback.nth(1)).containsText("The right answer: 1990. The reference year is 1990.");
        assertThat(form.locator("[data-testid=learn-quiz-score]")).hasText("Score: 1 out of 2");

        Locator reflection = member.locator(
                "[data-testid=learn-item][data-item=\"" + reflectionItem + "\"] [data-testid=learn-task]");
        reflection.getByLabel("Three things I learned").fill("Trucks matter; 1990 is the base; farming too.");
        reflection
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send my answer"))
                .click();
        assertThat(reflection).containsText("Your answer is saved.");
        member.reload();
        assertThat(reflection.getByLabel("Three things I learned"))
                .hasValue("Trucks matter; 1990 is the base; farming too.");
        assertThat(form.locator("[data-testid=learn-quiz-score]")).hasText("Score: 1 out of 2");
        member.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/learning-tasks-360.png"))
                .setFullPage(true));
        assertThat(consoleErrors).isEmpty();
        organiser.close();
        member.context().close();
    }

    /** Uploads a file as the organiser (Bearer invitation token); returns its hash. */
    private static String upload(TestHub.Setup setup, String kind, String name, byte[] bytes) {
        HttpResponse<String> response = hub.send(HttpRequest.newBuilder(URI.create(hub.url() + "/api/assemblies/"
                        + setup.assemblyId() + "/files?kind=" + kind + "&name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + setup.token("organiser-1"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new JsonObject(response.body()).getString("hash");
    }

    private static String publishModule(LiveClient organiser, String title) {
        return result(organiser.call(
                        "module-" + title.hashCode(),
                        "publish-module",
                        new JsonObject().put("title", title).put("public", true)))
                .path("moduleId")
                .asText();
    }

    private static String publishLink(LiveClient organiser, String moduleId, String title, String prepareFor) {
        return result(organiser.call(
                        "item-" + title.hashCode(),
                        "publish-item",
                        new JsonObject()
                                .put("moduleId", moduleId)
                                .put("kind", "link")
                                .put("title", title)
                                .put("url", "https://example.org/" + Math.abs(title.hashCode()))
                                .put("public", true)
                                .put("prepareFor", prepareFor)))
                .path("itemId")
                .asText();
    }

    private static String publishItem(LiveClient organiser, String moduleId, String title, JsonObject task) {
        return result(organiser.call(
                        "item-" + title.hashCode(),
                        "publish-item",
                        new JsonObject()
                                .put("moduleId", moduleId)
                                .put("kind", "link")
                                .put("title", title)
                                .put("url", "https://example.org/" + Math.abs(title.hashCode()))
                                .put("task", task)))
                .path("itemId")
                .asText();
    }

    private static String publishReading(LiveClient organiser, String moduleId, String title, String file) {
        return result(organiser.call(
                        "item-" + title.hashCode(),
                        "publish-item",
                        new JsonObject()
                                .put("moduleId", moduleId)
                                .put("kind", "reading")
                                .put("title", title)
                                .put("file", file)))
                .path("itemId")
                .asText();
    }

    private static byte[] pdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The result of an ack (the test fails on an error, naming it). */
    private static JsonNode result(JsonNode answer) {
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("ack");
        return answer.path("result");
    }

    private Page open(TestHub.Setup setup, String personId, String locale, int width, int height) {
        Page page = newPage(personId, locale, width, height);
        Invitations.accept(page, hub.url(), setup.token(personId));
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        return page;
    }

    private Page openPublic(TestHub.Setup setup, String locale) {
        Page page = newPage("public", locale, 360, 800);
        page.navigate(hub.url() + "/a/" + setup.assemblyId());
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        return page;
    }

    private Page newPage(String who, String locale, int width, int height) {
        Page page = browser.newContext(new Browser.NewContextOptions()
                        .setLocale(locale)
                        .setTimezoneId(PARIS.getId())
                        .setViewportSize(width, height))
                .newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) consoleErrors.add(who + ": " + m.text());
        });
        return page;
    }
}
