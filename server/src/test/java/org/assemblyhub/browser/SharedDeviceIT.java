package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A family tablet or a library computer in real Chromium: two members use the same browser (one context: same
 * cookies, same storage). Nothing of the first — vote receipt, tracker, poll answer — is shown to the second, and
 * "Leave this device" warns about an open vote, signs out and removes that person's data only.
 */
class SharedDeviceIT {
    static final String ROSTER =
            "id,name,role\nf0,Lead Person,facilitator\nm1,Aïcha Benali,member\nm2,Bruno Costa,member\nm3,Chloé Dubois,member\n";
    static Playwright playwright;
    static Browser browser;
    final List<String> errors = new CopyOnWriteArrayList<>();
    TestHub hub;
    TestHub.Setup setup;
    LiveClient lead;
    BrowserContext device;
    Page page;

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

    /** A private assembly in its decision phase with a draft to vote on; one shared browser. */
    @BeforeEach
    void sharedBrowser() {
        hub = new TestHub();
        setup = hub.createAssembly(false, ROSTER);
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation"));
        lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        lead.call(
                "d",
                "propose-draft",
                new JsonObject().put("title", "Cycle lanes").put("text", "Build protected cycle lanes."));
        organiser.call("phase2", "change-phase", new JsonObject().put("phase", "decision"));
        device = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        page = device.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) errors.add(m.text());
        });
    }

    @AfterEach
    void stop() {
        device.close();
        hub.close();
    }

    private void signIn(String personId) {
        Invitations.accept(page, hub.url(), setup.token(personId));
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
    }

    private String vote(String level) {
        Locator ballot = page.locator("[data-testid=ballot-b1]");
        ballot.getByLabel(level, new Locator.GetByLabelOptions().setExact(true)).check();
        ballot.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cast my vote"))
                .click();
        Locator tracker = ballot.locator("[data-testid=my-tracker]");
        assertThat(tracker).hasText(Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        return tracker.textContent();
    }

    private String storage() {
        return (String) page.evaluate("() => JSON.stringify(Object.entries(localStorage))");
    }

    @Test
    void the_next_person_on_the_same_browser_sees_no_receipt_tracker_or_answer_of_the_person_before() {
        LiveClient bruno =
                hub.client(setup.token("m2")).join(setup.assemblyId()); // on the rolls, as family members are
        signIn("m1");
        lead.call(
                "p",
                "open-poll",
                new JsonObject()
                        .put("kind", "single")
                        .put("question", "What first?")
                        .put("options", new JsonArray().add("Trees").add("Bikes")));
        Locator poll = page.locator("[data-testid=poll-p1]");
        poll.getByLabel("Trees").check();
        poll.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send my answer"))
                .click();
        assertThat(poll.locator("[data-testid=answered]")).isVisible();
        lead.call(
                "b",
                "open-ballot",
                new JsonObject().put("title", "Final vote").put("draftIds", new JsonArray().add("d1")));
        String aichasTracker = vote("Support");

        // Bruno opens his own link on the same browser: the page says who is signed in, he continues as himself.
        page.navigate(hub.url() + "/join/" + setup.token("m2"));
        assertThat(page.locator("[data-testid=join-other]"))
                .containsText("This device is signed in as Aïcha Benali. Continue as Bruno Costa?");
        page.locator("[data-testid=join-continue]").click();
        assertThat(page.locator("[data-testid=me]")).containsText("Bruno Costa");
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");

        Locator ballot = page.locator("[data-testid=ballot-b1]");
        assertThat(ballot.locator("[data-testid=ballot-form]")).isVisible();
        assertThat(ballot.locator("[data-testid=receipt]")).hasCount(0);
        assertThat(ballot.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cast my vote")))
                .isVisible();
        assertThat(ballot.getByLabel("Support", new Locator.GetByLabelOptions().setExact(true)))
                .not()
                .isChecked();
        assertThat(poll.locator("[data-testid=answered]")).hasCount(0);
        assertThat(poll.getByLabel("Trees")).not().isChecked();
        assertThat(page.locator("body")).not().containsText(aichasTracker);

        bruno.close();
        lead.call("close", "close-ballot", new JsonObject().put("ballotId", "b1"));
        assertThat(ballot.locator("[data-testid=ballot-result]")).isVisible();
        assertThat(ballot.locator("tr.mine")).hasCount(0);
        assertThat(ballot.locator("[data-testid=tracker-found]")).hasCount(0);
        assertThat(ballot.getByLabel("Tracker")).hasValue("");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/shared-device-second-person.png"))
                .setFullPage(true));

        // Aïcha's receipt is still hers: back under her own link, her screen finds it.
        Invitations.accept(page, hub.url(), setup.token("m1"));
        assertThat(ballot.locator("tr.mine")).containsText(aichasTracker);
        assertThat(errors).isEmpty();
    }

    @Test
    void leaving_the_device_warns_about_an_open_vote_then_signs_out_and_removes_only_that_persons_data() {
        signIn("m2");
        LiveClient aicha = hub.client(setup.token("m1")).join(setup.assemblyId()); // on the roll too
        lead.call(
                "b",
                "open-ballot",
                new JsonObject().put("title", "Final vote").put("draftIds", new JsonArray().add("d1")));
        vote("Oppose");
        signIn("m1");
        aicha.close();
        String tracker = vote("Support");
        assertThat(storage()).contains("m1").contains("m2");

        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onceDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave this device"))
                .click();
        assertThat(page.locator("[data-testid=receipt]")).isVisible(); // changed her mind: nothing happened
        assertThat(dialogs).hasSize(1);
        assertThat(dialogs.get(0)).contains("can no longer change that vote").contains(tracker);
        assertThat(device.cookies().stream().anyMatch(c -> c.name.equals("ah_session")))
                .isTrue();

        page.onceDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave this device"))
                .click();
        assertThat(page.locator("[data-testid=left-device]")).containsText("You have left this device");
        assertThat(page).hasURL(hub.url() + "/?left=1");
        assertThat(device.cookies().stream().noneMatch(c -> c.name.equals("ah_session")))
                .as("signed out")
                .isTrue();
        String left = storage();
        assertThat(left).as("her data are gone").doesNotContain("/m1/").doesNotContain(tracker);
        assertThat(left).as("the other member's ballot secret stays").contains("/m2/");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/left-device.png"))
                .setFullPage(true));

        page.navigate(hub.url() + "/a/" + setup.assemblyId());
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "refused");
        assertThat(errors).isEmpty();
    }
}
