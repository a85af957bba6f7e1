package org.assemblyhub.kernel.plug;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.DomainCommand;

/**
 * A wire command turned into a domain command, with what the sender gets back once it is accepted
 * (for example the new invitation tokens, which exist nowhere else).
 */
public record Decoded(DomainCommand command, JsonObject result, JsonObject error) {
    public static Decoded ok(DomainCommand command) {
        return new Decoded(command, null, null);
    }

    public static Decoded ok(DomainCommand command, JsonObject result) {
        return new Decoded(command, result, null);
    }

    public static Decoded invalid(String message) {
        return new Decoded(null, null, Answers.error("invalid-args", message));
    }

    public static Decoded failed(String code, String message) {
        return new Decoded(null, null, Answers.error(code, message));
    }
}
