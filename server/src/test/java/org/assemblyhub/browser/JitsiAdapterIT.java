package org.assemblyhub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The browser's Jitsi adapter in real Chromium. No Jitsi server can run here, so a local stand-in for Jitsi's
 * {@code external_api.js} records how the adapter drives it: which room and token it opens, and what it does on a move.
 * The same stand-in answers as a Jigasi deployment's dial-in services (numbers, and a PIN per room), which the hub
 * asks on the server.
 */
class JitsiAdapterIT {
    static final String STAND_IN =
            """
            window.jitsiCalls = [];
            window.JitsiMeetExternalAPI = class {
              constructor(domain, options) {
                this.room = options.roomName;
                window.jitsiCalls.push({ op: 'new', domain, room: options.roomName, jwt: options.jwt,
                  videoMuted: Boolean(options.configOverwrite && options.configOverwrite.startWithVideoMuted),
                  inPage: document.body.contains(options.parentNode) });
                this.listeners = {};
                window.jitsiApi = this;
              }
              addListener(event, handler) { (this.listeners[event] = this.listeners[event] || []).push(handler); }
              emit(event, data) { (this.listeners[event] || []).forEach(handler => handler(data)); }
              dispose() { window.jitsiCalls.push({ op: 'dispose', room: this.room }); }
            };
            """;

    static final String DIAL_IN_NUMBERS =
            """
            [{"countryCode": "fr", "formattedNumber": "+33 1 84 88 00 00", "tollFree": false},
             {"countryCode": "gb", "formattedNumber": "+44 20 3885 0000", "tollFree": false}]""";

    /** The stand-in's PIN for a room: any stable number will do. */
    static long pinOf(String room) {
        return 100_000_000L + Math.floorMod(room.hashCode(), 900_000_000);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> calls(Page page) {
        return (List<Map<String, Object>>) page.evaluate("() => window.jitsiCalls || []");
    }

    @Test
    void a_stand_in_for_external_api_js_gets_the_room_and_token_the_hub_gave_and_switches_room_on_a_move()
            throws Exception {
        Vertx vertx = Vertx.vertx();
        int jitsiPort = TestHub.freePort();
        List<String> conferences = new CopyOnWriteArrayList<>();
        HttpServer standIn = vertx.createHttpServer()
                .requestHandler(req -> {
                    if (req.path().equals("/dialInNumbers")) {
                        req.response()
                                .putHeader("Content-Type", "application/json")
                                .end(DIAL_IN_NUMBERS);
                    } else if (req.path().equals("/conferenceMapper")) {
                        String conference = req.getParam("conference");
                        conferences.add(conference);
                        req.response()
                                .putHeader("Content-Type", "application/json")
                                .end(new JsonObject()
                                        .put("conference", conference)
                                        .put("id", pinOf(conference.substring(0, conference.indexOf('@'))))
                                        .encode());
                    } else {
                        req.response()
                                .putHeader("Content-Type", "text/javascript")
                                .end(STAND_IN);
                    }
                })
                .listen(jitsiPort, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        String domain = "127.0.0.1:" + jitsiPort;
        String services = "http://127.0.0.1:" + jitsiPort;
        try (TestHub hub = new TestHub(new VideoConfig(
                                VideoConfig.Provider.JITSI,
                                domain,
                                "assembly-hub",
                                "jitsi-app-secret-0123456789-abcdefghij",
                                "jitsi",
                                List.of(),
                                10)
                        .withDialIn(services + "/dialInNumbers", services + "/conferenceMapper"));
                Playwright playwright = Playwright.create()) {
            StringBuilder csv = new StringBuilder(
                    "id,name,role\nf0,Lead,facilitator\nf1,Fac One,facilitator\nf2,Fac Two,facilitator\n");
            for (int i = 1; i <= 14; i++)
                csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
            TestHub.Setup setup = hub.createAssembly(true, csv.toString());
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
            LiveClient lead = hub.client(setup.token("f0")).join(setup.assemblyId());
            for (String id : new String[] {"f1", "f2"})
                hub.client(setup.token(id)).join(setup.assemblyId());
            for (int i = 2; i <= 14; i++) hub.client(setup.token("m" + i)).join(setup.assemblyId());
            LiveClient m1Socket = hub.client(setup.token("m1")).join(setup.assemblyId());

            Browser browser = Chromium.launch(playwright, List.of());
            Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))
                    .newPage();
            List<String> errors = new CopyOnWriteArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) errors.add(m.text());
            });
            Invitations.accept(page, hub.url(), setup.token("m1"));

            String plenary = m1Socket.call("vj1", "video-join", new JsonObject())
                    .path("result")
                    .path("room")
                    .asText();
            page.waitForFunction("() => (window.jitsiCalls || []).length >= 1");
            Map<String, Object> first = calls(page).get(0);
            assertThat(first)
                    .containsEntry("op", "new")
                    .containsEntry("domain", domain)
                    .containsEntry("room", plenary)
                    .containsEntry("inPage", true)
                    .containsEntry("videoMuted", false);
            assertThat(JitsiTokenTestSupport.roomOf((String) first.get("jwt"))).isEqualTo(plenary);
            // Phone dial-in: the number for the page's region (en-GB) and this room's PIN, asked for this room only.
            page.waitForSelector("[data-testid=dial-in]");
            assertThat(page.textContent("[data-testid=dial-in]"))
                    .contains("By phone: call +44 20 3885 0000 and enter the code " + pinOf(plenary) + "#");
            assertThat(conferences).contains(plenary + "@conference.127.0.0.1");

            organiser.awaitView(v -> v.path("roster").path("m1").path("online").asBoolean());
            lead.call("plan", "plan-breakouts", new JsonObject());
            lead.call("open", "open-breakouts", new JsonObject());
            m1Socket.awaitView(
                    v -> v.path("breakouts").path("myGroup").path("number").asInt(0) > 0);
            String group = m1Socket.call("vj2", "video-join", new JsonObject())
                    .path("result")
                    .path("room")
                    .asText();
            page.waitForFunction("() => (window.jitsiCalls || []).length >= 3");
            List<Map<String, Object>> calls = calls(page);
            assertThat(calls.get(1)).containsEntry("op", "dispose").containsEntry("room", plenary);
            assertThat(calls.get(2))
                    .containsEntry("op", "new")
                    .containsEntry("room", group)
                    .containsEntry("videoMuted", true);
            assertThat(JitsiTokenTestSupport.roomOf((String) calls.get(2).get("jwt")))
                    .isEqualTo(group)
                    .startsWith("group");
            page.waitForFunction(
                    "pin => document.querySelector('[data-testid=dial-in]')?.textContent.includes(pin)",
                    pinOf(group) + "#");

            // Jitsi's events: who is in the room, who is speaking (its dominant speaker), one's own microphone.
            page.evaluate(
                    """
                    () => { const api = window.jitsiApi;
                      api.emit('videoConferenceJoined', { id: 'j1', displayName: 'Member 1' });
                      api.emit('participantJoined', { id: 'j2', displayName: 'Member 2' });
                      api.emit('participantJoined', { id: 'j3', displayName: 'Member 3' });
                      api.emit('dominantSpeakerChanged', { id: 'j2' });
                      api.emit('audioMuteStatusChanged', { muted: true }); }""");
            page.waitForFunction(
                    "() => document.querySelector('[data-testid=jitsi-speaker]')?.textContent.includes('Speaking now: Member 2')");
            assertThat(page.locator("[data-testid=jitsi-people] li[data-speaking=true]")
                            .textContent())
                    .contains("Member 2")
                    .contains("speaking");
            assertThat(page.locator("[data-testid=jitsi-people] li").first().textContent())
                    .contains("Member 1 (you)")
                    .contains("microphone off");
            page.evaluate("() => window.jitsiApi.emit('participantLeft', { id: 'j2' })");
            page.waitForFunction("() => !document.querySelector('[data-testid=jitsi-speaker]')");
            assertThat(errors).isEmpty();
            browser.close();
        } finally {
            standIn.close();
            vertx.close();
        }
    }
}
