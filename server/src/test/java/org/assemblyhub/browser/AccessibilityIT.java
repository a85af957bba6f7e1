package org.assemblyhub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.DemoHub;
import org.assemblyhub.testing.LiveClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every screen of the hub passes axe-core's WCAG 2.2 A and AA rules with no violation, in French and in English, at a
 * desktop width (1280 px) and a phone width (390 px). One demo hub walks through an evening — before it, a poll, the
 * groups and a consensus round, drafts and a ballot, its results — and each step names the screens to check then.
 * Adding a screen is one line in {@link #steps()}: who looks (a demo person's name, {@link #PUBLIC} or
 * {@link #VISITOR}), where (a path, or null for the live page they are on) and what must be shown first.
 */
class AccessibilityIT {
    /** A browser with no invitation cookie: the public. */
    static final String PUBLIC = "(public)";
    /** Another browser with no cookie, for pages opened before signing in (an invitation link, the tech check). */
    static final String VISITOR = "(visitor)";

    static final String MEMBER = "Aïcha Benali";
    /** A member who opens the tech check from the assembly (its own page: the others stay on the assembly's). */
    static final String CHECKING_MEMBER = "Chloé Martin";

    static final String LEAD = "Fatou Diallo";
    static final String FACILITATOR = "Marc Lefèvre";
    static final String ORGANISER = "Olivia Organiser";
    static final List<String> LANGUAGES = List.of("fr", "en");
    static final List<Integer> WIDTHS = List.of(1280, 390);

    static Playwright playwright;
    static Browser browser;
    static DemoHub demo;

    /** A screen to check: its name in the failure report, who looks, where, and what shows once it is ready. */
    record Screen(String name, String who, String path, String ready) {}

    /** Something that happens in the evening, then the screens to check. */
    record Step(String what, Runnable action, List<Screen> screens) {}

    private final Map<String, Page> pages = new HashMap<>();
    private final Map<String, LiveClient> sockets = new HashMap<>();

    @BeforeAll
    static void start() {
        Axe.script(); // fails first, with how to fetch axe-core, when it is missing
        demo = DemoHub.start();
        playwright = Playwright.create();
        browser = Chromium.launch(playwright, List.of());
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (demo != null) demo.close();
    }

    static Screen screen(String name, String who, String path, String ready) {
        return new Screen(name, who, path, ready);
    }

    /** The evening, step by step, with the screens each step shows. */
    private List<Step> steps() {
        String live = "[data-testid=connection][data-status=live]";
        return List.of(
                new Step(
                        "before the evening: a live stream with captions is set, a member takes part by phone",
                        () -> {
                            call(
                                    ORGANISER,
                                    "set-live-stream",
                                    new JsonObject()
                                            .put("url", demo.url() + "/no-such-stream/live.m3u8")
                                            .put("captions", true));
                            call(
                                    ORGANISER,
                                    "mark-phone-only",
                                    new JsonObject().put("personId", "m7").put("phoneOnly", true));
                            call(
                                    MEMBER,
                                    "report-tech-check",
                                    new JsonObject()
                                            .put("camera", "denied")
                                            .put("microphone", "ok")
                                            .put("connection", "poor"));
                        },
                        List.of(
                                screen("the public list of assemblies", PUBLIC, "/", "main"),
                                screen(
                                        "an invitation link",
                                        VISITOR,
                                        demo.link("Jules Mercier").replace(demo.url(), ""),
                                        "[data-testid=join-continue]"),
                                screen("the tech check", VISITOR, "/tech-check.html", "main"),
                                screen(
                                        "a member's reminders page, on a hub that sends no mail",
                                        VISITOR,
                                        "/r/demo/m1/not-a-key",
                                        "[data-testid=reminders-error]"),
                                screen(
                                        "a member's tech check, sent to the desk, with the help button",
                                        CHECKING_MEMBER,
                                        "/tech-check.html?a=demo",
                                        "main"),
                                screen("the public observer page", PUBLIC, "/a/demo", live),
                                screen(
                                        "a member in the plenary, with the learning materials and questions",
                                        MEMBER,
                                        null,
                                        "[data-testid=learn-materials]"),
                                screen("a facilitator in the plenary", FACILITATOR, null, live),
                                screen("the lead's desk", LEAD, null, live),
                                screen("the organiser console", ORGANISER, null, live))),
                new Step(
                        "a poll is open",
                        () -> call(
                                ORGANISER,
                                "open-poll",
                                new JsonObject()
                                        .put("kind", "single")
                                        .put("question", "Par où commencer ?")
                                        .put(
                                                "options",
                                                new JsonArray()
                                                        .add("Les arbres")
                                                        .add("Les vélos"))),
                        List.of(
                                screen("a member with a poll open", MEMBER, null, "[data-testid=poll-p1]"),
                                screen("the lead's desk with a poll open", LEAD, null, "[data-testid=poll-p1]"))),
                new Step(
                        "the groups meet, a hand is up with a note, the chat has a hidden message, two calls for help",
                        () -> {
                            call(LEAD, "close-poll", new JsonObject().put("pollId", "p1"));
                            call(
                                    LEAD,
                                    "plan-breakouts",
                                    new JsonObject().put("minSize", 3).put("maxSize", 5));
                            call(LEAD, "open-breakouts", new JsonObject());
                            call("Bernard Morel", "raise-hand", new JsonObject().put("note", "Je voudrais répondre"));
                            call("Bernard Morel", "call-help", new JsonObject());
                            call(MEMBER, "post-message", new JsonObject().put("text", "Je préfère écrire ici."));
                            String hidden = call(FACILITATOR, "post-message", new JsonObject().put("text", "Un essai"))
                                    .path("result")
                                    .path("messageId")
                                    .asText();
                            call(
                                    FACILITATOR,
                                    "hide-message",
                                    new JsonObject().put("messageId", hidden).put("reason", "Message de test"));
                            call(MEMBER, "call-for-help", new JsonObject().put("where", "group"));
                        },
                        List.of(
                                screen("a member in a group", MEMBER, null, "[data-testid=workspace]"),
                                screen("a facilitator in a group", FACILITATOR, null, "[data-testid=workspace]"),
                                screen("the lead's desk with the groups", LEAD, null, "[data-testid=breakout-desk]"),
                                screen("the organiser console with the groups", ORGANISER, null, live))),
                new Step(
                        "a consensus round is open in every group",
                        () -> call(
                                LEAD,
                                "open-poll",
                                new JsonObject()
                                        .put("kind", "gradients")
                                        .put("question", "Des pistes cyclables protégées")
                                        .put("inGroups", true)),
                        List.of(
                                screen("a member in a consensus round", MEMBER, null, "[data-testid=poll-p2]"),
                                screen(
                                        "a facilitator in a consensus round",
                                        FACILITATOR,
                                        null,
                                        "[data-testid=poll-p2]"),
                                screen("the lead's desk with a round", LEAD, null, "[data-testid=poll-p2]"))),
                new Step(
                        "drafts are put to a secret ballot",
                        () -> {
                            call(LEAD, "close-breakouts", new JsonObject());
                            call(ORGANISER, "change-phase", new JsonObject().put("phase", "deliberation"));
                            call(
                                    LEAD,
                                    "propose-draft",
                                    new JsonObject()
                                            .put("title", "Pistes cyclables")
                                            .put("text", "Construire des pistes cyclables protégées.")
                                            .put(
                                                    "analysis",
                                                    new JsonObject()
                                                            .put("benefits", "Moins de voitures")
                                                            .put("costs", "12 M€")));
                            call(ORGANISER, "change-phase", new JsonObject().put("phase", "decision"));
                            call(
                                    LEAD,
                                    "open-ballot",
                                    new JsonObject()
                                            .put("title", "Vote final")
                                            .put("draftIds", new JsonArray().add("d1")));
                        },
                        List.of(
                                screen(
                                        "a member with drafts and an open ballot",
                                        MEMBER,
                                        null,
                                        "[data-testid=ballot-b1]"),
                                screen("the lead's desk with an open ballot", LEAD, null, "[data-testid=ballot-b1]"),
                                screen("the public observer page with an open ballot", PUBLIC, "/a/demo", live))),
                new Step(
                        "the ballot is closed",
                        () -> {
                            sockets.get("Bernard Morel")
                                    .call(
                                            "vote",
                                            "cast-ballot",
                                            new JsonObject()
                                                    .put("ballotId", "b1")
                                                    .put("levels", new JsonArray().add(1))
                                                    .put("secret", String.format("%032x", 4242)));
                            call(LEAD, "close-ballot", new JsonObject().put("ballotId", "b1"));
                        },
                        List.of(
                                screen(
                                        "a member with a closed ballot's results",
                                        MEMBER,
                                        null,
                                        "[data-testid=ballot-result]"),
                                screen(
                                        "the public observer page with results",
                                        PUBLIC,
                                        "/a/demo",
                                        "[data-testid=ballot-result]"))));
    }

    @Test
    void every_screen_passes_axe_core_in_french_and_english_at_desktop_and_phone_widths() {
        for (String person : List.of(MEMBER, CHECKING_MEMBER, LEAD, FACILITATOR, ORGANISER)) signIn(person);
        sockets.put("Bernard Morel", demo.client(token("Bernard Morel")).join("demo"));
        List<String> failures = new ArrayList<>();
        for (Step step : steps()) {
            step.action().run();
            for (Screen screen : step.screens()) failures.addAll(check(step, screen));
        }
        assertThat(failures)
                .as(
                        "axe-core %s found WCAG 2.2 A/AA violations (rule (impact): help, then each element: its"
                                + " selector, its tag, what to fix):%n%s",
                        Axe.VERSION, String.join("\n", failures))
                .isEmpty();
    }

    private List<String> check(Step step, Screen screen) {
        Page page = page(screen.who());
        List<String> failures = new ArrayList<>();
        for (String language : LANGUAGES) {
            page.evaluate("l => localStorage.setItem('assembly-hub.lang', l)", language);
            if (screen.path() == null) page.reload();
            else page.navigate(demo.url() + screen.path());
            Locator ready = page.locator(screen.ready()).first();
            try {
                PlaywrightAssertions.assertThat(ready).isVisible();
            } catch (AssertionError e) {
                throw new AssertionError(screen.name() + " (" + step.what() + "): " + screen.ready() + " not shown", e);
            }
            for (int width : WIDTHS) {
                page.setViewportSize(width, 900);
                page.waitForTimeout(150);
                for (String violation : Axe.violations(page)) {
                    failures.add("- " + screen.name() + " [" + language + ", " + width + " px]: " + violation);
                }
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target/screens/a11y-" + screen.name().replaceAll("[^a-zA-Z]+", "-") + "-"
                                + language + "-" + width + ".png"))
                        .setFullPage(true));
            }
        }
        return failures;
    }

    private Page page(String who) {
        return pages.computeIfAbsent(who, w -> {
            BrowserContext context = browser.newContext(
                    new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(1280, 900));
            Page page = context.newPage();
            page.navigate(demo.url() + "/");
            return page;
        });
    }

    private void signIn(String person) {
        Page page = page(person);
        Invitations.accept(page, demo.link(person));
        PlaywrightAssertions.assertThat(page.locator("[data-testid=connection]"))
                .hasAttribute("data-status", "live");
    }

    private String token(String person) {
        String link = demo.link(person);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** A command from a demo person's own socket; the test stops on a refusal, naming it. */
    private JsonNode call(String person, String name, JsonObject args) {
        LiveClient socket =
                sockets.computeIfAbsent(person, p -> demo.client(token(p)).join("demo"));
        JsonNode answer = socket.call(name + "-" + System.nanoTime(), name, args);
        assertThat(answer.path("type").asText())
                .as(person + " " + name + ": " + answer)
                .isEqualTo("ack");
        return answer;
    }
}
