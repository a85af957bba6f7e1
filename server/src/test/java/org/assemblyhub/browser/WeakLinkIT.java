package org.assemblyhub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Members on a weak link, in real Chromium with real WebRTC: audio-only in the built-in mesh sends and receives no
 * picture (the camera is not even opened, and the others stop sending theirs) while the sound goes on; it is kept on
 * the device; a browser that asks to save data starts its group call with the camera off and says why; and the first
 * load of a member's screen stays within its budget (docs/benchmarks.md, "First load").
 */
class WeakLinkIT {
    /** The first load's budget: what a member's browser downloads before the screen is live (compressed bytes). */
    static final int FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

    static final String RECEIVED =
            """
            async (peer) => {
              const p = window.assemblyHubCall?.peers.get(peer);
              if (!p) return { video: -1, audio: -1 };
              let video = 0, audio = 0;
              (await p.pc.getStats()).forEach(r => {
                if (r.type === 'inbound-rtp' && r.kind === 'video') video += r.framesDecoded || 0;
                if (r.type === 'inbound-rtp' && r.kind === 'audio') audio += r.bytesReceived || 0;
              });
              return { video, audio };
            }""";

    static TestHub hub;
    static TestHub.Setup setup;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        StringBuilder csv = new StringBuilder("id,name,role\nf0,Lead,facilitator\nf1,Fac One,facilitator\n");
        csv.append("f2,Fac Two,facilitator\n");
        for (int i = 1; i <= 14; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        setup = hub.createAssembly(true, csv.toString());
        playwright = Playwright.create();
        browser = Chromium.launch(
                playwright,
                List.of(
                        "--use-fake-device-for-media-stream",
                        "--use-fake-ui-for-media-stream",
                        "--allow-loopback-in-peer-connection"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        hub.close();
    }

    private static Page member(String id, String initScript) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setLocale("en-GB").setPermissions(List.of("camera", "microphone")));
        if (initScript != null) context.addInitScript(initScript);
        Page page = context.newPage();
        Invitations.accept(page, hub.url(), setup.token(id));
        return page;
    }

    private static String peerId(Page page) {
        return (String) page.evaluate("() => window.assemblyHubCall?.me ?? ''");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> received(Page page, Page from) {
        return (Map<String, Number>) page.evaluate(RECEIVED, peerId(from));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 45_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            LiveClient.sleep(250);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    @Test
    void audio_only_in_a_group_sends_and_receives_no_picture_keeps_the_sound_and_is_remembered_on_the_device() {
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        LiveClient lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        for (String id : new String[] {"f1", "f2"}) hub.client(setup.token(id)).join(setup.assemblyId());
        for (int i = 4; i <= 14; i++) hub.client(setup.token("m" + i)).join(setup.assemblyId());
        Page m1 = member("m1", null);
        Page m2 = member("m2", null);
        // m3's browser asks to save data (Chrome's Save-Data, a 3G connection).
        Page m3 = member(
                "m3",
                "Object.defineProperty(Navigator.prototype, 'connection', "
                        + "{ get: () => ({ saveData: true, effectiveType: '3g', addEventListener() {} }) });");
        organiser.awaitView(v -> v.path("roster").path("m3").path("online").asBoolean()
                && v.path("roster").path("m14").path("online").asBoolean());
        for (int i = 1; i <= 3; i++) {
            lead.call(
                    "pin" + i,
                    "pin-member",
                    new JsonObject().put("personId", "m" + i).put("group", 1));
        }
        lead.call("plan", "plan-breakouts", new JsonObject());
        lead.call("open", "open-breakouts", new JsonObject());

        await(
                "m1 and m2 see each other",
                () -> received(m1, m2).get("video").intValue() > 0
                        && received(m2, m1).get("video").intValue() > 0);
        // Data saver: m3 is in the call with the camera off, and is told why.
        assertThat(m3.getByTestId("data-saver-hint")).isVisible();
        assertThat(m3.getByTestId("toggle-camera")).hasText("Turn my camera on");

        m1.getByTestId("audio-only").click();
        assertThat(m1.getByTestId("audio-only")).hasAttribute("aria-pressed", "true");
        assertThat(m1.getByTestId("audio-only-hint")).isVisible();
        assertThat(m1.getByTestId("toggle-camera")).hasCount(0);
        await("m1 is back in the call, m2 holds its picture back", () -> {
            String m1Id = peerId(m1);
            return !m1Id.isEmpty()
                    && (Boolean) m2.evaluate(
                            """
                            (id) => { const p = window.assemblyHubCall?.peers.get(id);
                              return Boolean(p && p.pc.connectionState === 'connected' && p.videoHeld
                                && [...p.senders].filter(([k]) => k.endsWith('/video')).every(([, s]) => s.track === null)); }""",
                            m1Id);
        });
        assertThat((Number) m1.evaluate("() => window.assemblyHubCall.stream.getVideoTracks().length"))
                .isEqualTo(0);
        assertThat(m1.locator("[data-testid=call] video")).hasCount(0);
        await("m1 hears m2", () -> received(m1, m2).get("audio").longValue() > 2_000);
        Map<String, Number> before = received(m1, m2);
        LiveClient.sleep(2_000);
        Map<String, Number> after = received(m1, m2);
        assertThat(after.get("audio").longValue())
                .as("sound still comes")
                .isGreaterThan(before.get("audio").longValue());
        assertThat(after.get("video").intValue())
                .as("no picture comes")
                .isEqualTo(before.get("video").intValue());

        m1.reload();
        assertThat(m1.getByTestId("audio-only")).hasAttribute("aria-pressed", "true");
    }

    @Test
    void a_members_first_load_stays_within_its_budget_for_a_slow_link() {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))
                .newPage();
        Invitations.accept(page, hub.url(), setup.token("m14"));
        assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-status", "live");
        page.waitForLoadState();
        @SuppressWarnings("unchecked")
        Map<String, Number> load = (Map<String, Number>)
                page.evaluate(
                        """
                () => {
                  const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                  return { bytes: all.reduce((sum, e) => sum + (e.transferSize || 0), 0),
                           unpacked: all.reduce((sum, e) => sum + (e.decodedBodySize || 0), 0), requests: all.length };
                }""");
        System.out.println("[first load] " + load);
        assertThat(load.get("bytes").intValue())
                .as("bytes over the wire")
                .isPositive()
                .isLessThanOrEqualTo(FIRST_LOAD_BUDGET_BYTES);
    }

    /**
     * Not a test: the figure for docs/benchmarks.md, measured on demand (timings belong there, not in assertions):
     * {@code mvn -o verify -pl server -am -Dtest=NONE -Dit.test=WeakLinkIT -Dslow3g=true}. Chromium's "Slow 3G"
     * (400 kbit/s down and up, 400 ms round trip), empty cache: from the invitation link to a live screen.
     */
    @Test
    @EnabledIfSystemProperty(named = "slow3g", matches = "true")
    void measure_a_members_first_load_over_slow_3g() {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))
                .newPage();
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("Network.enable");
        int bytesPerSecond = 400 * 1024 / 8;
        cdp.send(
                "Network.emulateNetworkConditions",
                JsonParser.parseString("{\"offline\": false, \"latency\": 400, \"downloadThroughput\": "
                                + bytesPerSecond + ", \"uploadThroughput\": " + bytesPerSecond + "}")
                        .getAsJsonObject());
        long start = System.nanoTime();
        Invitations.accept(page, hub.url(), setup.token("m13"));
        assertThat(page.locator("[data-testid=connection]"))
                .hasAttribute("data-status", "live", new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[slow 3G] invitation link to live screen: %d ms%n", ms);
    }
}
