package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.assemblyhub.testing.DemoHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo's one-click switcher in real Chromium: one browser becomes one demo person after another — a member, the
 * lead facilitator, the public page — each press doing what opening that person's link does, in English and French.
 */
class DemoSwitcherIT {
    static Playwright playwright;
    static Browser browser;
    final List<String> errors = new CopyOnWriteArrayList<>();
    DemoHub demo;
    BrowserContext context;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        browser = Chromium.launch(playwright, List.of());
    }

    @AfterAll
    static void close() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void startDemo() {
        demo = DemoHub.start();
    }

    @AfterEach
    void stop() {
        if (context != null) context.close();
        demo.close();
    }

    private Page open(String locale, int width) {
        context = browser.newContext(
                new Browser.NewContextOptions().setLocale(locale).setViewportSize(width, 800));
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) errors.add(m.text());
        });
        page.navigate(demo.url() + "/demo");
        return page;
    }

    private static void press(Page page, String name) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
        page.waitForURL(url -> url.endsWith("/a/demo"));
    }

    private boolean signedIn() {
        return context.cookies().stream().anyMatch(c -> c.name.equals("ah_session") && !c.value.isEmpty());
    }

    @Test
    void the_switcher_switches_one_browser_from_a_member_to_the_lead_facilitator_then_to_the_public_page() {
        Page page = open("en-GB", 1024);
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/demo-switcher-en.png"))
                .setFullPage(true));

        press(page, "Switch to Aïcha Benali");
        assertThat(page.locator("[data-testid=me]")).containsText("Aïcha Benali");
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");

        page.navigate(demo.url() + "/demo");
        assertThat(page.locator("[data-testid=demo-person-m1]")).hasAttribute("aria-current", "true");
        assertThat(page.locator("[data-testid=demo-person-m1]")).containsText("this browser now");
        press(page, "Switch to Fatou Diallo");
        assertThat(page.locator("[data-testid=me]")).containsText("Fatou Diallo");
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session")))
                .isVisible();

        page.navigate(demo.url() + "/demo");
        press(page, "See the public page (observer)");
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        assertThat(page.locator("[data-testid=me]")).hasText("You are watching as a public observer.");
        assertThat(signedIn()).as("signed out: an observer").isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void in_french_on_a_phone_the_switcher_has_no_english_and_no_sideways_scroll_and_makes_the_organiser() {
        Page page = open("fr-FR", 360);
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("h1")).hasText("Changer de personne");
        assertThat(page.locator("main")).not().containsText("Switch");
        Object sideways = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        assertThat(sideways).isEqualTo(false);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/demo-switcher-fr-360.png"))
                .setFullPage(true));

        press(page, "Passer à Olivia Organiser");
        assertThat(page.locator("[data-testid=me]")).containsText("Olivia Organiser");

        // "Nouveau lien" in the organiser console: demo-links.txt, and so the switcher, follow at once.
        String old = demo.link("Fatou Diallo");
        page.locator("table.roster tr", new Page.LocatorOptions().setHasText("Fatou Diallo"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nouveau lien"))
                .click();
        String fresh = page.getByLabel("Fatou Diallo", new Page.GetByLabelOptions().setExact(true))
                .inputValue();
        assertThat(fresh).contains("/join/").isNotEqualTo(old);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (demo.link("Fatou Diallo").equals(old) && System.nanoTime() < deadline) page.waitForTimeout(50);
        assertThat(demo.link("Fatou Diallo")).isEqualTo(fresh);

        page.navigate(demo.url() + "/demo");
        press(page, "Passer à Fatou Diallo");
        assertThat(page.locator("[data-testid=me]")).containsText("Fatou Diallo");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lancer la séance")))
                .isVisible();
        assertThat(errors).isEmpty();
    }
}
