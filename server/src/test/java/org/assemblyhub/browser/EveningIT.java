package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.support.Jackson;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A whole scripted evening in real headless Chromium, in French, as the people in the room live it: an organiser on a
 * tablet, the lead at the desk, two facilitators, four members (three on phones, one arriving late) and a public
 * observer on a phone. Screenshots at 1280, 768 and 390 px are kept in target/screens/evening-*.png.
 */
class EveningIT {
    static final String ROSTER =
            """
            id,name,role
            f0,Léa Principale,facilitator
            f1,Fatou Diallo,facilitator
            f2,Gaspard Lemoine,facilitator
            m1,Aïcha Benali,member
            m2,Bernard Morel,member
            m3,Chloé Petit,member
            m4,David Roux,member
            """;

    static final String SCRIPT =
            """
            title: "Soirée de délibération"
            sessions:
              - id: soiree
                title: "Soirée de délibération"
                phase: deliberation
                segments:
                  - {kind: plenary, title: "Accueil", minutes: 10, prompt: "Bienvenue"}
                  - kind: breakouts
                    title: "Tour 1"
                    minutes: 20
                    prompt: "Comment se déplacer la nuit ?"
                    groupSize: {min: 3, max: 8}
                  - {kind: plenary, title: "Mise en commun", minutes: 10, prompt: "Ce que les groupes ont trouvé"}
            """;

    /** Fake cameras at 5 frames a second, for three of the group (more pages decoding video starve two cores). */
    static final List<String> MEDIA =
            List.of("--use-fake-device-for-media-stream=fps=5", "--use-fake-ui-for-media-stream");

    /** Every page of the evening, by who holds it, with its width. */
    private final Map<String, Page> pages = new LinkedHashMap<>();

    private final Map<String, Integer> widths = new LinkedHashMap<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    /** The English sentences of every error the hub sent to any of these pages. */
    private final Set<String> englishErrors = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void patience() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000); // nine pages and a call on two cores
    }

    @Test
    void a_scripted_evening_in_french_reaches_everyone_loses_no_words_and_counts_a_latecomers_vote() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            LiveClient organiserSocket = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiserSocket.call("script", "attach-script", new JsonObject().put("yaml", SCRIPT));
            organiserSocket.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            // Three of the group have (fake) cameras and microphones; the others' browser has none.
            Browser browser = Chromium.launch(playwright, List.of());
            Browser withMedia = Chromium.launch(playwright, MEDIA);

            Page organiser = open(browser, hub, setup.token("organiser-1"), "organiser", 768, 1024);
            Page lead = open(browser, hub, setup.token("f0"), "lead", 1280, 900);
            Page fatou = open(withMedia, hub, setup.token("f1"), "facilitator-fatou", 1280, 900);
            Page gaspard = open(browser, hub, setup.token("f2"), "facilitator-gaspard", 390, 844);
            Page aicha = open(withMedia, hub, setup.token("m1"), "member-aicha", 1280, 900);
            Page bernard = open(withMedia, hub, setup.token("m2"), "member-bernard", 390, 844);
            Page chloe = open(browser, hub, setup.token("m3"), "member-chloe", 390, 844);
            Page observer = openPublic(browser, hub, "/a/" + setup.assemblyId(), "observer", 390, 844);
            organiserSocket.awaitView(
                    v -> v.path("roster").path("m3").path("online").asBoolean());
            screenshotAll("1-before");

            // The lead starts the session: the script puts the evening in deliberation, on every screen.
            button(lead, "Lancer la séance").click();
            for (Page p : List.of(aicha, bernard, observer))
                assertThat(p.locator("[data-testid=phase] li.current")).containsText("Délibération");
            assertThat(lead.locator("[data-testid=lead-phase] select"))
                    .hasValue("deliberation"); // the lead may move it

            // An action out of place is refused next to its button, in French.
            button(lead, "Revenir").click();
            Locator problem = lead.locator("[data-testid=field-error]").first();
            assertThat(problem).containsText("Vous êtes déjà à la première étape.");
            assertInViewport(lead, problem, "lead");

            // The lead's broadcast reaches the top of every phone, wherever its reader has scrolled.
            lead.getByLabel("Message pour tous les écrans, groupes compris").fill("Retour en plénière dans 2 minutes");
            button(lead, "Diffuser").click();
            for (String who : List.of("facilitator-gaspard", "member-bernard", "member-chloe", "observer")) {
                Page phone = pages.get(who);
                phone.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)");
                Locator banner = phone.locator("[data-testid=banner-announcement]");
                assertThat(banner).containsText("Retour en plénière dans 2 minutes");
                assertInViewport(phone, banner, who);
            }

            // The next segment opens the groups (after a few seconds' chance to undo; "Maintenant" does it at once).
            button(lead, "Étape suivante").click();
            lead.locator("[data-testid=undo-now]").click();
            for (Page p : List.of(aicha, bernard, chloe))
                assertThat(p.locator("[data-testid=my-group]")).containsText("Vous êtes dans le groupe 1");
            // Who is who in the group's call: every tile named, on every screen. Chloé has no camera or microphone: she
            // sees and hears the others, and they see her name (her microphone and camera state follows once connected:
            // NamedCallIT checks states).
            assertThat(chloe.locator("[data-testid=call]")).containsText("Vous voyez et entendez votre groupe");
            for (Page p : List.of(aicha, bernard, fatou, chloe)) {
                Locator names = p.locator("[data-testid=call] [data-testid=tile-name]");
                for (String name : List.of("Aïcha Benali", "Bernard Morel", "Fatou Diallo", "Chloé Petit"))
                    assertThat(names.filter(new Locator.FilterOptions().setHasText(name))
                                    .first())
                            .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
            }
            Locator tile = lead.locator("[data-testid=desk-tile][data-group='1']");
            assertThat(tile.locator("[data-testid=tile-present]")).containsText("3/3");
            screenshotAll("2-groups");

            // Two members type in the shared notes at the same moment: both keep their words.
            // (Typed through the page itself, one right after the other: Playwright's fill could be overtaken by the
            // other's save landing between its select-all and its typing, on a loaded machine.)
            typeNotes(aicha, "Aïcha : des pistes cyclables éclairées");
            typeNotes(bernard, "Bernard : un bus de nuit le week-end");
            button(aicha, "Enregistrer les notes").click();
            button(bernard, "Enregistrer les notes").click();
            // Both lines are kept, in the order the two saves reached the hub (either may land first).
            Pattern both =
                    Pattern.compile("Aïcha : des pistes cyclables éclairées\nBernard : un bus de nuit le week-end"
                            + "|Bernard : un bus de nuit le week-end\nAïcha : des pistes cyclables éclairées");
            for (Page p : List.of(aicha, bernard, chloe)) {
                assertThat(p.locator("#notes")).hasValue(both);
            }

            // A help call: a badge on the lead's desk and in the tab's title; the lead answers by joining the group.
            button(chloe, "Nous avons besoin d'aide").click();
            assertThat(tile.locator("[data-testid=help-badge]")).hasText("Aide demandée");
            assertThat(lead).hasTitle(Pattern.compile("^\\(1\\) Aide"));
            screenshot(lead, "evening-3-help-1280");
            button(lead, "Répondre et rejoindre le groupe 1").click();
            lead.waitForFunction("() => window.assemblyHub.audience === 'facilitator@1'");
            assertThat(lead.locator("[data-testid=workspace]")).isVisible();
            assertThat(chloe.locator("[data-testid=workspace]")).not().containsText("L'aide est demandée");
            button(lead, "Quitter le groupe — retour au bureau").click();
            lead.waitForFunction("() => window.assemblyHub.audience === 'lead'");

            // The round closes; what the group wrote stays readable as its report.
            button(lead, "Étape suivante").click();
            lead.locator("[data-testid=undo-now]").click();
            assertThat(bernard.locator("[data-testid=group-reports]")).containsText("Travail des groupes");
            button(bernard, "Groupe 1, tour 1").click();
            Locator report = bernard.locator("[data-testid=group-report]");
            assertThat(report).containsText("Aïcha : des pistes cyclables éclairées");
            assertThat(report).containsText("Bernard : un bus de nuit le week-end");
            screenshotAll("4-reports");

            // Decision: the organiser moves the assembly on from the tablet; the lead proposes and puts it to the vote.
            organiser.getByLabel("Changer de phase").selectOption("decision");
            button(organiser, "Passer l\u2019assemblée à cette phase").click();
            assertThat(aicha.locator("[data-testid=phase] li.current")).containsText("Décision");
            lead.locator("summary", new Page.LocatorOptions().setHasText("Rédiger un projet de recommandation"))
                    .click();
            lead.locator("#dr-title").fill("Bus de nuit");
            lead.locator("#dr-text").fill("Un bus toutes les 30 minutes les nuits du week-end.");
            button(lead, "Proposer ce projet").click();
            assertThat(lead.locator("[data-testid=draft-d1]")).containsText("Bus de nuit");
            lead.locator("summary", new Page.LocatorOptions().setHasText("Ouvrir un vote"))
                    .click();
            lead.locator("#bal-title").fill("Vote final");
            lead.locator("[data-testid=new-ballot]").getByLabel("Bus de nuit").check();
            button(lead, "Ouvrir le vote").click();
            Locator rule = aicha.locator("[data-testid=ballot-b1] [data-testid=rule]");
            assertThat(rule).containsText("Adoptée si");

            // A member arrives after the ballot opened: they are on its roll and their vote counts.
            Page david = open(browser, hub, setup.token("m4"), "member-david", 390, 844);
            for (Page voter : List.of(aicha, bernard, david)) {
                Locator ballot = voter.locator("[data-testid=ballot-b1]");
                ballot.getByLabel("Pour", new Locator.GetByLabelOptions().setExact(true))
                        .first()
                        .check();
                ballot.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Voter"))
                        .click();
                assertThat(ballot.locator("[data-testid=my-tracker]")).isVisible();
            }
            button(lead, "Clore le vote et dépouiller").click();
            Locator davidBallot = david.locator("[data-testid=ballot-b1]");
            assertThat(davidBallot.locator("[data-testid=ballot-result]")).containsText("Adopté");
            JsonNode ballotView = organiserSocket
                    .awaitView(v -> v.path("ballots").path("b1").has("results"))
                    .path("ballots")
                    .path("b1");
            assertThat(ballotView.path("rollSize").asInt()).isEqualTo(4); // the latecomer joined the roll
            assertThat(ballotView.path("turnout").asInt()).isEqualTo(3);
            davidBallot.locator("details:has([data-testid=trackers]) > summary").click();
            assertThat(davidBallot.locator("tr.mine")).containsText("compté");
            screenshotAll("5-vote");

            // What matters on every screen: no sideways scroll on phones, and no English in the French screens.
            for (Map.Entry<String, Page> p : pages.entrySet()) {
                if (widths.get(p.getKey()) <= 390) assertNoHorizontalScroll(p.getValue(), p.getKey());
                String text = p.getValue().locator("body").innerText();
                for (String english : englishErrors)
                    assertThat(text).as(p.getKey() + " shows an English error").doesNotContain(english);
            }
            assertThat(englishErrors)
                    .as("the hub refused at least one action during the evening")
                    .isNotEmpty();
            assertThat(consoleErrors).isEmpty();
            withMedia.close();
            browser.close();
        }
    }

    private Page open(Browser browser, TestHub hub, String token, String who, int width, int height) {
        Page page = newPage(browser, who, width, height);
        Invitations.accept(page, hub.url(), token);
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        return page;
    }

    private Page openPublic(Browser browser, TestHub hub, String path, String who, int width, int height) {
        Page page = newPage(browser, who, width, height);
        page.navigate(hub.url() + path);
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        return page;
    }

    private Page newPage(Browser browser, String who, int width, int height) {
        Page page = browser.newContext(
                        new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(width, height))
                .newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) consoleErrors.add(who + ": " + m.text());
        });
        page.onWebSocket(socket -> socket.onFrameReceived(frame -> {
            String text = frame.text();
            if (text == null || !text.contains("\"error\"")) return;
            try {
                JsonNode message = Jackson.MAPPER.readTree(text);
                if ("error".equals(message.path("type").asText()) && message.has("message"))
                    englishErrors.add(message.path("message").asText());
            } catch (Exception e) {
                // not a JSON message: nothing to keep
            }
        }));
        pages.put(who, page);
        widths.put(who, width);
        return page;
    }

    /** Types text into the notes as a person does: the field's value changes and an input event follows. */
    static void typeNotes(Page page, String text) {
        page.evaluate(
                "(text) => { const f = document.getElementById('notes'); f.value = text;"
                        + " f.dispatchEvent(new Event('input', { bubbles: true })); }",
                text);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void screenshotAll(String step) {
        for (Map.Entry<String, Page> p : new ArrayList<>(pages.entrySet()))
            screenshot(p.getValue(), "evening-" + step + "-" + p.getKey() + "-" + widths.get(p.getKey()));
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/" + name + ".png"))
                .setFullPage(true)
                .setTimeout(120_000)); // pages playing four videos on two cores draw slowly
    }

    private static void assertInViewport(Page page, Locator locator, String who) {
        BoundingBox box = locator.boundingBox();
        int height = page.viewportSize().height;
        assertThat(box).as(who + ": on screen").isNotNull();
        assertThat(box.y).as(who + ": top inside the viewport").isGreaterThanOrEqualTo(0);
        assertThat(box.y + box.height).as(who + ": bottom inside the viewport").isLessThanOrEqualTo(height);
    }

    private static void assertNoHorizontalScroll(Page page, String who) {
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        assertThat(fits).as(who + ": no horizontal scroll").isEqualTo(true);
    }
}
