package org.assemblyhub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The strings as Chromium loads them: the page's own i18n module, after the app added its registered features'
 * strings, holds every key of every strings file (ClientStringsTest reads those) in French and English, and found no
 * key twice. The tech check page, which is not the app, adds the video feature's strings itself.
 */
class ClientStringsIT {
    static final String DICTIONARIES =
            """
            async () => {
              const i18n = await import('/i18n/i18n.js');
              const d = i18n.dictionaries();
              return { problems: i18n.stringProblems(), fr: Object.keys(d.fr), en: Object.keys(d.en) };
            }""";

    @Test
    void the_app_adds_the_strings_of_every_feature_and_finds_no_key_twice() {
        // The organisation's pages (organisation/strings.js) are a page of their own (org.html), not the app's.
        Map<String, Set<String>> expected = new TreeMap<>();
        ClientStrings.definitions().stream()
                .filter(d -> !d.file().equals("organisation/strings.js"))
                .forEach(d -> expected.computeIfAbsent(d.language(), l -> new TreeSet<>())
                        .add(d.key()));
        assertSameKeys(loaded("/"), expected);
    }

    @Test
    void the_tech_check_page_has_the_apps_own_strings_and_the_video_and_help_desk_features() {
        Map<String, Set<String>> expected = new TreeMap<>();
        ClientStrings.definitions().stream()
                .filter(d -> d.file().equals("i18n/strings.js")
                        || d.file().equals("video/strings.js")
                        || d.file().equals("helpdesk/strings.js"))
                .forEach(d -> expected.computeIfAbsent(d.language(), l -> new TreeSet<>())
                        .add(d.key()));
        assertSameKeys(loaded("/tech-check.html"), expected);
    }

    private static void assertSameKeys(Map<String, Set<String>> loaded, Map<String, Set<String>> files) {
        assertThat(loaded.keySet()).isEqualTo(files.keySet());
        files.forEach((language, keys) -> {
            assertThat(keys.stream()
                            .filter(k -> !loaded.get(language).contains(k))
                            .toList())
                    .as(language + ": keys of the strings files that the page did not add")
                    .isEmpty();
            assertThat(loaded.get(language).stream()
                            .filter(k -> !keys.contains(k))
                            .toList())
                    .as(language + ": keys the page has that no strings file gives")
                    .isEmpty();
        });
    }

    /** Language → keys of the page's dictionaries, once the page has started; fails on any problem or console error. */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> loaded(String path) {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            Browser browser = Chromium.launch(
                    playwright, List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"));
            List<String> errors = new CopyOnWriteArrayList<>();
            Page page = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))
                    .newPage();
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) errors.add(m.text());
            });
            page.navigate(hub.url() + path);
            page.locator("h1").waitFor();
            Map<String, Object> result = (Map<String, Object>) page.evaluate(DICTIONARIES);
            browser.close();
            assertThat((List<String>) result.get("problems"))
                    .as("keys twice or in one language only")
                    .isEmpty();
            assertThat(errors).isEmpty();
            Map<String, Set<String>> keys = new TreeMap<>();
            keys.put("fr", new TreeSet<>((List<String>) result.get("fr")));
            keys.put("en", new TreeSet<>((List<String>) result.get("en")));
            return keys;
        }
    }
}
