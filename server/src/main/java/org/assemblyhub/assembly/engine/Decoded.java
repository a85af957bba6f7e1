package org.assemblyhub.assembly.engine;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.assembly.domain.DomainCommand;

/**
 * A wire command turned into a domain command, with what the sender gets back once it is accepted
 * (for example the new invitation tokens, which exist nowhere else).
 */
record Decoded(DomainCommand command, JsonObject result, JsonObject error) {
    static Decoded ok(DomainCommand command) {
        return new Decoded(command, null, null);
    }

    static Decoded ok(DomainCommand command, JsonObject result) {
        return new Decoded(command, result, null);
    }

    static Decoded invalid(String message) {
        return new Decoded(null, null, Answers.error("invalid-args", message));
    }

    static Decoded failed(String code, String message) {
        return new Decoded(null, null, Answers.error(code, message));
    }
}
