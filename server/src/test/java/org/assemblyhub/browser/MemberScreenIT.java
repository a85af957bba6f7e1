package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Real headless Chromium against a real hub: joining by link, live announcements, reconnection after a restart. */
class MemberScreenIT {
    static final String ROSTER =
            """
            id,name,role,gender
            f1,Fatou Diallo,facilitator,female
            m1,Aïcha Benali,member,female
            m2,Bernard Morel,member,male
            """;

    static TestHub hub;
    static TestHub.Setup setup;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        setup = hub.createAssembly(true, ROSTER);
        playwright = Playwright.create();
        browser = Chromium.launch(playwright, List.of());
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        hub.close();
    }

    private static Page open(String locale, String path, List<String> consoleErrors) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale));
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) consoleErrors.add(m.text());
        });
        if (path.startsWith("/join/")) Invitations.accept(page, hub.url() + path);
        else page.navigate(hub.url() + path);
        return page;
    }

    @Test
    void a_member_opens_the_invitation_link_sees_the_plenary_and_an_organisers_announcement_appears_without_reload() {
        List<String> errors = new CopyOnWriteArrayList<>();
        Page member = open("fr-FR", "/join/" + setup.token("m1"), errors);
        assertThat(member).hasURL(hub.url() + "/a/" + setup.assemblyId());
        assertThat(member.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        assertThat(member.locator("h1")).hasText("Test assembly");
        assertThat(member.locator("[data-testid=me]")).containsText("Aïcha Benali");
        assertThat(member.locator("[data-testid=connection]")).containsText("Connecté");
        assertThat(member.locator("[data-testid=phase] li.current")).hasText("Prise en main (étape en cours)");

        Page organiser = open("en-GB", "/join/" + setup.token("organiser-1"), errors);
        assertThat(organiser.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        organiser.getByLabel("Message to everyone").fill("Bienvenue à toutes et à tous !");
        organiser
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to everyone"))
                .click();

        assertThat(member.locator("[data-testid=announcements]")).containsText("Bienvenue à toutes et à tous !");
        member.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/member.png"))
                .setFullPage(true));
        organiser.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/organiser.png"))
                .setFullPage(true));
        assertThat(errors).isEmpty();
        member.context().close();
        organiser.context().close();
    }

    @Test
    void the_lead_starts_a_session_from_the_browser_and_members_see_the_segment_and_a_ticking_countdown() {
        String script =
                """
                title: Evening
                sessions:
                  - id: evening
                    title: Deliberation evening
                    segments:
                      - {kind: plenary, title: Welcome, minutes: 10, prompt: "Hello everyone"}
                      - {kind: breakouts, title: Round 1, minutes: 25, prompt: "What is hard today?"}
                """;
        assertThat(hub.post(
                                "/api/assemblies/" + setup.assemblyId() + "/script",
                                "text/yaml",
                                setup.token("organiser-1"),
                                script)
                        .statusCode())
                .isEqualTo(200);
        hub.client(setup.token("organiser-1"))
                .join(setup.assemblyId())
                .call("lead-f1", "appoint-lead", new JsonObject().put("personId", "f1"));
        List<String> errors = new CopyOnWriteArrayList<>();
        Page lead = open("en-GB", "/join/" + setup.token("f1"), errors);
        Page member = open("fr-FR", "/join/" + setup.token("m1"), errors);
        assertThat(member.locator("[data-testid=connection]")).hasAttribute("data-status", "live");

        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session"))
                .click();

        assertThat(member.locator("[data-testid=segment-title]")).hasText("Welcome");
        assertThat(member.locator("[data-testid=session]")).containsText("Plénière");
        String first = member.locator("[data-testid=countdown]").textContent();
        member.waitForTimeout(2_100);
        assertThat(member.locator("[data-testid=countdown]").textContent())
                .as("the countdown ticks")
                .isNotEqualTo(first);
        assertThat(first).containsPattern("(9|10):\\d\\d");

        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause"))
                .click();
        assertThat(member.locator("[data-testid=countdown]")).containsText("En pause");
        member.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/member-session.png"))
                .setFullPage(true));
        lead.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/lead-session.png"))
                .setFullPage(true));
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan groups now"))
                .click();
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the groups"))
                .click();
        assertThat(member.locator("[data-testid=my-group]")).containsText("Vous êtes dans le groupe 1");
        member.getByLabel("Une nouvelle idée").fill("Des pistes cyclables protégées");
        member.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter la carte"))
                .click();
        assertThat(member.locator("[data-testid=workspace] .cards")).containsText("Des pistes cyclables protégées");
        member.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Lever la main").setExact(true))
                .click();
        assertThat(member.locator("[data-testid=workspace] .queue")).containsText("Aïcha Benali");
        lead.getByLabel("Message to every screen, groups included").fill("Encore cinq minutes");
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Broadcast"))
                .click();
        assertThat(member.locator("[data-testid=announcements]")).containsText("Encore cinq minutes");
        member.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/member-group.png"))
                .setFullPage(true));
        lead.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/lead-desk.png"))
                .setFullPage(true));
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bring everyone back"))
                .click();
        lead.locator("[data-testid=undo-now]").click(); // bringing everyone back waits a few seconds with "Undo"
        assertThat(member.locator("[data-testid=my-group]")).hasCount(0);
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End the session"))
                .click();
        lead.locator("[data-testid=undo-now]").click();
        assertThat(member.locator("[data-testid=session]")).hasCount(0);
        assertThat(errors).isEmpty();
        lead.context().close();
        member.context().close();
    }

    @Test
    void the_connection_indicator_recovers_after_the_server_restarts_and_live_updates_resume() {
        List<String> errors = new CopyOnWriteArrayList<>();
        Page member = open("en-GB", "/join/" + setup.token("m2"), errors);
        assertThat(member.locator("[data-testid=connection]")).hasAttribute("data-status", "live");

        hub.stop();
        member.locator("[data-testid=connection][data-status=reconnecting]")
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        hub.start();

        assertThat(member.locator("[data-testid=connection]"))
                .hasAttribute("data-status", "live", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        var organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("after-restart", "announce", new JsonObject().put("text", "Back after the restart"));
        assertThat(member.locator("[data-testid=announcements]")).containsText("Back after the restart");
        member.context().close();
    }
}
