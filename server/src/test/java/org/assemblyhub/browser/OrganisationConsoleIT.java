package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.assemblyhub.outreach.MailServer;
import org.assemblyhub.outreach.Outreach;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The whole way from an organisation to a member, in real headless Chromium with a real SMTP server: the operator
 * creates an organisation; its administrator opens their link, creates an assembly in the browser, lands in it as its
 * organiser, adds a member and sends the invitations; the member opens the link from the e-mail they received and is
 * in; the organiser sees they opened it. The administrator's console and the public page pass axe-core.
 */
class OrganisationConsoleIT {

    @Test
    void an_administrator_creates_an_assembly_adds_a_member_and_invites_them_by_email_and_the_member_gets_in()
            throws Exception {
        MailServer smtp = new MailServer(TestHub.freePort());
        smtp.start();
        try (TestHub hub = TestHub.withOutreach(Outreach.mail(smtp.getSmtp().getPort()));
                Playwright playwright = Playwright.create()) {
            JsonObject organisation = new JsonObject(hub.post(
                            "/api/organisations",
                            "application/json",
                            TestHub.BOOTSTRAP,
                            new JsonObject()
                                    .put("id", "ville-d")
                                    .put("name", "Ville de D")
                                    .put("adminName", "Daphné")
                                    .encode())
                    .body());
            Browser browser = Chromium.launch(playwright, List.of());
            Page admin = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))
                    .newPage();

            admin.navigate(organisation.getString("adminLink"));
            admin.locator("[data-testid=admin-continue]").click();
            admin.waitForURL(url -> url.endsWith("/o/ville-d/admin"));
            assertThat(admin.locator("main")).containsText("Vous êtes Daphné");
            assertThat(Axe.violations(admin)).as("administrators' console").isEmpty();
            admin.fill("#admin-name", "Yves");
            admin.locator("#admin-name").press("Enter");
            assertThat(admin.locator("[data-testid=org-admins]")).containsText("Yves");
            admin.onceDialog(dialog -> dialog.accept());
            admin.locator("[data-testid=org-admins] li", new Page.LocatorOptions().setHasText("Yves"))
                    .locator("[data-testid=remove-admin]")
                    .click();
            assertThat(admin.locator("[data-testid=admin-removed]")).containsText("Yves");
            assertThat(admin.locator("[data-testid=org-admins]")).not().containsText("Yves");
            // No button to remove oneself.
            assertThat(admin.locator("[data-testid=org-admins] [data-testid=remove-admin]"))
                    .hasCount(0);
            admin.fill("#new-title", "Assemblée du climat");
            admin.fill("#new-question", "Comment réduire nos émissions ?");
            admin.check("input[name=isPublic]");
            admin.fill("#new-starts", "2027-01-09");
            admin.fill("#new-ends", "2027-03-20");
            admin.uncheck("input[name=camera]");
            admin.selectOption("#new-threshold", "2/3");
            admin.click("[data-testid=create-assembly] button[type=submit]");
            admin.locator("[data-testid=join-continue]").click();
            admin.waitForURL(url -> url.contains("/a/assemblee-du-climat-"));
            assertThat(admin.locator("[data-testid=me]")).containsText("Daphné");
            admin.click("[data-testid=ballot-rule-desk] summary");
            assertThat(admin.locator("#default-rule-threshold")).hasValue("2/3");
            admin.click("[data-testid=video-defaults] summary");
            assertThat(admin.locator("[data-testid=video-defaults] input[name=camera]"))
                    .not()
                    .isChecked();
            assertThat(admin.locator("[data-testid=video-defaults] input[name=calls]"))
                    .isChecked();
            assertThat(Axe.violations(admin))
                    .as("the assembly's organiser with its video and vote settings open")
                    .isEmpty();

            admin.click("details.add-person summary");
            admin.fill("#add-id", "m1");
            admin.fill("#add-name", "Mina");
            admin.fill("#add-contact", "mina@example.org");
            admin.click("details.add-person button[type=submit]");
            assertThat(admin.locator("[data-testid=roster-row][data-person=m1]"))
                    .containsText("Mina");
            assertThat(admin.locator("[data-testid=roster-row][data-person=m1] [data-testid=never-opened]"))
                    .isVisible();

            admin.locator("[data-testid=outreach] > p > button").first().click();
            assertThat(admin.locator("[data-testid=outreach-sent]")).isVisible();
            List<MimeMessage> mails = smtp.await(1);
            String link = Outreach.link(MailServer.body(mails.get(0)));

            Page member = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))
                    .newPage();
            Invitations.accept(member, link);
            assertThat(member.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
            assertThat(member.locator("[data-testid=me]")).containsText("Mina");
            assertThat(member.evaluate("() => JSON.stringify(window.assemblyHub.me.joinWith)"))
                    .as("the video defaults chosen at creation reach the member's browser")
                    .isEqualTo("{\"camera\":false,\"microphone\":true}");
            assertThat(admin.locator("[data-testid=roster-row][data-person=m1] [data-testid=never-opened]"))
                    .hasCount(0);

            Page visitor = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))
                    .newPage();
            visitor.navigate(hub.url() + "/o/ville-d");
            assertThat(visitor.locator("main")).containsText("Assemblée du climat");
            assertThat(visitor.locator("main")).containsText("from 2027-01-09 to 2027-03-20");
            assertThat(Axe.violations(visitor)).as("public page").isEmpty();
        } finally {
            smtp.stop();
        }
    }
}
