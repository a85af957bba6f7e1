package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.recommendation.domain.Trackers;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The browser computes its ballot tracker itself (the hub need not send it): in real Chromium the client's
 * {@code trackerOf} — with WebCrypto, and with the js-sha256 WebJar used on plain-http pages where crypto.subtle is
 * missing — equals the hub's reference {@link Trackers#of}, and the tracker on the receipt is the one of the secret
 * the browser kept.
 */
class BallotTrackerIT {
    static final String COMPUTE =
            """
            async (cases) => {
              const { trackerOf } = await import('/decision/tracker.js');
              const { sha256WebCrypto, sha256Portable } = await import('/lib/sha256.js');
              const out = [];
              for (const [ballot, secret] of cases) {
                out.push([await trackerOf(ballot, secret, sha256WebCrypto), await trackerOf(ballot, secret, sha256Portable),
                          await trackerOf(ballot, secret)]);
              }
              return out;
            }""";

    @Test
    @SuppressWarnings("unchecked")
    void the_tracker_the_browser_shows_is_the_hubs_reference_for_the_secret_it_kept() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup =
                    hub.createAssembly(true, "id,name,role\nf0,Lead Person,facilitator\nm1,Aïcha Benali,member\n");
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation"));
            LiveClient lead = hub.client(setup.token("f0")).join(setup.assemblyId());
            lead.call(
                    "d",
                    "propose-draft",
                    new JsonObject().put("title", "Cycle lanes").put("text", "Build protected cycle lanes."));
            organiser.call("phase2", "change-phase", new JsonObject().put("phase", "decision"));

            Browser browser = Chromium.launch(playwright, List.of());
            Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))
                    .newPage();
            Invitations.accept(page, hub.url(), setup.token("m1"));

            List<List<String>> cases = new ArrayList<>();
            cases.add(List.of("b1", "0".repeat(32)));
            cases.add(List.of("b1", "00112233445566778899aabbccddeeff"));
            cases.add(List.of("b12", "f".repeat(128)));
            cases.add(List.of("b3", "0123456789abcdef".repeat(3)));
            List<List<String>> computed = (List<List<String>>) page.evaluate(COMPUTE, cases);
            for (int i = 0; i < cases.size(); i++) {
                String reference = Trackers.of(cases.get(i).get(0), cases.get(i).get(1));
                assertThat(computed.get(i))
                        .as("WebCrypto, js-sha256, default for " + cases.get(i))
                        .containsExactly(reference, reference, reference);
            }

            assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
            lead.call(
                    "b",
                    "open-ballot",
                    new JsonObject().put("title", "Final vote").put("draftIds", new JsonArray().add("d1")));
            Locator ballot = page.locator("[data-testid=ballot-b1]");
            ballot.getByLabel("Support", new Locator.GetByLabelOptions().setExact(true))
                    .check();
            ballot.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cast my vote"))
                    .click();
            Locator shown = ballot.locator("[data-testid=my-tracker]");
            assertThat(shown).hasText(Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
            Map<String, Object> kept = (Map<String, Object>)
                    page.evaluate(
                            """
                    () => JSON.parse(Object.entries(localStorage).find(([k]) => k.endsWith('/ballot/b1'))[1])""");
            assertThat(shown.textContent()).isEqualTo(Trackers.of("b1", (String) kept.get("secret")));
            assertThat(ballot.locator("[data-testid=tracker-mismatch]")).hasCount(0);
            browser.close();
        }
    }
}
