package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.assemblyhub.outreach.MailServer;
import org.assemblyhub.outreach.Outreach;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A member stops their reminders from the link in one, in real headless Chromium with a real SMTP server: the page
 * says they come, the button stops them (said, and focused for a screen reader), the page passes axe-core, and it
 * speaks French as well.
 */
class MemberRemindersIT {
    @Test
    void a_member_opens_the_link_at_the_foot_of_a_reminder_and_stops_their_reminders() throws Exception {
        MailServer smtp = new MailServer(TestHub.freePort());
        smtp.start();
        try (TestHub hub = TestHub.withOutreach(Outreach.mail(smtp.getSmtp().getPort()));
                Playwright playwright = Playwright.create()) {
            TestHub.Setup a = hub.createAssembly(false, "id,name,contact,language\nben,Ben,ben@example.org,en\n");
            String soon = Instant.now()
                    .plus(30, ChronoUnit.MINUTES)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
            String script =
                    """
                    title: "Reminders"
                    sessions:
                      - id: decide
                        title: "Decide"
                        plannedStart: "%s"
                        segments:
                          - kind: plenary
                            title: "Opening"
                            minutes: 10
                            prompt: "Welcome"
                    """
                            .formatted(soon);
            hub.post("/api/assemblies/" + a.assemblyId() + "/script", "text/yaml", a.token("organiser-1"), script);
            hub.post(
                    "/api/assemblies/" + a.assemblyId() + "/outreach/invitations",
                    "application/json",
                    a.token("organiser-1"),
                    new JsonObject().put("people", new JsonArray().add("ben")).encode());
            List<MimeMessage> mails = smtp.await(2);
            MimeMessage reminder = MailServer.only(mails, "ben@example.org", "In one hour: Decide");
            String header = reminder.getHeader("List-Unsubscribe", null);
            String stop = header.substring(1, header.length() - 1);

            Browser browser = Chromium.launch(playwright, List.of());
            Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))
                    .newPage();
            page.navigate(stop);
            assertThat(page.locator("[data-testid=reminders-state]"))
                    .containsText("You get a reminder the day before and one hour before each session.");
            assertThat(Axe.violations(page)).as("the reminders page").isEmpty();
            page.locator("[data-testid=reminders-toggle]").click();
            assertThat(page.locator("[data-testid=reminders-state]")).containsText("you will not get reminders");
            assertThat(page.locator("[data-testid=reminders-state]")).isFocused();
            assertThat(page.locator("[data-testid=reminders-toggle]")).hasText("Get reminders again");
            page.locator("[data-testid=language]").click();
            assertThat(page.locator("[data-testid=reminders-toggle]")).hasText("Recevoir de nouveau les rappels");
            assertThat(page.locator("h1")).hasText("Vos rappels de séance");
            JsonObject state =
                    new JsonObject(hub.get(stop.substring(hub.url().length()).replace("/r/", "/api/reminders/"), null)
                            .body());
            assertThat(state.getBoolean("reminders")).isFalse();
        } finally {
            smtp.stop();
        }
    }
}
