package org.assemblyhub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.testing.DemoHub;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

/**
 * The demo's one-click switcher hands out every identity of the demo: it is there only when the hub runs the demo on
 * a loopback address, and it answers only requests that name this computer.
 */
class DemoSwitcherTest {

    @Test
    void the_switcher_is_404_when_the_hub_is_not_in_demo_mode() {
        try (TestHub hub = new TestHub()) {
            assertThat(hub.get("/demo", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void the_switcher_is_404_when_the_demo_listens_on_a_non_loopback_address() {
        try (DemoHub demo = DemoHub.start("--host", "0.0.0.0")) {
            assertThat(demo.config().host()).isEqualTo("0.0.0.0");
            assertThat(demo.raw("GET", "/demo", "127.0.0.1:" + demo.port()).status())
                    .isEqualTo(404);
            assertThat(demo.raw("POST", "/demo/observer", "127.0.0.1:" + demo.port())
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void the_switcher_lists_every_demo_person_for_localhost_and_refuses_other_hosts_and_origins() {
        try (DemoHub demo = DemoHub.start()) {
            String localhost = "localhost:" + demo.port();
            DemoHub.Raw page = demo.raw("GET", "/demo", localhost, "Accept-Language: en-GB,en;q=0.9");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.head()).containsIgnoringCase("Cache-Control: no-store");
            for (String line : demo.links()) {
                String link = line.substring(line.lastIndexOf(' ') + 1);
                if (link.contains("/join/"))
                    assertThat(page.body()).contains("action=\"/join/" + TestHub.tokenOf(link));
            }
            assertThat(page.body())
                    .contains("Switch to Olivia Organiser", "Switch to Fatou Diallo", "Switch to Dr Karima Nguyen")
                    .contains("Lead facilitator", "See the public page (observer)");
            assertThat(demo.raw("GET", "/demo", "127.0.0.1:" + demo.port()).status())
                    .isEqualTo(200);
            assertThat(demo.raw("GET", "/demo", "[::1]:" + demo.port()).status())
                    .isEqualTo(200);

            // DNS rebinding: another site's name pointed at 127.0.0.1.
            DemoHub.Raw rebound = demo.raw("GET", "/demo", "evil.example:" + demo.port());
            assertThat(rebound.status()).isEqualTo(403);
            assertThat(rebound.body()).doesNotContain("/join/");
            assertThat(demo.raw("GET", "/demo", "127.0.0.1.evil.example").status())
                    .isEqualTo(403);
            assertThat(demo.raw("GET", "/demo", localhost, "Origin: http://evil.example")
                            .status())
                    .isEqualTo(403);
            assertThat(demo.raw(
                                    "POST",
                                    "/demo/observer",
                                    localhost,
                                    "Origin: http://evil.example",
                                    "Sec-Fetch-Site: cross-site")
                            .status())
                    .isEqualTo(403);
            assertThat(demo.raw("POST", "/demo/observer", "evil.example:" + demo.port(), "Sec-Fetch-Site: same-origin")
                            .status())
                    .isEqualTo(403);

            DemoHub.Raw observer = demo.raw(
                    "POST", "/demo/observer", localhost, "Origin: http://" + localhost, "Sec-Fetch-Site: same-origin");
            assertThat(observer.status()).isEqualTo(303);
            assertThat(observer.head()).contains("Location: /a/demo").contains("ah_session=;");
        }
    }

    @Test
    void the_switcher_speaks_the_browsers_language_french_without_a_word_of_english() {
        try (DemoHub demo = DemoHub.start()) {
            String localhost = "localhost:" + demo.port();
            String french = demo.raw("GET", "/demo", localhost, "Accept-Language: fr-FR,fr;q=0.9,en;q=0.5")
                    .body();
            assertThat(french)
                    .contains("<html lang=\"fr\">", "Passer à Aïcha Benali", "Animation principale", "Membres")
                    .doesNotContain("Switch", "Members", "Lead facilitator", "observer)");
            assertThat(demo.raw("GET", "/demo?lang=en", localhost, "Accept-Language: fr-FR")
                            .body())
                    .contains("<html lang=\"en\">", "Switch to Aïcha Benali");
        }
    }
}
