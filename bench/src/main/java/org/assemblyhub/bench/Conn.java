package org.assemblyhub.bench;

import io.vertx.core.http.WebSocket;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** One load-generator connection to the hub: what it received, its handshake, the answers to its commands. */
final class Conn {
    final FrameLog log = new FrameLog();
    final CompletableFuture<Void> joined = new CompletableFuture<>();
    final Map<String, CompletableFuture<long[]>> pending = new ConcurrentHashMap<>();
    volatile WebSocket ws;
    volatile String audience;
    volatile long audienceChangedAt;
    final boolean keepsFrames;

    Conn(boolean keepsFrames) {
        this.keepsFrames = keepsFrames;
    }

    void onText(String text) {
        long now = System.nanoTime();
        long seq = FrameLog.number(text, "seq");
        String type = FrameLog.string(text, "type");
        if (keepsFrames && ("patch".equals(type) || "snapshot".equals(type))) log.add(seq, now, text.length());
        if ("snapshot".equals(type)) {
            String to = FrameLog.string(text, "audience");
            if (to != null && !to.equals(audience)) {
                audience = to;
                audienceChangedAt = now;
            }
        } else if ("personal".equals(type)) {
            joined.complete(null);
        } else if ("ack".equals(type) || "error".equals(type)) {
            String id = FrameLog.string(text, "id");
            CompletableFuture<long[]> answer = id == null ? null : pending.remove(id);
            if (answer != null) {
                if ("ack".equals(type)) answer.complete(new long[] {seq, now});
                else answer.completeExceptionally(new IllegalStateException(text));
            } else if ("error".equals(type) && !joined.isDone()) {
                joined.completeExceptionally(new IllegalStateException(text));
            }
        }
    }

    void hello(String assemblyId) {
        ws.writeTextMessage(
                "{\"type\":\"hello\",\"assembly\":\"" + assemblyId + "\",\"lastSeq\":null,\"lastAudience\":null}");
    }

    /** Sends a command; the future gets {seq, ack arrival nanos}. */
    CompletableFuture<long[]> command(String id, String name, String argsJson) {
        CompletableFuture<long[]> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ws.writeTextMessage(
                "{\"type\":\"command\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"args\":" + argsJson + "}");
        return answer;
    }
}
