package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A member who uses only the keyboard (Tab, Shift+Tab, the arrow keys, Space, Enter: no mouse, no script clicking for
 * them) answers a poll, casts a secret ballot and raises a hand. After every key, focus is on a control of the page
 * (never the page's body) and it shows: the focused element has an outline or a ring. What changes is said in the
 * page's polite live region.
 */
class KeyboardOnlyIT {
    static final String ROSTER =
            """
            id,name,role
            f0,Lead Person,facilitator
            f1,Fac One,facilitator
            m1,Member One,member
            m2,Member Two,member
            m3,Member Three,member
            """;

    /** What is focused: "body" when nothing is, the element when it shows no focus ring, else "ok". */
    private static final String FOCUS =
            """
            () => {
              const e = document.activeElement;
              if (!e || e === document.body || e === document.documentElement) return 'body';
              const s = getComputedStyle(e);
              const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
              return ring ? 'ok' : 'no visible focus on ' + e.outerHTML.slice(0, 160);
            }""";

    static Playwright playwright;
    static Browser browser;
    final List<String> errors = new CopyOnWriteArrayList<>();

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

    @Test
    void a_member_answers_a_poll_and_casts_a_secret_ballot_with_the_keyboard_alone() {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            ok(organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0")));
            LiveClient lead = hub.client(setup.token("f0")).join(setup.assemblyId());
            Page member = open(hub, setup.token("m1"), 390);
            ok(organiser.call(
                    "poll",
                    "open-poll",
                    new JsonObject()
                            .put("kind", "single")
                            .put("question", "What first?")
                            .put("options", new JsonArray().add("Trees").add("Bikes"))));
            Locator poll = member.locator("[data-testid=poll-p1]");
            assertThat(poll).isVisible();

            // Tab to the poll's first choice, Shift+Tab back and forth, then the arrow key picks "Bikes".
            tabTo(member, "[data-testid=poll-p1] input[type=radio]");
            press(member, "Shift+Tab");
            press(member, "Tab");
            assertThat(member.evaluate("() => document.activeElement.value")).isEqualTo("0");
            press(member, "ArrowDown");
            assertThat(poll.getByLabel("Bikes")).isChecked();
            tabTo(member, "[data-testid=poll-p1] button[type=submit]");
            press(member, "Enter");
            assertThat(poll.locator("[data-testid=answered]")).isVisible();
            assertThat(poll.locator("[data-testid=count]")).hasText(new String[] {"0", "1"});
            focusIsVisible(member, "after sending the answer");
            // Changing one's mind: back to the choices with Shift+Tab, Space on "Trees", Enter on the button.
            shiftTabTo(member, "[data-testid=poll-p1] input[type=radio]");
            press(member, "ArrowUp");
            press(member, "Space");
            assertThat(poll.getByLabel("Trees")).isChecked();
            tabTo(member, "[data-testid=poll-p1] button[type=submit]");
            press(member, "Enter");
            assertThat(poll.locator("[data-testid=count]")).hasText(new String[] {"1", "0"});
            focusIsVisible(member, "after changing the answer");

            ok(organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation")));
            ok(lead.call(
                    "d",
                    "propose-draft",
                    new JsonObject().put("title", "Cycle lanes").put("text", "Build protected cycle lanes.")));
            ok(organiser.call("phase2", "change-phase", new JsonObject().put("phase", "decision")));
            ok(lead.call(
                    "b",
                    "open-ballot",
                    new JsonObject().put("title", "Final vote").put("draftIds", new JsonArray().add("d1"))));
            Locator ballot = member.locator("[data-testid=ballot-b1]");
            assertThat(ballot).isVisible();
            assertThat(member.locator("[data-testid=announcer]")).containsText("A vote is open: Final vote");

            // The five levels are one radio group: Shift+Tab reaches it at its last level, the arrows go to
            // "Support" (level 2), Space picks it.
            tabTo(member, "[data-testid=ballot-b1] input[type=radio]");
            for (int i = 0; i < 5; i++) {
                int level = Integer.parseInt((String) member.evaluate("() => document.activeElement.value"));
                if (level == 2) break;
                press(member, level > 2 ? "ArrowUp" : "ArrowDown");
            }
            press(member, "Space");
            assertThat(ballot.getByLabel("Support", new Locator.GetByLabelOptions().setExact(true)))
                    .isChecked();
            tabTo(member, "[data-testid=ballot-b1] button[type=submit]");
            press(member, "Enter");
            assertThat(ballot.locator("[data-testid=my-tracker]"))
                    .hasText(Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
            focusIsVisible(member, "after casting the ballot");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void raising_a_hand_with_the_keyboard_keeps_focus_on_the_button_and_says_so() {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            ok(organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0")));
            LiveClient facilitator = hub.client(setup.token("f1")).join(setup.assemblyId());
            hub.client(setup.token("m2")).join(setup.assemblyId());
            hub.client(setup.token("m3")).join(setup.assemblyId());
            Page member = open(hub, setup.token("m1"), 1280);
            organiser.awaitView(v -> v.path("roster").path("m1").path("online").asBoolean());
            ok(organiser.call("plan", "plan-breakouts", new JsonObject().put("minSize", 3)));
            ok(organiser.call("open", "open-breakouts", new JsonObject()));
            assertThat(member.locator("[data-testid=workspace]")).isVisible();

            tabTo(member, "[data-testid=hand]");
            assertThat(member.locator("[data-testid=hand]")).hasText("✋ Raise my hand");
            press(member, "Enter");
            assertThat(member.locator("[data-testid=hand]")).hasText("Lower my hand");
            assertThat(member.locator("[data-testid=hand]")).isFocused();
            assertThat(member.locator("[data-testid=announcer]")).containsText("Your hand is raised");

            // The facilitator gives the floor: the member reads it, and hears it.
            facilitator.awaitView(v -> v.path("workspace").path("queue").has("m1"));
            ok(facilitator.call("floor", "give-floor", new JsonObject().put("personId", "m1")));
            assertThat(member.locator("[data-testid=speaker]")).containsText("It's your turn to speak.");
            assertThat(member.locator("[data-testid=announcer]")).containsText("It's your turn to speak.");
            focusIsVisible(member, "after the floor was given");

            // Calling for help: the button becomes a sentence, which takes the focus.
            tabTo(member, "[data-focus=help]");
            press(member, "Enter");
            assertThat(member.locator("p[data-focus=help]")).isFocused();
            assertThat(member.locator("[data-testid=announcer]")).containsText("Help has been called");
            ok(organiser.call("answer", "answer-help", new JsonObject().put("group", 1)));
            assertThat(member.locator("[data-testid=announcer]")).containsText("Your call for help has been answered.");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void a_poll_opened_by_the_organiser_is_announced_in_the_members_live_region() {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            Page member = open(hub, setup.token("m1"), 390);
            Locator announcer = member.locator("[data-testid=announcer]");
            assertThat(announcer).hasAttribute("aria-live", "polite");
            assertThat(announcer).isEmpty();
            ok(organiser.call(
                    "poll",
                    "open-poll",
                    new JsonObject()
                            .put("kind", "single")
                            .put("question", "Where do we start?")
                            .put("options", new JsonArray().add("Trees").add("Bikes"))));
            assertThat(announcer).hasText("A new poll is open: Where do we start?");
            assertThat(errors).isEmpty();
        }
    }

    private Page open(TestHub hub, String token, int width) {
        Page page = browser.newContext(
                        new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(width, 900))
                .newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) errors.add(m.text());
        });
        page.navigate(hub.url() + "/join/" + token);
        // Even the invitation page's button is pressed from the keyboard: it has the focus when the page opens.
        assertThat(page.locator("[data-testid=join-continue]")).isFocused();
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.contains("/a/"));
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        return page;
    }

    /** Presses a key, then checks that focus is still on something of the page, and shows. */
    private static void press(Page page, String key) {
        page.keyboard().press(key);
        focusIsVisible(page, "after " + key);
    }

    private static void focusIsVisible(Page page, String when) {
        page.waitForTimeout(50); // a redraw waits for the next animation frame
        assertThat(page.evaluate(FOCUS)).as("focus " + when).isEqualTo("ok");
    }

    /**
     * Tab (or Shift+Tab, when the control is above the focused one, as a person would go back up) until the focused
     * element matches selector: at most 120 keys, checking the focus after each.
     */
    private static void tabTo(Page page, String selector) {
        Object above = page.evaluate(
                "s => { const t = document.querySelector(s), f = document.activeElement;"
                        + " return Boolean(t && f && f !== document.body"
                        + " && (t.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING)); }",
                selector);
        moveTo(page, selector, Boolean.TRUE.equals(above) ? "Shift+Tab" : "Tab");
    }

    private static void shiftTabTo(Page page, String selector) {
        moveTo(page, selector, "Shift+Tab");
    }

    private static void moveTo(Page page, String selector, String key) {
        for (int i = 0; i < 120; i++) {
            if (Boolean.TRUE.equals(page.evaluate("s => document.activeElement?.matches(s) === true", selector)))
                return;
            page.keyboard().press(key);
            focusIsVisible(page, "after " + key + " × " + (i + 1));
        }
        throw new AssertionError(key + " never reached " + selector);
    }

    private static void ok(JsonNode answer) {
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("ack");
    }
}
