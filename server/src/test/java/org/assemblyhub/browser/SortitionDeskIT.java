package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The selection in real Chromium: an organiser (in French) loads volunteers and quotas, computes the chances, reads
 * the histogram, publishes the commitment, draws from announced numbers, adds the panel to the roster and gets the
 * links, then replaces a member who dropped out; an observer (in English) follows the public account — commitment,
 * seed inputs, the panel by pseudonymous id, the files — and never sees a name or a contact.
 */
class SortitionDeskIT {
    static final String CANARY = "canary-contact-5521";

    static String people() {
        StringBuilder csv = new StringBuilder("person_id,first_name,last_name,email,address,gender,age\n");
        for (int i = 0; i < 30; i++) {
            csv.append("p")
                    .append(i)
                    .append(",Volontaire")
                    .append(i)
                    .append(",Durand,v")
                    .append(i)
                    .append('.')
                    .append(CANARY)
                    .append("@example.org,")
                    .append(i)
                    .append(" rue ")
                    .append(CANARY)
                    .append(',')
                    .append(i % 3 == 0 ? "f" : "m")
                    .append(',')
                    .append(i % 2 == 0 ? "young" : "old")
                    .append('\n');
        }
        return csv.toString();
    }

    static final String QUOTAS = "feature,value,min,max\ngender,f,2,4\ngender,m,2,4\nage,young,2,4\nage,old,2,4\n";

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static FilePayload file(String name, String text) {
        return new FilePayload(name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void screenshot(Locator tool, String name) {
        tool.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target/screens/" + name + ".png")));
    }

    @Test
    void an_organiser_runs_a_selection_end_to_end_and_the_members_appear_on_the_roster_with_their_links() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, null);
            String assembly = setup.assemblyId();
            Browser browser = Chromium.launch(playwright, List.of());
            List<String> errors = new CopyOnWriteArrayList<>();

            Page organiser = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))
                    .newPage();
            organiser.onConsoleMessage(m -> {
                if (m.type().equals("error")) errors.add(m.text());
            });
            Invitations.accept(organiser, hub.url(), setup.token("organiser-1"));
            assertThat(organiser.locator("[data-testid=connection]")).hasAttribute("data-status", "live");

            Page observer = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))
                    .newPage();
            observer.onConsoleMessage(m -> {
                if (m.type().equals("error")) errors.add(m.text());
            });
            observer.navigate(hub.url() + "/a/" + assembly);
            assertThat(observer.locator("[data-testid=connection]")).hasAttribute("data-status", "live");

            Locator desk = organiser.locator("[data-testid=sortition-desk]");
            // The console is long: its list of parts takes the organiser (and focus) to the desk.
            organiser.locator("[data-testid=page-index] summary").click();
            organiser
                    .locator(
                            "[data-testid=page-index] a",
                            new Page.LocatorOptions().setHasText("Tirage au sort des membres"))
                    .click();
            assertThat(organiser.locator("#sortition-desk-title")).isFocused();
            // A file with a volunteer twice is refused whole, the problem said in the organiser's language.
            desk.getByLabel("Volontaires (CSV", new Locator.GetByLabelOptions())
                    .setInputFiles(file("volontaires.csv", people() + "p4,Autre,Durand,x@example.org,9 rue,f,old\n"));
            desk.getByLabel("Quotas (CSV", new Locator.GetByLabelOptions()).setInputFiles(file("quotas.csv", QUOTAS));
            desk.getByLabel("Colonne de l'identifiant").fill("person_id");
            desk.getByLabel("Nombre de membres à tirer").fill("6");
            button(organiser, "Vérifier et charger").click();
            assertThat(desk.locator("[data-testid=sortition-problems]"))
                    .containsText("people.csv, ligne 32 — l'identifiant p4 est déjà à la ligne 6");
            assertThat(desk.locator("[data-testid=sortition-error]")).isFocused();

            desk.getByLabel("Volontaires (CSV", new Locator.GetByLabelOptions())
                    .setInputFiles(file("volontaires.csv", people()));
            desk.getByLabel("Quotas (CSV", new Locator.GetByLabelOptions()).setInputFiles(file("quotas.csv", QUOTAS));
            desk.getByLabel("Colonne de l'identifiant").fill("person_id");
            desk.getByLabel("Nombre de membres à tirer").fill("6");
            desk.getByLabel("Un seul membre par foyer", new Locator.GetByLabelOptions())
                    .fill("address");
            button(organiser, "Vérifier et charger").click();
            assertThat(desk.locator("[data-testid=sortition-taken]")).containsText("30 volontaires chargés, 6 membres");

            desk.locator("#sortition-algorithm").selectOption("maximin");
            button(organiser, "Lancer le calcul").click();
            assertThat(desk.locator("[data-testid=sortition-run-state]")).isFocused();
            assertThat(desk.locator("[data-testid=sortition-run-state]"))
                    .containsText("Calcul terminé", new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
            assertThat(desk.locator("[data-testid=sortition-histogram] tbody tr")
                            .first())
                    .isVisible();
            screenshot(desk, "sortition-desk-outcome");

            desk.getByLabel("D'où viendront les nombres qui forment la graine")
                    .fill("Trois témoins tirés au sort diront chacun un nombre en séance publique.");
            desk.getByLabel("Les sources des nombres", new Locator.GetByLabelOptions())
                    .fill("Témoin Amal\nTémoin Bo\nTémoin Chen");
            desk.getByLabel("Je comprends que l'engagement ne pourra plus être changé.")
                    .check();
            button(organiser, "Publier l'engagement").click();
            assertThat(desk.locator("[data-testid=sortition-committed] code"))
                    .hasText(Pattern.compile("^[0-9a-f]{64}$"));
            String commitment =
                    desk.locator("[data-testid=sortition-committed] code").textContent();

            Locator account = observer.locator("[data-testid=sortition-public]");
            account.locator("summary").click();
            assertThat(account).containsText(commitment);
            assertThat(account).containsText("The draw has not taken place yet.");

            assertThat(account.locator("[data-testid=sortition-seed-sources] li"))
                    .hasCount(3);
            desk.getByLabel("Témoin Amal").fill("4821");
            desk.getByLabel("Témoin Bo").fill("077");
            desk.getByLabel("Témoin Chen").fill("10 24");
            desk.getByLabel("J'ai saisi les nombres tels qu'ils ont été annoncés", new Locator.GetByLabelOptions())
                    .check();
            button(organiser, "Tirer le panel").click();
            assertThat(desk.locator("[data-testid=sortition-panel] li")).hasCount(6);
            assertThat(account.locator("[data-testid=sortition-selected] li")).hasCount(6);
            assertThat(account.locator("[data-testid=sortition-seed-inputs]")).containsText("Témoin Bo: 77");
            assertThat(account.locator("[data-testid=sortition-files]")).containsText("result.csv");

            button(organiser, "Ajouter le panel à la liste des membres").click();
            Locator links = desk.locator("[data-testid=sortition-links] input.link");
            assertThat(links).hasCount(6);
            String link = links.first().inputValue();
            assertThat(link).contains("/join/");
            Locator roster = organiser.locator("section[aria-labelledby=organiser-title] table.roster");
            assertThat(roster.locator("tbody tr", new Locator.LocatorOptions().setHasText("Volontaire")))
                    .hasCount(6);

            Page member = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))
                    .newPage();
            Invitations.accept(member, link);
            assertThat(member.locator("[data-testid=connection]")).hasAttribute("data-status", "live");

            organiser.onceDialog(dialog -> dialog.accept()); // a replacement cannot be undone: asked once more
            desk.locator("[data-testid=sortition-replace]").first().click();
            assertThat(desk.locator("[data-testid=sortition-replaced]")).containsText("suppléant n°");
            assertThat(desk.locator("[data-testid=sortition-replaced]"))
                    .containsText(Pattern.compile("^Volontaire\\d+ Durand est remplacé·e par Volontaire"));
            // Focus on what happened, not on the next Replace button (the page's own focus: the member's took the
            // window's).
            organiser.waitForFunction("() => document.activeElement?.dataset?.testid === 'sortition-replaced'");
            assertThat(desk.locator("[data-testid=sortition-links] input.link")).hasCount(7);
            assertThat(desk.locator("[data-testid=sortition-seat]")).hasCount(0);
            assertThat(account).containsText("Replacements:");
            screenshot(desk, "sortition-desk-panel");
            // Every state of the desk shown at once (outcome, commitment, panel, links) and the observer's open
            // account pass axe-core's WCAG A/AA rules, at desktop width and on a phone.
            assertThat(Axe.violations(organiser)).as("organiser, desktop").isEmpty();
            assertThat(Axe.violations(observer)).as("observer, desktop").isEmpty();
            organiser.setViewportSize(390, 844);
            observer.setViewportSize(390, 844);
            assertThat(Axe.violations(organiser)).as("organiser, phone").isEmpty();
            assertThat(Axe.violations(observer)).as("observer, phone").isEmpty();

            assertThat(observer.content()).doesNotContain(CANARY).doesNotContain("Volontaire");
            // The refused file's 422 is logged by Chromium as a failed resource; anything else is a fault of the page.
            assertThat(errors).allMatch(e -> e.contains("status of 422"), "only the refused file's answer");
        }
    }
}
