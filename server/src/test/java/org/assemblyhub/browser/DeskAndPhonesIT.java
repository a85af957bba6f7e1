package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The lead's desk, messages that reach people, no accidents, and phones, in real Chromium and in French: an organiser,
 * the lead, facilitators and sixteen members in two groups of eight, the groups opened by the session's clock.
 */
class DeskAndPhonesIT {
    static final String SCRIPT =
            """
            title: Soirée
            sessions:
              - id: soir
                title: Soirée de délibération
                segments:
                  - {kind: breakouts, title: Tour 1, minutes: 20, prompt: "Qu'est-ce qui est difficile aujourd'hui ?"}
                  - {kind: plenary, title: Retour, minutes: 10, prompt: "Ce que les groupes rapportent"}
            """;

    /** A hub with the roster, the script, the lead appointed and every member connected (so that all are seated). */
    /** members: the two group facilitators (f1, f2), then the sixteen members. */
    record Scenario(TestHub hub, TestHub.Setup setup, LiveClient organiser, List<LiveClient> members) {
        static Scenario start() {
            TestHub hub = new TestHub();
            StringBuilder csv = new StringBuilder("id,name,role,age\n"
                    + "f0,Fatou Diallo,facilitator,\nf1,Jean Martin,facilitator,\nf2,Léa Petit,facilitator,\n");
            for (int i = 1; i <= 16; i++)
                csv.append("m")
                        .append(i)
                        .append(",Membre ")
                        .append(i)
                        .append(",member,")
                        .append(i % 3 == 0 ? "plus de 60" : "moins de 60")
                        .append("\n");
            TestHub.Setup setup = hub.createAssembly(true, csv.toString());
            assertThat(hub.post(
                                    "/api/assemblies/" + setup.assemblyId() + "/script",
                                    "text/yaml",
                                    setup.token("organiser-1"),
                                    SCRIPT)
                            .statusCode())
                    .isEqualTo(200);
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            List<LiveClient> members = new ArrayList<>();
            for (String facilitator : List.of("f1", "f2")) { // connected, so that each group gets one
                members.add(hub.client(setup.token(facilitator)).join(setup.assemblyId()));
            }
            for (int i = 1; i <= 16; i++)
                members.add(hub.client(setup.token("m" + i)).join(setup.assemblyId()));
            organiser.awaitView(v -> v.path("roster").path("m16").path("online").asBoolean());
            return new Scenario(hub, setup, organiser, members);
        }

        Page open(Browser browser, String person, int width, int height, List<String> errors) {
            Page page = browser.newContext(
                            new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(width, height))
                    .newPage();
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) errors.add(m.text());
            });
            Invitations.accept(page, hub.url(), setup.token(person));
            assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
            return page;
        }

        /** The members seated in group n, once the round is open. */
        List<LiveClient> inGroup(int n) {
            return members.stream()
                    .filter(m -> ("member@" + n).equals(m.audience()))
                    .toList();
        }

        void awaitSeated() {
            for (LiveClient m : members.subList(2, members.size()))
                m.awaitView(v -> v.path("breakouts").path("myGroup").has("number"));
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/" + name + ".png"))
                .setFullPage(true));
    }

    private static void assertInViewport(Page page, Locator locator) {
        BoundingBox box = locator.boundingBox();
        int height = page.viewportSize().height;
        assertThat(box).as("on screen").isNotNull();
        assertThat(box.y).as("top inside the viewport").isGreaterThanOrEqualTo(0);
        assertThat(box.y + box.height).as("bottom inside the viewport").isLessThanOrEqualTo(height);
    }

    private static void assertNoHorizontalScroll(Page page, String who) {
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        assertThat(fits)
                .as(who + ": no horizontal scroll ("
                        + page.evaluate("() => document.documentElement.scrollWidth + ' > ' + window.innerWidth")
                        + ")")
                .isEqualTo(true);
    }

    @Test
    void the_lead_sees_every_group_as_a_tile_answers_a_help_call_in_the_group_comes_back_and_closing_waits_for_undo() {
        Scenario s = Scenario.start();
        try (TestHub hub = s.hub();
                Playwright playwright = Playwright.create()) {
            Browser browser = Chromium.launch(playwright, List.of());
            List<String> errors = new CopyOnWriteArrayList<>();
            Page lead = s.open(browser, "f0", 1280, 800, errors);

            lead.getByLabel("Séance à lancer").selectOption("soir");
            button(lead, "Lancer la séance").click();
            s.awaitSeated();
            Locator desk = lead.locator("[data-testid=breakout-desk]");
            assertThat(desk).containsText("2 groupe(s) ouvert(s)");
            Locator tiles = lead.locator("[data-testid=desk-tile]");
            assertThat(tiles).hasCount(2);
            assertThat(tiles.first()).containsText("Groupe 1");
            assertThat(tiles.first().locator("[data-testid=tile-present]")).containsText("8/8");
            assertThat(tiles.first().locator("[data-testid=tile-left]"))
                    .containsText(Pattern.compile("(19|20):\\d\\d"));
            assertThat(tiles.first()).containsText("8 membres");
            assertThat(tiles.first().locator("details")).containsText("Membre ");
            assertThat(tiles.first()).containsText(Pattern.compile("Jean Martin|Léa Petit"));
            assertThat(desk.locator("[data-testid=desk-quality]")).containsText("age : ");

            // An error provoked on purpose: back from the first step, in French, next to the button.
            Locator back = lead.locator("[data-testid=clock-controls]")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revenir"));
            back.click();
            Locator problem = lead.locator("[data-testid=clock-controls] + [data-testid=field-error]");
            assertThat(problem).hasText(Pattern.compile("Vous êtes déjà à la première étape\\."));
            assertInViewport(lead, problem);
            assertThat(lead.locator("[data-testid=notice]")).hasCount(0);

            // A help call from a member: a badge on the group's tile, and the tab's title.
            LiveClient caller = s.inGroup(1).get(0);
            assertThat(caller.call("help", "call-help", new JsonObject())
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
            Locator tile1 = lead.locator("[data-testid=desk-tile][data-group='1']");
            assertThat(tile1.locator("[data-testid=help-badge]")).hasText("Aide demandée");
            assertThat(lead).hasTitle(Pattern.compile("^\\(1\\) Aide — Test assembly"));
            caller.call("hand", "raise-hand", new JsonObject());
            assertThat(tile1.locator("[data-testid=tile-hands]")).containsText("1");
            screenshot(lead, "desk-1280");

            // Answer and join: the lead is in the group (its call and workspace), then back to the desk.
            tile1.getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions().setName("Répondre et rejoindre le groupe 1"))
                    .click();
            lead.waitForFunction("() => window.assemblyHub.audience === 'facilitator@1'");
            assertThat(lead.locator("[data-testid=my-group]")).containsText("Vous êtes dans le groupe 1");
            assertThat(lead.locator("[data-testid=workspace]")).isVisible();
            assertThat(lead).hasTitle(Pattern.compile("^Test assembly"));
            s.organiser().awaitView(v -> v.path("breakouts")
                    .path("groups")
                    .path("1")
                    .path("visitors")
                    .has("f0"));
            screenshot(lead, "desk-lead-in-group-1280");
            button(lead, "Quitter le groupe — retour au bureau").click();
            lead.waitForFunction("() => window.assemblyHub.audience === 'lead'");
            assertThat(tiles).hasCount(2);

            // Bringing everyone back waits a few seconds with "Annuler": undone, the groups stay open.
            button(lead, "Ramener tout le monde").click();
            Locator undo = lead.locator("[data-testid=undo]");
            assertThat(undo).containsText("Retour de tout le monde en plénière dans");
            lead.locator("[data-testid=undo-button]").click();
            assertThat(undo).hasCount(0);
            lead.waitForTimeout(6_000);
            assertThat(desk).containsText("2 groupe(s) ouvert(s)");
            assertThat(s.members().get(2).audience()).startsWith("member@");
            button(lead, "Ramener tout le monde").click();
            lead.locator("[data-testid=undo-now]").click();
            s.members().get(2).awaitAudience("member");
            assertThat(errors).isEmpty();
            browser.close();
        }
    }

    @Test
    void a_broadcast_reaches_the_top_of_a_members_phone_and_no_screen_scrolls_sideways() {
        Scenario s = Scenario.start();
        try (TestHub hub = s.hub();
                Playwright playwright = Playwright.create()) {
            LiveClient leadClient =
                    hub.client(s.setup().token("f0")).join(s.setup().assemblyId());
            assertThat(leadClient
                            .call("start", "start-session", new JsonObject().put("sessionId", "soir"))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
            s.awaitSeated();
            Browser browser = Chromium.launch(playwright, List.of());
            List<String> errors = new CopyOnWriteArrayList<>();
            Page member = s.open(browser, "m1", 390, 844, errors);
            assertThat(member.locator("[data-testid=my-group]")).containsText("Vous êtes dans le groupe");
            Page lead = s.open(browser, "f0", 390, 844, errors);
            Page organiser = s.open(browser, "organiser-1", 768, 1024, errors);
            String facilitatorId = s.organiser()
                    .view()
                    .path("breakouts")
                    .path("groups")
                    .path("1")
                    .path("lead")
                    .asText();
            String facilitator = facilitatorId.equals("Jean Martin") ? "f1" : "f2";
            Page group = s.open(browser, facilitator, 360, 780, errors);
            assertThat(group.locator("[data-testid=my-group]")).containsText("Vous êtes dans le groupe 1");

            lead.getByLabel("Message pour tous les écrans, groupes compris").fill("De retour dans 2 minutes");
            button(lead, "Diffuser").click();
            member.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)");
            Locator banner = member.locator("[data-testid=banner-announcement]");
            assertThat(banner).containsText("De retour dans 2 minutes");
            assertInViewport(member, banner);
            assertThat(member.locator("[data-testid=banner]")).hasAttribute("aria-live", "polite");
            // The raise-hand control comes before the call on a phone.
            Locator raise = member.getByRole(
                    AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Lever la main").setExact(true));
            Locator call = member.locator("[data-testid=call]");
            if (call.count() > 0) assertThat(raise.boundingBox().y).isLessThan(call.boundingBox().y);

            // Dismissed, it stays dismissed (for this tab) after a reload.
            banner.getByRole(AriaRole.BUTTON).click();
            assertThat(banner).hasCount(0);
            member.reload();
            assertThat(member.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
            assertThat(member.locator("[data-testid=announcements]")).containsText("De retour dans 2 minutes");
            assertThat(member.locator("[data-testid=banner-announcement]")).hasCount(0);

            assertThat(lead.locator("[data-testid=strip]")).isVisible();
            assertInViewport(lead, lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Diffuser")));
            assertNoHorizontalScroll(member, "member at 390 px");
            assertNoHorizontalScroll(lead, "lead at 390 px");
            assertNoHorizontalScroll(group, "facilitator at 360 px");
            assertNoHorizontalScroll(organiser, "organiser at 768 px");
            Object scale = member.evaluate("() => window.visualViewport.scale");
            assertThat(((Number) scale).doubleValue()).as("no zoom-out").isEqualTo(1.0);
            screenshot(member, "member-390");
            screenshot(lead, "lead-390");
            screenshot(group, "facilitator-360");
            screenshot(organiser, "organiser-768");
            assertThat(errors).isEmpty();
            browser.close();
        }
    }
}
