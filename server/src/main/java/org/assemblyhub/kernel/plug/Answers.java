package org.assemblyhub.kernel.plug;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The replies the engine sends back over the event bus: {@code ack} or {@code error} with a code and a human message.
 */
public final class Answers {
    private Answers() {}

    public static JsonObject ack(long seq, JsonObject result) {
        JsonObject ack = new JsonObject().put("status", "ack").put("seq", seq);
        if (result != null && !result.isEmpty()) ack.put("result", result);
        return ack;
    }

    public static JsonObject error(String code, String message) {
        return new JsonObject().put("status", "error").put("code", code).put("message", message);
    }

    public static JsonObject error(String code, String message, JsonArray problems) {
        return error(code, message).put("problems", problems);
    }

    public static boolean isError(JsonObject answer) {
        return "error".equals(answer.getString("status"));
    }
}
