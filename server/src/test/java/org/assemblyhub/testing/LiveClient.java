package org.assemblyhub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.MergePatch;
import org.assemblyhub.support.Jackson;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test's browser tab over a real WebSocket: keeps every raw frame it received (for canary scans), folds snapshots
 * and patches into the current view like the real client, and lets the test wait for a message.
 */
public final class LiveClient implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Held on purpose: Vert.x 5 closes a client's connections once the client itself is garbage-collected. */
    private final WebSocketClient client;

    private final WebSocket ws;
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private volatile ObjectNode view;
    private volatile long seq = -1;
    private volatile String audience;
    private volatile Short closeCode;
    private volatile String closeReason;

    /** Like a browser, a client that has sent nothing for this long pings (the hub closes sockets silent a minute). */
    private static final long KEEPALIVE_MS = 20_000;

    private final Vertx vertx;
    private final long keepalive;
    private volatile long lastSent = System.currentTimeMillis();

    private LiveClient(Vertx vertx, WebSocketClient client, WebSocket ws) {
        this.vertx = vertx;
        this.client = client;
        this.ws = ws;
        ws.textMessageHandler(this::onText);
        keepalive = vertx.setPeriodic(KEEPALIVE_MS, id -> {
            if (!ws.isClosed() && System.currentTimeMillis() - lastSent >= KEEPALIVE_MS) sendRaw("{\"type\":\"ping\"}");
        });
        ws.closeHandler(v -> {
            vertx.cancelTimer(keepalive);
            closeCode = ws.closeStatusCode() == null ? -1 : ws.closeStatusCode();
            closeReason = ws.closeReason();
        });
    }

    public static LiveClient connect(Vertx vertx, int port, String token) {
        return connect(vertx, port, token, null);
    }

    public static LiveClient connect(Vertx vertx, int port, String token, String origin) {
        return connect(vertx, port, "/live", token, origin);
    }

    /** A socket to {@code path} ({@code /live}, or the observers' {@code /watch} on their own port). */
    public static LiveClient connect(Vertx vertx, int port, String path, String token, String origin) {
        WebSocketClient client = vertx.createWebSocketClient(
                new WebSocketClientOptions().setMaxFrameSize(4 * 1024 * 1024).setMaxMessageSize(4 * 1024 * 1024));
        WebSocketConnectOptions options =
                new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path);
        if (token != null) options.addHeader("Cookie", "ah_session=" + token);
        if (origin != null) options.addHeader("Origin", origin);
        try {
            WebSocket ws = client.connect(options)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(15, TimeUnit.SECONDS);
            return new LiveClient(vertx, client, ws);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + path, e);
        }
    }

    private void onText(String text) {
        frames.add(text);
        JsonNode message;
        try {
            message = Jackson.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("server sent invalid JSON: " + text, e);
        }
        messages.add(message);
        switch (message.path("type").asText()) {
            case "snapshot" -> {
                view = (ObjectNode) message.get("view").deepCopy();
                seq = message.get("seq").asLong();
                audience = message.get("audience").asText();
            }
            case "patch" -> {
                if (view == null) return; // a resumed test client has no view of its own to fold into
                if (message.get("base").asLong() != seq) {
                    throw new IllegalStateException(
                            "patch does not apply: base " + message.get("base") + " but client at " + seq);
                }
                view = MergePatch.apply(view.deepCopy(), message.get("patch"));
                seq = message.get("seq").asLong();
            }
            default -> {}
        }
    }

    public LiveClient hello(String assemblyId) {
        return hello(assemblyId, null, null);
    }

    public LiveClient hello(String assemblyId, Long lastSeq, String lastAudience) {
        send(new JsonObject()
                .put("type", "hello")
                .put("assembly", assemblyId)
                .put("lastSeq", lastSeq)
                .put("lastAudience", lastAudience));
        return this;
    }

    /** Says hello and waits until the handshake ends with {@code personal}; returns this. */
    public LiveClient join(String assemblyId) {
        int before = messages.size();
        hello(assemblyId);
        awaitFrom(
                before,
                m -> m.path("type").asText().equals("personal")
                        || m.path("type").asText().equals("error"));
        return this;
    }

    public void command(String id, String name, JsonObject args) {
        send(new JsonObject()
                .put("type", "command")
                .put("id", id)
                .put("name", name)
                .put("args", args));
    }

    /** Sends a command and waits for its answer (ack or error). */
    public JsonNode call(String id, String name, JsonObject args) {
        int before = messages.size();
        command(id, name, args);
        return awaitFrom(
                before,
                m -> id.equals(m.path("id").asText())
                        && m.has("code") == m.path("type").asText().equals("error"));
    }

    public void send(JsonObject json) {
        sendRaw(json.encode());
    }

    public void sendRaw(String text) {
        lastSent = System.currentTimeMillis();
        ws.writeTextMessage(text);
    }

    /**
     * Sends one ASCII text message as several frames of {@code frameBytes} (a text frame, then continuation frames).
     */
    public void sendFragmented(String text, int frameBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < bytes.length; at += frameBytes) {
            int end = Math.min(bytes.length, at + frameBytes);
            Buffer part = Buffer.buffer(Arrays.copyOfRange(bytes, at, end));
            boolean last = end == bytes.length;
            ws.writeFrame(
                    at == 0
                            ? WebSocketFrame.textFrame(part.toString(StandardCharsets.US_ASCII), last)
                            : WebSocketFrame.continuationFrame(part, last));
        }
    }

    public JsonNode await(Predicate<JsonNode> predicate) {
        return awaitFrom(0, predicate);
    }

    public JsonNode awaitFrom(int from, Predicate<JsonNode> predicate) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = from; i < messages.size(); i++) {
                if (predicate.test(messages.get(i))) return messages.get(i);
            }
            sleep(5);
        }
        throw new AssertionError("no matching message within " + WAIT + "; received: " + frames);
    }

    /** Waits until the folded view satisfies the predicate. */
    public ObjectNode awaitView(Predicate<ObjectNode> predicate) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ObjectNode current = view;
            if (current != null && predicate.test(current)) return current;
            sleep(5);
        }
        throw new AssertionError("view never matched; last view: " + view + "; frames: " + frames);
    }

    /** Waits until the socket has been moved to {@code expected} (the snapshot of the new audience arrived). */
    public void awaitAudience(String expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (expected.equals(audience)) return;
            sleep(5);
        }
        throw new AssertionError("audience stayed " + audience + ", expected " + expected);
    }

    public short awaitClose() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (closeCode != null) return closeCode;
            sleep(5);
        }
        throw new AssertionError("socket was not closed; frames: " + frames);
    }

    public JsonNode error(String code) {
        return await(m -> m.path("type").asText().equals("error")
                && code.equals(m.path("code").asText()));
    }

    public List<String> frames() {
        return frames;
    }

    public List<JsonNode> messages() {
        return messages;
    }

    public int count() {
        return messages.size();
    }

    public ObjectNode view() {
        return view;
    }

    public long seq() {
        return seq;
    }

    public String audience() {
        return audience;
    }

    public boolean isClosed() {
        return closeCode != null;
    }

    public String closeReason() {
        return closeCode + " " + closeReason;
    }

    @Override
    public void close() {
        vertx.cancelTimer(keepalive);
        if (!ws.isClosed()) ws.close();
        client.close();
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
