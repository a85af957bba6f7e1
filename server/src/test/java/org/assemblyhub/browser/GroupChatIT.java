package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The written chat of a group, in real Chromium and in French, with the keyboard: a message reaches the group's other
 * member and its facilitator but never a member of the other group; the facilitator hides it with a reason and its
 * author is told; a typed request for the floor appears in the facilitator's queue; on a phone's width nothing
 * scrolls sideways.
 */
class GroupChatIT {
    static final String ROSTER =
            """
            id,name,role
            f0,Léa Principale,facilitator
            f1,Fatou Diallo,facilitator
            f2,Gaspard Noël,facilitator
            m1,Aïcha Benali,member
            m2,Bernard Morel,member
            m3,Chloé Petit,member
            m4,David Roux,member
            """;

    @Test
    void a_message_reaches_its_group_only_the_facilitator_hides_it_with_a_reason_and_a_typed_hand_reaches_the_queue() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            LiveClient lead = hub.client(setup.token("f0")).join(setup.assemblyId());
            LiveClient gaspard = hub.client(setup.token("f2")).join(setup.assemblyId());
            LiveClient david = hub.client(setup.token("m4")).join(setup.assemblyId());

            Browser browser = Chromium.launch(playwright, List.of());
            List<String> errors = new CopyOnWriteArrayList<>();
            Page fatou = page(browser, hub, setup.token("f1"), errors, 1280);
            Page aicha = page(browser, hub, setup.token("m1"), errors, 1280);
            Page bernard = page(browser, hub, setup.token("m2"), errors, 390);
            Page chloe = page(browser, hub, setup.token("m3"), errors, 1280);
            organiser.awaitView(v -> v.path("roster").path("m3").path("online").asBoolean());
            organiser.call(
                    "plan", "plan-breakouts", new JsonObject().put("minSize", 2).put("maxSize", 2));
            // Aïcha and Bernard with Fatou; Chloé and David in the other group.
            int fatousGroup = Integer.parseInt(organiser
                    .awaitView(
                            v -> v.path("breakouts").path("groups").toString().contains("Fatou Diallo"))
                    .path("breakouts")
                    .path("groups")
                    .properties()
                    .stream()
                    .filter(g -> g.getValue().path("lead").asText().equals("Fatou Diallo")
                            || g.getValue().path("co").asText().equals("Fatou Diallo"))
                    .findFirst()
                    .orElseThrow()
                    .getKey());
            int otherGroup = fatousGroup == 1 ? 2 : 1;
            for (String m : List.of("m1", "m2"))
                organiser.call(
                        "mv" + m,
                        "move-member",
                        new JsonObject().put("personId", m).put("group", fatousGroup));
            for (String m : List.of("m3", "m4"))
                organiser.call(
                        "mv" + m,
                        "move-member",
                        new JsonObject().put("personId", m).put("group", otherGroup));
            organiser.call("open", "open-breakouts", new JsonObject());
            for (Page p : List.of(fatou, aicha, bernard, chloe))
                assertThat(p.getByRole(AriaRole.LOG, new Page.GetByRoleOptions().setName("Discussion écrite")))
                        .isVisible();

            // Aïcha writes with the keyboard alone: Enter sends, and the box keeps the focus, empty, for the next one.
            Page.GetByRoleOptions box = new Page.GetByRoleOptions().setName("Votre message au groupe");
            aicha.getByRole(AriaRole.TEXTBOX, box).focus();
            aicha.keyboard().type("Je suis d'accord avec Marie");
            aicha.keyboard().press("Enter");
            for (Page p : List.of(aicha, bernard, fatou))
                assertThat(p.locator("[data-testid=chat-log]")).containsText("Je suis d'accord avec Marie");
            assertThat(aicha.locator("#chat-text")).hasValue("");
            assertThat(aicha.locator("#chat-text")).isFocused();
            assertThat(fatou.locator("[data-testid=chat-log]")).containsText("Aïcha Benali");
            assertThat(fatou.locator("[data-testid=chat-log] time").first())
                    .hasText(Pattern.compile("^\\d{2}:\\d{2}$"));
            // Shift+Enter starts a new line; an empty message is answered by the box, in French.
            bernard.locator("#chat-text").focus();
            bernard.keyboard().type("Ligne un");
            bernard.keyboard().press("Shift+Enter");
            bernard.keyboard().type("Ligne deux");
            bernard.keyboard().press("Enter");
            assertThat(aicha.locator("[data-testid=chat-log]")).containsText("Ligne un\nLigne deux");
            aicha.keyboard().press("Enter");
            assertThat(aicha.locator("[data-testid=chat] [data-testid=field-error]"))
                    .containsText("Écrivez quelque chose d'abord.");

            // The other group has its own chat and never receives this one.
            chloe.locator("#chat-text").fill("Bonjour le groupe");
            chloe.locator("#chat-text").press("Enter");
            assertThat(chloe.locator("[data-testid=chat-log]")).containsText("Bonjour le groupe");
            assertThat(chloe.locator("[data-testid=chat-log]")).not().containsText("Marie");
            assertThat(aicha.locator("[data-testid=chat-log]")).not().containsText("Bonjour le groupe");
            david.awaitView(v -> v.path("workspace").path("chat").toString().contains("Bonjour le groupe"));
            assertThat(String.join("\n", david.frames())).doesNotContain("Je suis d'accord avec Marie");
            assertThat(String.join("\n", gaspard.frames())).doesNotContain("Je suis d'accord avec Marie");
            assertThat(String.join("\n", lead.frames())).doesNotContain("Je suis d'accord avec Marie");

            // Fatou hides Aïcha's message with a reason; the text is gone for everyone and Aïcha is told.
            fatou.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masquer le message de Aïcha Benali"))
                    .click();
            assertThat(fatou.locator("#chat-reason")).isFocused();
            fatou.keyboard().type("Hors sujet, parlons-en à voix haute");
            fatou.keyboard().press("Enter");
            assertThat(aicha.locator("[data-testid=chat-log]"))
                    .containsText("Masqué par l'animateur·rice : Hors sujet, parlons-en à voix haute");
            assertThat(aicha.locator("[data-testid=chat-log]")).containsText("Votre message a été masqué");
            for (Page p : List.of(aicha, bernard, fatou))
                assertThat(p.locator("[data-testid=chat-log]")).not().containsText("Je suis d'accord avec Marie");
            assertThat(fatou.locator("#chat-log")).isFocused();

            // Bernard asks for the floor in writing; Fatou sees his words in her queue.
            bernard.getByLabel(Pattern.compile("Demander la parole par écrit")).fill("Je voudrais répondre à Marie");
            bernard.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lever la main avec ce mot"))
                    .click();
            assertThat(fatou.locator("[data-testid=workspace] .queue"))
                    .containsText("Bernard Morel « Je voudrais répondre à Marie »");
            assertThat(bernard.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Changer ma demande")))
                    .isVisible();

            // On a phone's width, the chat fits: nothing scrolls sideways.
            assertThat((Boolean) bernard.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .isTrue();
            assertThat(bernard.locator("#chat-text")).isVisible();
            bernard.locator("[data-testid=chat]").scrollIntoViewIfNeeded();
            bernard.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screens/group-chat-phone.png")));
            fatou.locator("[data-testid=chat]")
                    .screenshot(new Locator.ScreenshotOptions()
                            .setPath(Path.of("target/screens/group-chat-facilitator.png")));
            assertThat(errors).isEmpty();
            List.of(david, gaspard, lead, organiser).forEach(LiveClient::close);
            browser.close();
        }
    }

    private static Page page(Browser browser, TestHub hub, String token, List<String> errors, int width) {
        Page page = browser.newContext(
                        new Browser.NewContextOptions().setLocale("fr-FR").setViewportSize(width, 844))
                .newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) errors.add(m.text());
        });
        Invitations.accept(page, hub.url(), token);
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        return page;
    }
}
