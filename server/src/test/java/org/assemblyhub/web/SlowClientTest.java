package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A tab that stops reading (a frozen phone, a dead network) must not slow anyone else down: its bounded write queue
 * fills, the hub drops it (close 1013), and everybody else keeps receiving every update.
 */
class SlowClientTest {
    static final int ANNOUNCEMENTS = 400;
    static final int SNAPSHOT_REQUESTS = 300;
    static TestHub hub;
    static TestHub.Setup setup;

    @BeforeAll
    static void start() {
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 100_000);
        setup = hub.createAssembly(true, "id,name\nm1,Aïcha\n");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void a_client_that_stops_reading_is_dropped_while_the_others_receive_everything() throws Exception {
        try (Socket frozen = new Socket()) {
            frozen.setReceiveBufferSize(4096);
            frozen.connect(new InetSocketAddress("127.0.0.1", hub.port()));
            handshakeAndHello(frozen);
            LiveClient observer = hub.client(null).join(setup.assemblyId());
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            String filler = "x".repeat(990);
            for (int i = 1; i <= 60; i++)
                organiser.command("fill-" + i, "announce", new JsonObject().put("text", i + " " + filler));
            observer.awaitView(v -> v.path("announcements").has("a60"));

            // Each hello asks for a fresh ~55 KB snapshot (paced, since overlapping hellos are coalesced): ~16 MB that
            // the frozen socket never reads.
            for (int i = 0; i < SNAPSHOT_REQUESTS; i++) {
                writeText(frozen, "{\"type\":\"hello\",\"assembly\":\"" + setup.assemblyId() + "\"}");
                Thread.sleep(3);
            }
            for (int i = 61; i <= ANNOUNCEMENTS; i++) {
                organiser.command("slow-" + i, "announce", new JsonObject().put("text", i + " " + filler));
            }
            observer.awaitView(
                    v -> v.path("announcements").path("a" + ANNOUNCEMENTS).has("text"));

            int closeCode = readUntilCloseFrame(frozen);
            assertThat(closeCode)
                    .as("the hub closed the frozen socket: try again later (1013)")
                    .isEqualTo(1013);
        }
    }

    private void handshakeAndHello(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /live HTTP/1.1\r\nHost: 127.0.0.1:" + hub.port()
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) headers.append((char) in.read());
        assertThat(headers).startsWith("HTTP/1.1 101");
        writeText(socket, "{\"type\":\"hello\",\"assembly\":\"" + setup.assemblyId() + "\"}");
    }

    /** A masked client text frame (payload under 126 bytes). */
    private static void writeText(Socket socket, String text) throws Exception {
        OutputStream out = socket.getOutputStream();
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        byte[] mask = {1, 2, 3, 4};
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        out.write(frame);
        out.flush();
    }

    /** Reads the hub's frames (unmasked) until a close frame, and returns its status code. */
    private static int readUntilCloseFrame(Socket socket) throws Exception {
        socket.setSoTimeout(30_000);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        try {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0f;
                long length = in.readUnsignedByte() & 0x7f;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                if (opcode == 0x8) return length >= 2 ? in.readUnsignedShort() : -1;
                in.skipNBytes(length);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the hub never closed the frozen socket");
        }
    }
}
