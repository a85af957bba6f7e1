package org.assemblyhub.kernel.plug;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;

import java.util.List;
import java.util.Map;

/**
 * A capability's part of one assembly's runtime, on the engine's context: what is not decided and recorded but lives
 * beside the journal (a pool of ballot casts, a turnout ticker, calls and their signalling).
 */
public interface Plugin {
    /** Takes a command before it is queued (to pool it, say); true when it did, and then answers it itself. */
    default boolean intercept(Actor actor, String key, DomainCommand command, Promise<JsonObject> answer) {
        return false;
    }

    /** Adds what a socket learns about the assembly when it joins (say, the video provider). */
    default void describe(JsonObject identity) {}

    /** A batch of events is durable. */
    default void landed(List<DomainEvent> events) {}

    /** The engine has replayed its journal and is about to serve. */
    default void started() {}

    /** Wire commands it answers itself, without the journal (e.g. {@code video-join}): name → answer. */
    default Map<String, Query> queries() {
        return Map.of();
    }

    /** Engine requests it serves (e.g. {@code signal}): op → answer. */
    default Map<String, Op> ops() {
        return Map.of();
    }

    /** A person's last socket closed. */
    default void left(String personId) {}

    /** A connected person's audience changed (a round opened or closed, a move). */
    default void moved(String personId, Audience to) {}

    interface Query {
        Future<JsonObject> answer(Actor actor, JsonObject args);
    }

    interface Op {
        JsonObject answer(JsonObject body);
    }
}
