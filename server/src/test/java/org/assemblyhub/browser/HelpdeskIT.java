package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The help desk in real Chromium: a member runs the tech check (fake camera and microphone) opened from their
 * assembly, and the lead's desk shows the result; the member calls for help from the tech check, the lead answers,
 * and the member's page says so in words. Phone-only members: the organiser marks one from the console, and the
 * lead's desk shows them in their group with the built-in mesh's "no dial-in" message.
 */
class HelpdeskIT {
    private static TestHub.Setup assemble(TestHub hub) {
        StringBuilder csv = new StringBuilder(
                "id,name,role\nf0,Lead Person,facilitator\nf1,Fac One,facilitator\nf2,Fac Two,facilitator\n");
        for (int i = 1; i <= 12; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        TestHub.Setup setup = hub.createAssembly(true, csv.toString());
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        return setup;
    }

    private static Page page(Browser browser, String locale, List<String> errors) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale));
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) errors.add(m.text());
        });
        return page;
    }

    @Test
    void a_members_tech_check_reaches_the_leads_desk_and_a_call_for_help_from_it_is_answered() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = assemble(hub);
            Browser browser = Chromium.launch(
                    playwright,
                    List.of(
                            "--use-fake-device-for-media-stream",
                            "--use-fake-ui-for-media-stream",
                            "--autoplay-policy=no-user-gesture-required"));
            List<String> errors = new CopyOnWriteArrayList<>();
            Page lead = page(browser, "en-GB", errors);
            Invitations.accept(lead, hub.url(), setup.token("f0"));
            assertThat(lead.getByTestId("helpdesk-need-help")).containsText("12 member(s) still need help");
            assertThat(lead.locator("[data-testid=helpdesk-checks] tr[data-person=m1]"))
                    .containsText("not done yet");

            Page member = page(browser, "fr-FR", errors);
            Invitations.accept(member, hub.url(), setup.token("m1"));
            assertThat(member.getByTestId("help-button")).isVisible();
            member.navigate(hub.url() + "/tech-check.html?a=" + setup.assemblyId());
            assertThat(member.getByTestId("check-sent"))
                    .hasText("Votre résultat a été envoyé à votre équipe d'animation.");

            var row = lead.locator("[data-testid=helpdesk-checks] tr[data-person=m1]");
            assertThat(row).hasAttribute("data-needs-help", "false");
            assertThat(row).containsText("works");
            assertThat(lead.getByTestId("helpdesk-need-help")).containsText("11 member(s) still need help");

            member.getByTestId("help-button").click();
            assertThat(member.getByTestId("help-state"))
                    .hasText("Votre appel à l'aide est envoyé : quelqu'un de l'équipe va vous répondre.");
            assertThat(lead.getByTestId("helpdesk-calls")).containsText("Member 1 asks for help (tech check)");
            lead.getByTestId("helpdesk-answer").click();
            assertThat(lead.getByTestId("helpdesk-no-calls")).isVisible();
            assertThat(member.getByTestId("help-state")).hasText("Votre appel a été pris : quelqu'un va vous aider.");
            assertThat(member.getByTestId("help-state")).hasAttribute("data-state", "answered");
            assertThat(errors).isEmpty();
            browser.close();
        }
    }

    @Test
    void the_organiser_marks_a_member_phone_only_and_the_leads_desk_shows_them_in_their_group_without_dial_in() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = assemble(hub);
            for (String id : List.of("f1", "f2")) hub.client(setup.token(id)).join(setup.assemblyId());
            for (int i = 2; i <= 12; i++) hub.client(setup.token("m" + i)).join(setup.assemblyId());
            Browser browser = Chromium.launch(playwright, List.of());
            List<String> errors = new CopyOnWriteArrayList<>();
            Page organiser = page(browser, "en-GB", errors);
            Invitations.accept(organiser, hub.url(), setup.token("organiser-1"));
            var toggle = organiser.locator("[data-testid=phone-only-toggle][data-person=m1]");
            assertThat(toggle).hasAttribute("aria-pressed", "false");
            toggle.click();
            assertThat(toggle).hasAttribute("aria-pressed", "true");
            assertThat(toggle).hasAccessibleName("No longer by phone: Member 1");

            Page lead = page(browser, "fr-FR", errors);
            Invitations.accept(lead, hub.url(), setup.token("f0"));
            LiveClient leadSocket = hub.client(setup.token("f0")).join(setup.assemblyId());
            leadSocket.call(
                    "plan", "plan-breakouts", new JsonObject().put("minSize", 6).put("maxSize", 6));
            leadSocket.call("open", "open-breakouts", new JsonObject());
            int group = leadSocket
                            .awaitView(v -> v.path("breakouts").path("open").asBoolean())
                            .path("breakouts")
                            .path("groups")
                            .path("1")
                            .path("members")
                            .has("m1")
                    ? 1
                    : 2;
            var line = lead.locator("[data-testid=phone-line][data-group='" + group + "']");
            // The lead's page asks the hub once the room opens: give a loaded machine time.
            assertThat(line)
                    .containsText(
                            "Member 1 participe par téléphone.",
                            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(line.getByTestId("phone-no-dial-in")).containsText("Aucun accès par téléphone");
            assertThat(errors).isEmpty();
            browser.close();
        }
    }
}
