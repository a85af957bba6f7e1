package org.assemblyhub.engine;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers to the most recent commands, by command key ({@code personId:clientId}), so that a retry is answered
 * with the first answer. Accepted commands are also found again in the journal after a restart.
 */
final class CommandLog {
    private final Map<String, Future<JsonObject>> answers;

    CommandLog(int capacity) {
        this.answers = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Future<JsonObject>> eldest) {
                return size() > capacity;
            }
        };
    }

    Future<JsonObject> get(String key) {
        return answers.get(key);
    }

    void put(String key, Future<JsonObject> answer) {
        answers.put(key, answer);
    }

    void remember(String key, JsonObject answer) {
        answers.put(key, Future.succeededFuture(answer));
    }

    void forget(String key) {
        answers.remove(key);
    }
}
