package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The lead facilitator's desk in real Chromium: two groups of eight, one member moved from one group to the other. */
class LeadDeskIT {
    @Test
    void the_lead_moves_a_member_to_another_group_from_the_desk() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            StringBuilder csv = new StringBuilder(
                    "id,name,role\nf0,Lead Person,facilitator\nf1,Fac One,facilitator\nf2,Fac Two,facilitator\n");
            for (int i = 1; i <= 16; i++)
                csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
            TestHub.Setup setup = hub.createAssembly(true, csv.toString());
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            List<LiveClient> members = new ArrayList<>();
            for (int i = 1; i <= 16; i++)
                members.add(hub.client(setup.token("m" + i)).join(setup.assemblyId()));
            organiser.awaitView(v -> v.path("roster").path("m16").path("online").asBoolean());

            Browser browser = Chromium.launch(playwright, List.of());
            List<String> errors = new CopyOnWriteArrayList<>();
            Page lead = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))
                    .newPage();
            lead.onConsoleMessage(m -> {
                if (m.type().equals("error")) errors.add(m.text());
            });
            Invitations.accept(lead, hub.url(), setup.token("f0"));
            lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan groups now"))
                    .click();
            assertThat(lead.locator("[data-testid=breakout-desk]")).containsText("2 group(s) planned");
            int from = organiser
                            .awaitView(
                                    v -> v.path("breakouts").path("groupCount").asInt() == 2)
                            .path("breakouts")
                            .path("groups")
                            .path("1")
                            .path("members")
                            .has("m1")
                    ? 1
                    : 2;
            int to = 3 - from;

            lead.locator("details.move summary").click();
            lead.getByLabel("Move a member").selectOption(new SelectOption().setValue("m1"));
            lead.locator("#move-group").selectOption(new SelectOption().setValue(Integer.toString(to)));
            lead.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Move").setExact(true))
                    .click();
            // A move waits a few seconds with "Undo"; "Do it now" sends it at once.
            lead.locator("[data-testid=undo-now]").click();
            organiser.awaitView(v -> v.path("breakouts")
                    .path("groups")
                    .path(Integer.toString(to))
                    .path("members")
                    .has("m1"));
            lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the groups"))
                    .click();

            members.get(0).awaitAudience("member@" + to);
            assertThat(lead.locator("[data-testid=breakout-desk]")).containsText("2 group(s) open");
            lead.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screens/lead-desk-groups.png"))
                    .setFullPage(true));
            assertThat(errors).isEmpty();
            browser.close();
        }
    }
}
