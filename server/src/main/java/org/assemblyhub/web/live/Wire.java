package org.assemblyhub.web.live;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** Server → client messages that the gateway itself makes (views come ready-made from the engine). */
final class Wire {
    /** WebSocket close codes (4000–4999 are the application's own; documented in docs/protocol.md). */
    static final short CLOSE_TRY_AGAIN = 1013;

    static final short CLOSE_POLICY = 1008;
    static final short CLOSE_TOO_BIG = 1009;
    /** No message (not even a ping) for the configured silence (a minute by default). */
    static final short CLOSE_IDLE = 4408;

    static final short CLOSE_UNAUTHORISED = 4401;
    static final short CLOSE_FORBIDDEN = 4403;
    static final short CLOSE_NOT_FOUND = 4404;

    private Wire() {}

    static String error(long seq, String id, String code, String message) {
        JsonObject error = new JsonObject().put("type", "error").put("seq", seq);
        if (id != null) error.put("id", id);
        return error.put("code", code).put("message", message).encode();
    }

    static String ack(long seq, String id, JsonObject result) {
        JsonObject ack = new JsonObject().put("type", "ack").put("seq", seq).put("id", id);
        if (result != null) ack.put("result", result);
        return ack.encode();
    }

    static String personal(long seq, JsonObject me) {
        return new JsonObject()
                .put("type", "personal")
                .put("seq", seq)
                .put("me", me)
                .put("serverTime", Instant.now().toString())
                .encode();
    }

    static String pong(long seq) {
        return new JsonObject().put("type", "pong").put("seq", seq).encode();
    }

    static short closeCodeFor(String errorCode) {
        return switch (errorCode) {
            case "invalid-invitation" -> CLOSE_UNAUTHORISED;
            case "not-public" -> CLOSE_FORBIDDEN;
            case "no-such-assembly" -> CLOSE_NOT_FOUND;
            default -> CLOSE_TRY_AGAIN;
        };
    }
}
