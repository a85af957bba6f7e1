package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A third language is one file (docs/translating.md): the file the translators' template gives, translated (here every
 * text replaced by its key in ⟪ ⟫) and listed in languages.js, is all the screens need. Served to Chromium in place of
 * the hub's own languages.js, it becomes the language after English on the button, every text and error of the page
 * is its own, and the page finds no key missing.
 */
class LanguagePackIT {
    static final String ROSTER = """
            id,name,role
            m1,Aïcha Benali,member
            """;
    private static final Pattern LINE = Pattern.compile("^( {4}\"([^\"]+)\": )\".*\",$", Pattern.MULTILINE);

    @Test
    void a_language_added_as_one_file_speaks_on_every_part_of_the_screen_with_its_own_numbers_and_errors()
            throws IOException {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            Browser browser = Chromium.launch(playwright, List.of());

            Page translator = browser.newPage();
            translator.navigate(hub.url() + "/");
            translator.locator("h1").waitFor();
            String template = (String)
                    translator.evaluate(
                            "async () => (await import('/i18n/template.js')).template('eo', 'Esperanto', 'eo', 'Montri en Esperanto')");
            assertThat(template).contains("\"status.live\": \"Connected\",", "\"busy\": ");
            Matcher line = LINE.matcher(template);
            String pack = line.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"⟪" + m.group(2) + "⟫\","));
            String languages = Files.readString(ClientStrings.WEBROOT.resolve("i18n/languages.js"))
                    .replace("export default [", "import eo from './languages/eo.js';\nexport default [")
                    .replace("\n];", "\n  eo,\n];");

            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
            context.route("**/i18n/languages.js", route -> fulfil(route, languages));
            context.route("**/i18n/languages/eo.js", route -> fulfil(route, pack));
            Page member = context.newPage();
            Invitations.accept(member, hub.url() + "/join/" + setup.token("m1"));
            assertThat(member.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
            assertThat(member.getByTestId("language")).hasText("Esperanto");
            member.getByTestId("language").click();

            assertThat(member.locator("html")).hasAttribute("lang", "eo");
            assertThat(member.locator("[data-testid=connection]")).containsText("⟪status.live⟫");
            assertThat(member.getByTestId("language")).hasText("Français");
            @SuppressWarnings("unchecked")
            Map<String, Object> page = (Map<String, Object>)
                    member.evaluate(
                            """
                    async () => {
                      const i18n = await import('/i18n/i18n.js');
                      return { problems: i18n.stringProblems(), busy: i18n.errorText({ code: 'busy', message: 'Busy' }),
                               text: document.body.innerText };
                    }""");
            assertThat((List<String>) page.get("problems")).isEmpty();
            assertThat(page.get("busy")).isEqualTo("⟪busy⟫");
            String text = (String) page.get("text");
            assertThat(text).doesNotContain("Connected", "Connecté", "Member", "Membre");
            browser.close();
        }
    }

    private static void fulfil(Route route, String body) {
        route.fulfill(
                new Route.FulfillOptions().setContentType("text/javascript").setBody(body));
    }
}
