package org.assemblyhub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Who is who in a call, in real headless Chromium with fake cameras and microphones, in French. In a breakout group
 * of three members and their facilitator, every tile names its person (names from the hub: peers know each other
 * only by peer ids), the facilitator's requests to mute name the person, a raised hand and the floor show on the
 * person's tile on the others' screens, a muted microphone and a camera turned off show as words on the person's
 * tile, and the active speaker is outlined and marked. In the plenary, the speaker on stage is named, with the state
 * of their microphone and camera from the hub. Screenshots at 1280 and 390 px wide, with no horizontal scroll.
 */
class NamedCallIT {
    static final List<String> MEDIA = List.of(
            // Five pictures a second: four pages of one Chromium on two cores decode and draw twelve videos.
            "--use-fake-device-for-media-stream=fps=5",
            "--use-fake-ui-for-media-stream",
            "--allow-loopback-in-peer-connection");

    /** The call's tiles on a page: each person's peer id ('' for one's own), name, states and all its words. */
    static final String TILES =
            """
            () => [...document.querySelectorAll('[data-testid=call] .vc-person, [data-testid=stage] .vc-person')].map(p => {
              const tile = p.querySelector('figure');
              return { peer: p.dataset.peer ?? p.dataset.speaker ?? '', self: tile.dataset.self === 'true',
                name: tile.querySelector('[data-testid=tile-name]').textContent.trim(),
                hand: tile.dataset.hand, floor: tile.dataset.floor, mic: tile.dataset.mic, camera: tile.dataset.camera,
                speaking: tile.dataset.speaking, outline: getComputedStyle(tile).outlineStyle,
                picture: !tile.querySelector('video').paused && tile.querySelector('video').videoWidth > 0,
                text: tile.textContent.replace(/\\s+/g, ' ').trim(),
                button: p.querySelector('[data-testid=ask-mute]')?.textContent.trim() ?? '' };
            })""";

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> tiles(Page page) {
        return (List<Map<String, Object>>) page.evaluate(TILES);
    }

    /** The tile of the person {@code peer} is on {@code page} (by their peer id), or null. */
    static Map<String, Object> tileOf(Page page, String peer) {
        return tiles(page).stream()
                .filter(t -> peer.equals(t.get("peer")))
                .findFirst()
                .orElse(null);
    }

    static Map<String, Object> ownTile(Page page) {
        return tiles(page).stream()
                .filter(t -> Boolean.TRUE.equals(t.get("self")))
                .findFirst()
                .orElse(null);
    }

    /** The id this page's peers know it by in its group's call. */
    static String id(Page page) {
        return (String) page.evaluate("() => window.assemblyHubCall?.me ?? ''");
    }

    static int connected(Page page) {
        return ((Number)
                        page.evaluate(
                                "() => window.assemblyHubCall ? [...window.assemblyHubCall.peers.values()].filter(p => p.state === 'connected').length : 0"))
                .intValue();
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, 45, condition);
    }

    static void await(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            LiveClient.sleep(200);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    static Page open(Browser browser, TestHub hub, String token, String who) {
        Page page = browser.newContext(new Browser.NewContextOptions()
                        .setLocale("fr-FR")
                        .setViewportSize(1280, 900)
                        .setPermissions(List.of("camera", "microphone")))
                .newPage();
        page.onConsoleMessage(m -> {
            if (!m.type().equals("log")) System.out.println("[console " + who + "] " + m.type() + " " + m.text());
        });
        Invitations.accept(page, hub.url(), token);
        return page;
    }

    /** At 390 px: nothing wider than the screen (no horizontal scroll), every tile and control inside it. */
    static void fitsA390pxScreen(Page page, String shot) {
        page.setViewportSize(390, 844);
        LiveClient.sleep(300);
        Object overflow = page.evaluate(
                """
                () => { const wide = [...document.querySelectorAll('[data-testid=call] *, [data-testid=stage] *')]
                          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                          .map(e => e.tagName + '.' + e.className);
                        return { scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth, wide }; }""");
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) overflow;
        assertThat(((Number) o.get("scroll")).intValue())
                .as("no horizontal scroll at 390 px: " + o)
                .isLessThanOrEqualTo(((Number) o.get("width")).intValue());
        assertThat((List<?>) o.get("wide"))
                .as("call elements wider than the screen")
                .isEmpty();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screens/" + shot))
                .setFullPage(true));
        page.setViewportSize(1280, 900);
    }

    @Test
    void in_a_group_every_tile_names_its_person_and_shows_hands_the_floor_the_speaker_and_muted_microphones() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(
                    true,
                    "id,name,role\nf0,Léa Lead,facilitator\nf1,Fatou Diallo,facilitator\n"
                            + "m1,Amina Benali,member\nm2,Bruno Morel,member\nm3,Chloé Petit,member\n");
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            LiveClient lead = hub.client(setup.token("f0")).join(setup.assemblyId());

            Browser browser = Chromium.launch(playwright, MEDIA);
            Map<String, String> names = new LinkedHashMap<>();
            names.put("f1", "Fatou Diallo");
            names.put("m1", "Amina Benali");
            names.put("m2", "Bruno Morel");
            names.put("m3", "Chloé Petit");
            Map<String, Page> pages = new LinkedHashMap<>();
            for (String who : names.keySet()) pages.put(who, open(browser, hub, setup.token(who), who));
            organiser.awaitView(v -> names.keySet().stream()
                    .allMatch(p -> v.path("roster").path(p).path("online").asBoolean()));
            lead.call("plan", "plan-breakouts", new JsonObject());
            lead.call("open", "open-breakouts", new JsonObject());

            Page f1 = pages.get("f1"), m1 = pages.get("m1"), m2 = pages.get("m2"), m3 = pages.get("m3");
            try {
                // Four pages of one Chromium, each encoding and decoding three videos: slow on two cores.
                await("the four are connected to each other", 90, () -> pages.values().stream()
                        .allMatch(p -> connected(p) == 3));
            } catch (AssertionError e) {
                pages.forEach(
                        (who, p) -> System.out.println("[state " + who + "] " + p.evaluate(MeshCallIT.DIAGNOSIS)));
                throw e;
            }
            Map<String, String> ids = new LinkedHashMap<>();
            pages.forEach((who, page) -> ids.put(who, id(page)));

            // Every tile shows the right name, on every screen; one's own tile says it is oneself.
            await("every tile is named on every screen", () -> pages.entrySet().stream()
                    .allMatch(e -> {
                        for (String other : names.keySet()) {
                            if (other.equals(e.getKey())) continue;
                            Map<String, Object> tile = tileOf(e.getValue(), ids.get(other));
                            if (tile == null || !names.get(other).equals(tile.get("name"))) return false;
                        }
                        return true;
                    }));
            for (Map.Entry<String, Page> e : pages.entrySet()) {
                assertThat(ownTile(e.getValue()).get("name")).isEqualTo(names.get(e.getKey()) + " (vous)");
                assertThat(tiles(e.getValue())).hasSize(4);
            }
            await(
                    "every picture plays on Amina's screen (no black box), before she even clicks",
                    () -> tiles(m1).stream().allMatch(t -> Boolean.TRUE.equals(t.get("picture"))));
            assertThat((String) tileOf(m1, ids.get("f1")).get("text"))
                    .as("the group's facilitator is marked as such")
                    .contains("Fatou Diallo")
                    .contains("animateur·rice");

            // The facilitator's requests to mute name the person, as text and as the button's accessible name.
            for (String member : List.of("m1", "m2", "m3")) {
                String label = "Demander à " + names.get(member) + " de couper son micro";
                assertThat(tileOf(f1, ids.get(member)).get("button")).isEqualTo(label);
                assertThat(f1.getByRole(
                                        AriaRole.BUTTON,
                                        new Page.GetByRoleOptions()
                                                .setName(label)
                                                .setExact(true))
                                .count())
                        .isEqualTo(1);
            }
            assertThat(m1.locator("[data-testid=ask-mute]").count())
                    .as("members do not ask others to mute")
                    .isZero();

            // The active speaker (the fake microphones beep): outlined, and marked in words. Browsers start Web Audio
            // only once the person has used the page: a click on the call's title, and the levels come from it.
            m1.click("#call-title");
            await("Web Audio runs on m1", () -> (Boolean) m1.evaluate("() => window.assemblyHubMeter.running"));
            await("m1 outlines and marks a speaker", () -> tiles(m1).stream()
                    .anyMatch(t -> "true".equals(t.get("speaking"))
                            && "solid".equals(t.get("outline"))
                            && ((String) t.get("text")).contains("parle")));

            // Bruno raises his hand: the badge is on his tile in everyone's screen, his own included.
            m2.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Lever la main").setExact(true))
                    .click();
            for (String who : List.of("f1", "m1", "m3"))
                await("Bruno's raised hand shows on " + who + "'s screen", () -> {
                    Map<String, Object> tile = tileOf(pages.get(who), ids.get("m2"));
                    return "true".equals(tile.get("hand")) && ((String) tile.get("text")).contains("main levée");
                });
            await("Bruno sees his own hand up", () -> "true".equals(ownTile(m2).get("hand")));
            assertThat(tiles(m1).stream()
                            .filter(t -> "true".equals(t.get("hand")))
                            .map(t -> t.get("name"))
                            .toList())
                    .as("only Bruno's tile has the badge")
                    .containsExactly("Bruno Morel");

            // The facilitator gives him the floor: marked on his tile.
            f1.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Donner la parole"))
                    .click();
            await("Bruno has the floor on Amina's screen", () -> {
                Map<String, Object> tile = tileOf(m1, ids.get("m2"));
                return "true".equals(tile.get("floor")) && ((String) tile.get("text")).contains("a la parole");
            });

            // Chloé mutes her microphone: "micro coupé" on her tile for the others, and on her own.
            m3.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Couper mon micro"))
                    .click();
            for (String who : List.of("f1", "m1", "m2"))
                await("Chloé's microphone shows off on " + who + "'s screen", () -> {
                    Map<String, Object> tile = tileOf(pages.get(who), ids.get("m3"));
                    return "off".equals(tile.get("mic")) && ((String) tile.get("text")).contains("micro coupé");
                });
            assertThat((String) ownTile(m3).get("text")).contains("micro coupé");
            await("Chloé, muted, is not marked as speaking", () -> "false"
                    .equals(tileOf(m1, ids.get("m3")).get("speaking")));

            // Amina turns her camera off: her initials and "caméra coupée" instead of a black box.
            m1.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Couper ma caméra"))
                    .click();
            await("Amina's camera shows off on Fatou's screen", () -> {
                Map<String, Object> tile = tileOf(f1, ids.get("m1"));
                return "off".equals(tile.get("camera")) && ((String) tile.get("text")).contains("caméra coupée");
            });
            assertThat(f1.locator("[data-peer=" + ids.get("m1") + "] .vc-avatar")
                            .textContent())
                    .isEqualTo("AB");

            // With the keyboard only: Fatou tabs to "ask Amina to mute" and presses Enter.
            String askAmina = "Demander à Amina Benali de couper son micro";
            boolean reached = false;
            for (int i = 0; i < 80 && !reached; i++) {
                f1.keyboard().press("Tab");
                reached = askAmina.equals(f1.evaluate("() => document.activeElement?.textContent.trim()"));
            }
            assertThat(reached).as("the request to mute is reached with Tab").isTrue();
            f1.keyboard().press("Enter");
            await(
                    "Amina is told who muted her",
                    () -> m1.locator("[data-testid=call] [role=status]").allTextContents().stream()
                            .anyMatch(s -> s.contains("Fatou Diallo a coupé votre micro")));
            await("Amina's microphone shows off on Bruno's screen", () -> "off"
                    .equals(tileOf(m2, ids.get("m1")).get("mic")));

            m1.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screens/named-call-1280.png"))
                    .setFullPage(true));
            f1.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screens/named-call-facilitator-1280.png"))
                    .setFullPage(true));
            fitsA390pxScreen(m1, "named-call-390.png");
            fitsA390pxScreen(f1, "named-call-facilitator-390.png");
            browser.close();
        }
    }

    @Test
    void in_the_plenary_the_speaker_on_stage_is_named_with_their_microphone_and_camera() {
        try (TestHub hub = new TestHub();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup =
                    hub.createAssembly(true, "id,name,role\nf0,Léa Lead,facilitator\nm1,Amina Benali,member\n");
            hub.client(setup.token("organiser-1"))
                    .join(setup.assemblyId())
                    .call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            Browser browser = Chromium.launch(playwright, MEDIA);
            Page lead = open(browser, hub, setup.token("f0"), "f0");
            await("the lead is on stage with a camera", () ->
                    (Boolean) lead.evaluate("() => Boolean(window.assemblyHubStage?.stream)"));
            Page m1 = open(browser, hub, setup.token("m1"), "m1");
            String leadId = (String) lead.evaluate("() => window.assemblyHubStage.me");

            await("Amina sees the lead named on stage", () -> {
                Map<String, Object> tile = tileOf(m1, leadId);
                return tile != null && "Léa Lead".equals(tile.get("name"));
            });
            assertThat(ownTile(lead).get("name")).isEqualTo("Léa Lead (vous)");
            await(
                    "Amina sees the lead's picture",
                    () -> Boolean.TRUE.equals(tileOf(m1, leadId).get("picture")));
            m1.click("#call-title"); // Web Audio starts once the page is used
            await("the lead is marked speaking on Amina's screen", () -> {
                Map<String, Object> tile = tileOf(m1, leadId);
                return "true".equals(tile.get("speaking")) && ((String) tile.get("text")).contains("parle");
            });

            lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Couper mon micro"))
                    .click();
            lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Couper ma caméra"))
                    .click();
            await("Amina sees the lead's microphone and camera off", () -> {
                Map<String, Object> tile = tileOf(m1, leadId);
                String text = (String) tile.get("text");
                return "off".equals(tile.get("mic"))
                        && "off".equals(tile.get("camera"))
                        && text.contains("micro coupé")
                        && text.contains("caméra coupée")
                        && text.contains("Léa Lead");
            });
            assertThat(m1.locator("[data-speaker=" + leadId + "] .vc-avatar").textContent())
                    .isEqualTo("LL");
            assertThat((String) ownTile(lead).get("text")).contains("micro coupé");

            m1.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screens/named-stage-1280.png"))
                    .setFullPage(true));
            fitsA390pxScreen(m1, "named-stage-390.png");

            lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rétablir mon micro"))
                    .click();
            await("Amina sees the lead's microphone on again", () -> "on"
                    .equals(tileOf(m1, leadId).get("mic")));
            browser.close();
        }
    }
}
