package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Frames the hub will not take: a message over the limit, whole or in fragments, gets {@code message-too-large} and
 * the socket stays usable; a single frame over the transport's limit ends the connection with the WebSocket close
 * code 1009 (message too big), as docs/protocol.md says — never a silent drop. Pings, unknown types and oversized
 * messages count against the connection's rate limit.
 */
class WireFramesTest {
    static TestHub hub;
    static TestHub.Setup setup;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        setup = hub.createAssembly(true, "id,name,role\nm1,Aïcha,member\n");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static String announce(int bytes) {
        return new JsonObject()
                .put("type", "command")
                .put("id", "big")
                .put("name", "announce")
                .put("args", new JsonObject().put("text", "x".repeat(bytes)))
                .encode();
    }

    @Test
    void a_two_megabyte_message_sent_in_fragments_is_refused_with_an_error_and_the_socket_stays_usable() {
        LiveClient client = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        client.sendFragmented(announce(2 * 1024 * 1024), 64 * 1024);
        assertThat(client.error("message-too-large").path("message").asText()).contains("64 KiB");
        assertThat(client.call("after", "announce", new JsonObject().put("text", "still here"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        assertThat(client.isClosed()).isFalse();
    }

    @Test
    void a_fragmented_message_within_the_limit_is_taken_whole() {
        LiveClient client = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        String message = new JsonObject()
                .put("type", "command")
                .put("id", "frag")
                .put("name", "announce")
                .put("args", new JsonObject().put("text", "y".repeat(900)))
                .encode();
        client.sendFragmented(message, 100);
        var answer = client.await(m -> "frag".equals(m.path("id").asText()));
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("ack");
    }

    @Test
    void a_single_frame_over_the_transport_limit_closes_the_connection_with_1009() {
        LiveClient client = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        client.sendRaw(announce(2 * 1024 * 1024));
        assertThat(client.awaitClose()).isEqualTo((short) 1009);
    }

    @Test
    void pings_and_unknown_messages_count_against_the_rate_limit() {
        LiveClient client = hub.client(setup.token("m1")).join(setup.assemblyId());
        for (int i = 0; i < 40; i++) client.sendRaw(i % 2 == 0 ? "{\"type\":\"ping\"}" : "{\"type\":\"nonsense\"}");
        client.error("rate-limited");
    }

    @Test
    void a_socket_silent_for_longer_than_the_limit_is_closed_with_4408_and_one_that_pings_is_not() {
        try (TestHub quick = new TestHub(new LimitsConfig(100, 100, false, 1 << 20, 1 << 20, 1_000))) {
            TestHub.Setup s = quick.createAssembly(true, "id,name\nm1,A\n");
            LiveClient silent = quick.client(null).join(s.assemblyId());
            LiveClient pinging = quick.client(null).join(s.assemblyId());
            for (int i = 0; i < 12; i++) {
                pinging.sendRaw("{\"type\":\"ping\"}");
                LiveClient.sleep(250);
            }
            assertThat(silent.awaitClose()).isEqualTo((short) 4408);
            assertThat(pinging.isClosed()).isFalse();
        }
    }

    @Test
    void the_hub_offers_no_websocket_compression_so_a_small_frame_cannot_inflate_into_a_huge_one() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", hub.port())) {
            socket.setSoTimeout(5_000);
            String request = "GET /live HTTP/1.1\r\nHost: 127.0.0.1:" + hub.port()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[2048];
            int n = socket.getInputStream().read(buffer);
            String response = new String(buffer, 0, n, StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
            // A frame marked compressed (RSV1) is then a protocol error, never inflated.
            socket.getOutputStream().write(new byte[] {(byte) 0xC1, (byte) 0x81, 1, 2, 3, 4, 0x7a});
            int closing = socket.getInputStream().read(buffer);
            assertThat(closing).as("the connection ends").isNotZero();
        }
    }
}
