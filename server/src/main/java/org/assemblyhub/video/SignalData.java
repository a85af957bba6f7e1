package org.assemblyhub.video;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;

/**
 * What of a signal's data is passed on: only the fields its kind uses. Anything else a peer adds — such as its own
 * say on whose stream is whose, which only the hub may give — is dropped, not relayed.
 */
public final class SignalData {
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "offer", Set.of("description"),
            "answer", Set.of("description"),
            "candidate", Set.of("candidate"),
            "mute", Set.of("audio", "video"),
            "bye", Set.of());

    private SignalData() {}

    public static JsonObject clean(String kind, JsonObject data) {
        JsonObject out = new JsonObject();
        if (data == null) return out;
        for (String field : FIELDS.getOrDefault(kind, Set.of())) {
            if (data.containsKey(field)) out.put(field, data.getValue(field));
        }
        return out;
    }
}
