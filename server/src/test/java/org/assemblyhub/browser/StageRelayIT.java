package org.assemblyhub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The plenary in mesh mode, real WebRTC in headless Chromium: the lead on stage sends its camera to two members
 * (fan-out 2 here), one of them passes it on to the third member, whose screen decodes the lead's picture and names
 * the lead (the name and the stream come from the hub, not from the relaying member); when that relaying member
 * leaves — or stays but stops passing the picture on — the third member is re-attached and receives it again.
 */
class StageRelayIT {
    static final String STAGE =
            """
            async () => {
              const stage = window.assemblyHubStage;
              if (!stage) return {};
              const links = {};
              for (const [id, p] of stage.links) {
                const stats = await p.pc.getStats();
                let frames = 0;
                stats.forEach(r => { if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded || 0; });
                links[id] = { ice: p.pc.iceConnectionState, frames };
              }
              return { me: stage.me, parent: stage.position.parent ?? '', children: stage.position.children, links,
                       sendsCamera: Boolean(stage.stream), speakers: stage.speakers().map(s => s.name ?? '') };
            }""";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stage(Page page) {
        return (Map<String, Object>) page.evaluate(STAGE);
    }

    @SuppressWarnings("unchecked")
    private static boolean receivesFromParent(Page page) {
        Map<String, Object> s = stage(page);
        String parent = (String) s.get("parent");
        if (parent == null || parent.isEmpty()) return false;
        Map<String, Object> link = ((Map<String, Map<String, Object>>) s.get("links")).get(parent);
        return link != null
                && List.of("connected", "completed").contains(String.valueOf(link.get("ice")))
                && ((Number) link.get("frames")).intValue() > 0;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 45_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            LiveClient.sleep(250);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    /** The id this page's peers know it by in the plenary's call (the hub makes it; person ids never reach peers). */
    private static String id(Page page) {
        return (String) stage(page).get("me");
    }

    /** The lead on stage, m1 and m2 under the lead, m3 under m1, which receives the lead's picture through m1. */
    private record Plenary(Browser browser, Page lead, Page m1, Page m2, Page m3) {}

    private static Plenary plenary(Playwright playwright, TestHub hub) {
        TestHub.Setup setup = hub.createAssembly(
                true,
                "id,name,role\nf0,Léa Lead,facilitator\nm1,Member One,member\nm2,Member Two,member\nm3,Member Three,member\n");
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));

        Browser browser = Chromium.launch(
                playwright,
                List.of(
                        "--use-fake-device-for-media-stream",
                        "--use-fake-ui-for-media-stream",
                        "--allow-loopback-in-peer-connection"));
        Page lead = open(browser, hub, setup.token("f0"));
        await(
                "the lead is on stage with its camera",
                () -> Boolean.TRUE.equals(stage(lead).get("sendsCamera")));
        // One after the other, so the tree is known: m1 and m2 hang from the lead, m3 from m1.
        Page m1 = open(browser, hub, setup.token("m1"));
        await("m1 receives the lead", () -> receivesFromParent(m1));
        Page m2 = open(browser, hub, setup.token("m2"));
        await("m2 receives the lead", () -> receivesFromParent(m2));
        Page m3 = open(browser, hub, setup.token("m3"));

        assertThat(stage(m1).get("parent")).isEqualTo(id(lead));
        assertThat(stage(m1).get("sendsCamera"))
                .as("viewers send nothing in the plenary")
                .isEqualTo(false);
        await("m3 is attached to m1", () -> id(m1).equals(stage(m3).get("parent")));
        await("m3 decodes the lead's picture passed on by m1", () -> receivesFromParent(m3));
        await("m3 names the speaker", () -> ((List<?>) stage(m3).get("speakers")).contains("Léa Lead"));
        assertThat(m3.locator("[data-testid=stage] [data-speaker=" + id(lead) + "] [data-testid=tile-name]")
                        .textContent())
                .isEqualTo("Léa Lead");
        return new Plenary(browser, lead, m1, m2, m3);
    }

    @Test
    void a_member_two_hops_from_the_stage_sees_the_lead_and_is_reattached_when_the_member_relaying_to_it_leaves() {
        try (TestHub hub = new TestHub(VideoConfig.MESH.withRelayFanOut(2));
                Playwright playwright = Playwright.create()) {
            Plenary p = plenary(playwright, hub);
            p.m3().screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screens/mesh-plenary-relay.png"))
                    .setFullPage(true));
            String m2 = id(p.m2()), m3 = id(p.m3());

            p.m1().context().close(); // m1 leaves: m3, the last viewer, takes its place under the lead
            await("m3 is re-attached to the lead", () -> id(p.lead())
                    .equals(stage(p.m3()).get("parent")));
            await("m3 decodes the lead's picture again", () -> receivesFromParent(p.m3()));
            assertThat(stage(p.lead()).get("children")).isEqualTo(List.of(m3, m2));
            p.browser().close();
        }
    }

    @Test
    void a_relay_that_stops_passing_the_picture_on_is_replaced_and_the_member_below_sees_the_lead_again() {
        try (TestHub hub = new TestHub(VideoConfig.MESH.withRelayFanOut(2));
                Playwright playwright = Playwright.create()) {
            Plenary p = plenary(playwright, hub);
            String relay = id(p.m1());

            // m1 stays connected but sends nothing any more (a frozen tab, a saturated uplink, or on purpose).
            p.m1().evaluate(
                            """
                    async () => {
                      const stage = window.assemblyHubStage;
                      for (const child of stage.position.children) {
                        const link = stage.links.get(child);
                        link.send = () => {};
                        for (const sender of link.pc.getSenders()) await sender.replaceTrack(null);
                      }
                    }""");

            await(
                    "m3 is re-attached away from the silent relay",
                    () -> !relay.equals(stage(p.m3()).get("parent")));
            assertThat(stage(p.m3()).get("parent")).isEqualTo(id(p.lead()));
            await("m3 decodes the lead's picture again", () -> receivesFromParent(p.m3()));
            await("m3 names the lead again", () -> ((List<?>) stage(p.m3()).get("speakers")).contains("Léa Lead"));
            assertThat(p.m3().locator("[data-testid=stage] [data-speaker=" + id(p.lead()) + "] [data-testid=tile-name]")
                            .textContent())
                    .isEqualTo("Léa Lead");
            assertThat((List<?>) stage(p.m1()).get("children"))
                    .as("the silent relay passes nothing on any more")
                    .isEmpty();
            p.browser().close();
        }
    }

    @Test
    void after_the_hub_restarts_the_plenary_call_is_joined_again_under_new_peer_ids_and_the_lead_is_seen_again() {
        try (TestHub hub = new TestHub(VideoConfig.MESH.withRelayFanOut(2));
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup =
                    hub.createAssembly(true, "id,name,role\nf0,Léa Lead,facilitator\nm1,Member One,member\n");
            hub.client(setup.token("organiser-1"))
                    .join(setup.assemblyId())
                    .call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            Browser browser = Chromium.launch(
                    playwright,
                    List.of(
                            "--use-fake-device-for-media-stream",
                            "--use-fake-ui-for-media-stream",
                            "--allow-loopback-in-peer-connection"));
            Page lead = open(browser, hub, setup.token("f0"));
            await(
                    "the lead is on stage with its camera",
                    () -> Boolean.TRUE.equals(stage(lead).get("sendsCamera")));
            Page m1 = open(browser, hub, setup.token("m1"));
            await("m1 receives the lead", () -> receivesFromParent(m1));
            String before = id(lead);

            hub.stop(); // the mesh's room key is made per process: every peer id changes
            hub.start();

            await("the lead joins again under a new id", () -> {
                Object me = stage(lead).get("me");
                return me != null && !before.equals(me);
            });
            await("m1 hangs from the lead's new id", () -> id(lead).equals(
                            stage(m1).get("parent")));
            await("m1 decodes the lead's picture again", () -> receivesFromParent(m1));
            await("m1 names the lead", () -> ((List<?>) stage(m1).get("speakers")).contains("Léa Lead"));
            browser.close();
        }
    }

    private static Page open(Browser browser, TestHub hub, String token) {
        Page page = browser.newContext(new Browser.NewContextOptions()
                        .setLocale("en-GB")
                        .setPermissions(List.of("camera", "microphone")))
                .newPage();
        Invitations.accept(page, hub.url(), token);
        return page;
    }
}
