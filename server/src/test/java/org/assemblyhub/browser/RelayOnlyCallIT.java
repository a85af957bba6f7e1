package org.assemblyhub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.assemblyhub.config.TurnConfig;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * With {@code relayOnly}, real Chromium builds its call connections with {@code iceTransportPolicy: 'relay'} and the
 * TURN credentials the hub made for this person (coturn's shared-secret scheme), so peers would see only the TURN
 * server's address. No TURN server runs here: the test checks what the browser accepted, not a relayed call.
 */
class RelayOnlyCallIT {
    @Test
    @SuppressWarnings("unchecked")
    void with_relay_only_the_browsers_connections_use_turn_alone_with_the_persons_own_credentials() {
        VideoConfig video = VideoConfig.MESH.withIce(
                List.of("stun:127.0.0.1:3478", "turn:127.0.0.1:3478"),
                new TurnConfig(null, null, "coturn-static-auth-secret", true));
        try (TestHub hub = new TestHub(video);
                Playwright playwright = Playwright.create()) {
            TestHub.Setup setup = hub.createAssembly(true, "id,name,role\nm1,Aïcha Benali,member\n");
            Browser browser = Chromium.launch(playwright, List.of());
            Page page = browser.newContext().newPage();
            Invitations.accept(page, hub.url(), setup.token("m1"));
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (!(Boolean) page.evaluate("() => Boolean(window.assemblyHubStage)") && System.nanoTime() < deadline)
                LiveClient.sleep(100);

            Map<String, Object> config = (Map<String, Object>)
                    page.evaluate(
                            """
                    () => { const pc = new RTCPeerConnection(window.assemblyHubStage.config);
                            const c = pc.getConfiguration(); pc.close();
                            return { policy: c.iceTransportPolicy, servers: JSON.stringify(c.iceServers) }; }""");
            assertThat(config.get("policy")).isEqualTo("relay");
            String servers = (String) config.get("servers");
            assertThat(servers)
                    .contains("turn:127.0.0.1:3478")
                    .containsPattern("\"username\":\"\\d+:u[a-z2-9]{16}\"")
                    .contains("\"credential\":")
                    .doesNotContain("coturn-static-auth-secret")
                    .doesNotContain("m1");
            browser.close();
        }
    }
}
