package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/** The tech check page in Chromium: with a (fake) camera and microphone, and with permission refused. */
class TechCheckIT {
    @Test
    void with_a_camera_and_microphone_the_page_shows_the_preview_and_a_moving_level_and_plays_a_test_sound() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            Browser browser = Chromium.launch(
                    playwright,
                    List.of(
                            "--use-fake-device-for-media-stream",
                            "--use-fake-ui-for-media-stream",
                            "--autoplay-policy=no-user-gesture-required"));
            Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))
                    .newPage();
            page.navigate(hub.url() + "/tech-check.html");

            page.waitForFunction(
                    "() => { const v = document.querySelector('[data-testid=preview]'); return v && v.videoWidth > 0; }");
            page.waitForFunction("() => document.querySelector('[data-testid=level]').value > 5");
            page.getByTestId("test-sound").click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("You should hear a tone now.");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screens/tech-check.png"))
                    .setFullPage(true));
            browser.close();
        }
    }

    @Test
    void when_the_browser_refuses_the_camera_the_page_says_what_to_do() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            Browser browser = Chromium.launch(
                    playwright, List.of("--use-fake-device-for-media-stream", "--deny-permission-prompts"));
            Page page = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))
                    .newPage();
            page.navigate(hub.url() + "/tech-check.html");

            assertThat(page.getByTestId("advice"))
                    .containsText("Le navigateur n'a pas autorisé la caméra et le micro.");
            assertThat(page.getByTestId("advice")).containsText("Autoriser");
            browser.close();
        }
    }
}
