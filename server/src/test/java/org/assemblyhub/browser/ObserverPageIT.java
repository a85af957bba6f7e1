package org.assemblyhub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The observer page in real Chromium: with the built-in mesh, the message and then the organiser's HLS stream (played
 * by hls.js from a local stream server, its subtitle track offered); the drafts of an open ballot and the links to
 * every public record; with Jitsi (a local stand-in for {@code external_api.js}), a visitor's token and a call
 * opened without camera or microphone. In both, the page never calls {@code getUserMedia} (counted by a wrapper
 * installed before any script of the page runs, in every frame).
 */
class ObserverPageIT {
    static final String COUNT_MEDIA_REQUESTS =
            """
            window.mediaRequests = 0;
            if (navigator.mediaDevices) {
              const devices = navigator.mediaDevices;
              const original = devices.getUserMedia && devices.getUserMedia.bind(devices);
              devices.getUserMedia = (...args) => { window.mediaRequests++; return original(...args); };
            }
            const legacy = navigator.webkitGetUserMedia;
            navigator.webkitGetUserMedia = (...args) => { window.mediaRequests++; return legacy && legacy.apply(navigator, args); };
            """;

    static final String MASTER =
            """
            #EXTM3U
            #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Français",LANGUAGE="fr",DEFAULT=YES,AUTOSELECT=YES,URI="subs.m3u8"
            #EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=640x360,SUBTITLES="subs"
            video.m3u8
            """;

    static final String MEDIA =
            """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-ENDLIST
            """;

    static final String JITSI_STAND_IN =
            """
            window.jitsiCalls = [];
            window.JitsiMeetExternalAPI = class {
              constructor(domain, options) {
                window.jitsiCalls.push({ domain, room: options.roomName, jwt: options.jwt,
                  config: JSON.stringify(options.configOverwrite || {}) });
                this.listeners = {};
                window.jitsiApi = this;
              }
              addListener(event, handler) { (this.listeners[event] = this.listeners[event] || []).push(handler); }
              emit(event, data) { (this.listeners[event] || []).forEach(handler => handler(data)); }
              dispose() {}
            };
            """;

    private static HttpServer serve(Vertx vertx, int port, List<String> asked) throws Exception {
        return vertx.createHttpServer()
                .requestHandler(req -> {
                    asked.add(req.path());
                    String body =
                            switch (req.path()) {
                                case "/live.m3u8" -> MASTER;
                                case "/video.m3u8", "/subs.m3u8" -> MEDIA;
                                case "/external_api.js" -> JITSI_STAND_IN;
                                default -> null;
                            };
                    if (body == null) {
                        req.response().setStatusCode(404).end();
                        return;
                    }
                    req.response()
                            .putHeader("Access-Control-Allow-Origin", "*")
                            .putHeader(
                                    "Content-Type",
                                    req.path().endsWith(".js") ? "text/javascript" : "application/vnd.apple.mpegurl")
                            .end(body);
                })
                .listen(port, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get();
    }

    private static Page observerPage(Browser browser, List<String> cspErrors) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        context.addInitScript(COUNT_MEDIA_REQUESTS);
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) cspErrors.add(m.text());
        });
        return page;
    }

    private static int mediaRequests(Page page) {
        int total = ((Number) page.evaluate("() => window.mediaRequests")).intValue();
        for (Frame frame : page.frames()) {
            Object n = frame.evaluate("() => window.mediaRequests ?? 0");
            if (frame != page.mainFrame()) total += ((Number) n).intValue();
        }
        return total;
    }

    @Test
    void with_the_mesh_an_observer_is_told_how_they_watch_reads_the_open_ballots_drafts_and_plays_the_hls_stream()
            throws Exception {
        Vertx vertx = Vertx.vertx();
        int streamPort = TestHub.freePort();
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer streams = serve(vertx, streamPort, asked);
        try (TestHub hub = new TestHub(VideoConfig.MESH);
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(
                    true, "id,name,role\nf0,Lead,facilitator\nm1,Member 1,member\nm2,Member 2,member\n");
            String id = setup.assemblyId();
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(id);
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation"));
            LiveClient lead = hub.client(setup.token("f0")).join(id);
            hub.client(setup.token("m1")).join(id);
            String voted = lead.call(
                            "d1",
                            "propose-draft",
                            new JsonObject()
                                    .put("title", "Sunday buses")
                                    .put("text", "Free buses on Sundays.")
                                    .put("analysis", new JsonObject().put("costs", "1 M€ a year")))
                    .path("result")
                    .path("draftId")
                    .asText();
            lead.call(
                    "d2",
                    "propose-draft",
                    new JsonObject().put("title", "Unfinished").put("text", "CANARY-UNVOTED-DRAFT-31ab"));
            organiser.call("decide", "change-phase", new JsonObject().put("phase", "decision"));
            lead.call(
                    "ballot",
                    "open-ballot",
                    new JsonObject().put("title", "Final vote").put("draftIds", new JsonArray().add(voted)));

            Browser browser = Chromium.launch(playwright, List.of());
            List<String> cspErrors = new CopyOnWriteArrayList<>();
            Page page = observerPage(browser, cspErrors);
            page.navigate(hub.url() + "/a/" + id);
            page.waitForSelector("[data-testid=watch-no-stream]");
            assertThat(page.textContent("[data-testid=watch-no-stream]"))
                    .contains("reach you through the public live stream");
            page.waitForSelector("[data-testid=draft-" + voted + "]");
            assertThat(page.textContent("[data-testid=draft-" + voted + "]"))
                    .contains("Free buses on Sundays.", "1 M€ a year", "being voted on");
            assertThat(page.content()).doesNotContain("CANARY-UNVOTED-DRAFT-31ab");
            assertThat(page.locator("[data-testid=watch-records] a").allTextContents())
                    .contains(
                            "The drafts put to a vote",
                            "The ballots and their results",
                            "The assembly's open data (JSON)");
            page.waitForSelector("[data-testid=journal-head] code");
            assertThat(page.textContent("[data-testid=journal-head] code"))
                    .as("the journal's published head")
                    .matches("[0-9a-f]{64}");
            assertThat(page.textContent("[data-testid=journal-head]")).contains("./hub verify journal --head");
            page.click("[data-testid=watch-records] a[href='#drafts-title']");
            assertThat(page.url()).endsWith("#drafts-title");

            organiser.call(
                    "stream",
                    "set-live-stream",
                    new JsonObject()
                            .put("url", "http://127.0.0.1:" + streamPort + "/live.m3u8")
                            .put("captions", true));
            page.waitForSelector("[data-testid=watch-stream]");
            assertThat(page.getAttribute("[data-testid=watch-stream]", "title"))
                    .isEqualTo("Live stream of the plenary");
            assertThat(page.textContent("[data-testid=watch-mesh]")).contains("you take no part in the calls");
            assertThat(page.textContent("[data-testid=watch]")).contains("This stream has captions");
            Frame stream = page.frameLocator("[data-testid=watch-stream]")
                    .locator("video#stream")
                    .elementHandle()
                    .ownerFrame();
            stream.waitForFunction(
                    "() => window.assemblyHubStream && window.assemblyHubStream.subtitleTracks.length === 1");
            // hls.js reads the variant's playlist after the master's subtitle tracks are known: wait for it.
            for (int i = 0; i < 100 && !asked.contains("/video.m3u8"); i++) page.waitForTimeout(100);
            assertThat(asked).contains("/live.m3u8", "/video.m3u8");
            assertThat(stream.evaluate("() => window.assemblyHubStream.subtitleTracks[0].lang"))
                    .isEqualTo("fr");

            assertThat(mediaRequests(page)).isZero();
            assertThat(cspErrors).isEmpty();
            browser.close();
        } finally {
            streams.close();
            vertx.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void with_jitsi_an_observer_watches_as_a_visitor_and_is_never_asked_for_a_camera_or_microphone() throws Exception {
        Vertx vertx = Vertx.vertx();
        int jitsiPort = TestHub.freePort();
        HttpServer standIn = serve(vertx, jitsiPort, new CopyOnWriteArrayList<>());
        try (TestHub hub = new TestHub(new VideoConfig(
                        VideoConfig.Provider.JITSI,
                        "127.0.0.1:" + jitsiPort,
                        "assembly-hub",
                        "jitsi-app-secret-0123456789-abcdefghij",
                        "jitsi",
                        List.of(),
                        10));
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, "id,name,role\nm1,Member 1,member\n");
            Browser browser = Chromium.launch(playwright, List.of());
            Page page = observerPage(browser, new CopyOnWriteArrayList<>());
            page.navigate(hub.url() + "/a/" + setup.assemblyId());
            page.waitForFunction("() => (window.jitsiCalls || []).length === 1");
            Map<String, Object> call = ((List<Map<String, Object>>) page.evaluate("() => window.jitsiCalls")).get(0);
            JsonObject config = new JsonObject((String) call.get("config"));
            assertThat(config.getBoolean("disableInitialGUM")).isTrue();
            assertThat(config.getBoolean("startWithAudioMuted")).isTrue();
            assertThat(config.getBoolean("startWithVideoMuted")).isTrue();
            assertThat(config.getJsonObject("prejoinConfig").getBoolean("enabled"))
                    .isFalse();
            assertThat(config.getJsonArray("toolbarButtons").getList())
                    .doesNotContain("microphone", "camera", "desktop", "raisehand", "chat");
            Map<String, Object> user = (Map<String, Object>) SignedJWT.parse((String) call.get("jwt"))
                    .getJWTClaimsSet()
                    .getJSONObjectClaim("context")
                    .get("user");
            assertThat(user).containsEntry("visitor", true).containsEntry("moderator", false);

            page.waitForSelector("[data-testid=watch-visitor]");
            page.evaluate("() => window.jitsiApi.emit('videoConferenceJoined', { id: 'v1', displayName: 'Observer' })");
            assertThat(page.locator("[data-testid=jitsi-people]").count())
                    .as("a visitor is in no list")
                    .isZero();
            assertThat(page.locator("[data-testid=dial-in]").count()).isZero();
            assertThat(page.content()).doesNotContain("Audio only");
            page.waitForTimeout(500);
            assertThat(mediaRequests(page)).isZero();
            browser.close();
        } finally {
            standIn.close();
            vertx.close();
        }
    }

    @Test
    void an_anonymous_observers_page_connects_to_the_observers_own_endpoint_and_follows_the_assembly_live()
            throws Exception {
        try (TestHub hub = TestHub.withObserversEndpoint();
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, "id,name,role\nm1,Member 1,member\n");
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            Browser browser = Chromium.launch(playwright, List.of());
            List<String> cspErrors = new CopyOnWriteArrayList<>();
            Page page = observerPage(browser, cspErrors);
            page.navigate(hub.url() + "/a/" + setup.assemblyId());
            page.waitForSelector("[data-testid=watch-no-stream]");
            assertThat(page.evaluate("() => window.assemblyHub.socket.url"))
                    .isEqualTo("ws://127.0.0.1:" + hub.watch().port() + "/watch");
            organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation"));
            page.waitForSelector("[data-testid=phase][data-phase=deliberation]");
            assertThat(cspErrors).isEmpty();

            // A member's page (with its session cookie) stays on /live.
            BrowserContext member = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
            Page memberPage = member.newPage();
            Invitations.accept(memberPage, hub.url(), setup.token("m1"));
            memberPage.waitForFunction("() => window.assemblyHub && window.assemblyHub.me");
            assertThat((String) memberPage.evaluate("() => window.assemblyHub.socket.url"))
                    .endsWith(":" + hub.port() + "/live");
            browser.close();
        }
    }

    @Test
    void an_observers_page_that_cannot_reach_the_observers_endpoint_falls_back_to_live_and_follows_the_assembly()
            throws Exception {
        int nothingThere = TestHub.freePort();
        try (TestHub hub = TestHub.withObserversEndpoint("ws://127.0.0.1:" + nothingThere + "/watch");
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, "id,name,role\nm1,Member 1,member\n");
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            Browser browser = Chromium.launch(playwright, List.of());
            Page page = observerPage(browser, new CopyOnWriteArrayList<>());
            page.navigate(hub.url() + "/a/" + setup.assemblyId());
            page.waitForSelector("[data-testid=watch-no-stream]", new Page.WaitForSelectorOptions().setTimeout(30_000));
            assertThat((String) page.evaluate("() => window.assemblyHub.socket.url"))
                    .isEqualTo("ws://127.0.0.1:" + hub.port() + "/live");
            assertThat(page.evaluate("() => window.assemblyHub.watchFailures")).isEqualTo(3);
            organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation"));
            page.waitForSelector("[data-testid=phase][data-phase=deliberation]");
            browser.close();
        }
    }
}
