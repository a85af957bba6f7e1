package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * What a group writes together, in real Chromium and in French: two members typing in the shared notes at the same
 * moment both keep their words, and after the round the group's report is still there to read — and the lead can step
 * into a group and back out.
 */
class GroupWorkIT {
    static final String ROSTER =
            """
            id,name,role
            f0,Léa Principale,facilitator
            f1,Fatou Diallo,facilitator
            m1,Aïcha Benali,member
            m2,Bernard Morel,member
            m3,Chloé Petit,member
            m4,David Roux,member
            """;

    @Test
    void two_members_typing_in_the_notes_at_once_both_keep_their_words_and_the_report_outlives_the_round() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            LiveClient lead = hub.client(setup.token("f0")).join(setup.assemblyId());
            LiveClient facilitator = hub.client(setup.token("f1")).join(setup.assemblyId());
            List<LiveClient> others = List.of(
                    hub.client(setup.token("m3")).join(setup.assemblyId()),
                    hub.client(setup.token("m4")).join(setup.assemblyId()));

            Browser browser = Chromium.launch(playwright, List.of());
            List<String> errors = new CopyOnWriteArrayList<>();
            Page amina = page(browser, hub, setup.token("m1"), errors);
            Page bernard = page(browser, hub, setup.token("m2"), errors);
            organiser.awaitView(v -> v.path("roster").path("m2").path("online").asBoolean());
            organiser.call(
                    "plan", "plan-breakouts", new JsonObject().put("minSize", 4).put("maxSize", 8));
            organiser.call("open", "open-breakouts", new JsonObject());
            assertThat(amina.locator("#notes")).isVisible();
            assertThat(bernard.locator("#notes")).isVisible();

            // Both start from the same empty notes and type before either has saved.
            EveningIT.typeNotes(amina, "Aïcha : des pistes cyclables protégées");
            EveningIT.typeNotes(bernard, "Bernard : des bus de nuit le week-end");
            amina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer les notes"))
                    .click();
            bernard.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer les notes"))
                    .click();
            // Both lines are kept, in the order the two saves reached the hub (either may land first).
            Pattern both =
                    Pattern.compile("Aïcha : des pistes cyclables protégées\nBernard : des bus de nuit le week-end"
                            + "|Bernard : des bus de nuit le week-end\nAïcha : des pistes cyclables protégées");
            for (Page p : List.of(amina, bernard)) {
                assertThat(p.locator("#notes")).hasValue(both);
            }
            assertThat(amina.locator("#notes-state")).containsText("Bernard Morel écrit aussi dans les notes");
            amina.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screens/group-notes-merged.png"))
                    .setFullPage(true));

            // A card being written survives a reload, and is forgotten once the hub has it.
            amina.locator("#idea-text").fill("Des vélos en libre-service");
            amina.reload();
            assertThat(amina.locator("#idea-text")).hasValue("Des vélos en libre-service");
            amina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter la carte"))
                    .click();
            assertThat(bernard.locator("[data-testid=workspace] .cards")).containsText("Des vélos en libre-service");
            assertThat(amina.locator("#idea-text")).hasValue("");
            amina.reload();
            assertThat(amina.locator("#idea-text")).hasValue("");

            // The lead steps into the group (as one of its hosts) and back to the desk.
            lead.call("visit", "visit-group", new JsonObject().put("group", 1));
            lead.awaitAudience("facilitator@1");
            assertThat(facilitator
                            .awaitView(v -> v.path("breakouts")
                                    .path("myGroup")
                                    .path("visitors")
                                    .has("f0"))
                            .path("breakouts")
                            .path("myGroup")
                            .path("visitors")
                            .path("f0")
                            .asText())
                    .isEqualTo("Léa Principale");
            lead.call("leave", "leave-group", new JsonObject());
            lead.awaitAudience("lead");

            organiser.call("close", "close-breakouts", new JsonObject());
            assertThat(amina.locator("[data-testid=group-reports]")).containsText("Travail des groupes");
            amina.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Groupe 1, tour 1"))
                    .click();
            assertThat(amina.locator("[data-testid=group-report]"))
                    .containsText("Bernard : des bus de nuit le week-end");
            assertThat(amina.locator("[data-testid=group-report]")).containsText("Aïcha : des pistes cyclables");
            amina.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screens/group-report.png"))
                    .setFullPage(true));
            assertThat(errors).isEmpty();
            others.forEach(LiveClient::close);
            browser.close();
        }
    }

    private static Page page(Browser browser, TestHub hub, String token, List<String> errors) {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))
                .newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) errors.add(m.text());
        });
        Invitations.accept(page, hub.url(), token);
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        return page;
    }
}
