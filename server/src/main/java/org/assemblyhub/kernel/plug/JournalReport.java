package org.assemblyhub.kernel.plug;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;

import java.time.Instant;
import java.util.Optional;

/**
 * A report made by replaying an assembly's whole journal into a model of its own (the attendance of each session,
 * say), offered by a capability ({@link Capability#reports()}): the engine reads the journal, unseals and folds each
 * record, and hands the report every event with its time and the model just after it — the report knows no journal,
 * and the engine knows no report by name.
 */
public interface JournalReport {
    /** What a request names it by ({@code report} op: {@code {name, ...}}). */
    String name();

    /** A refusal checked first against the engine's current model, on its thread (no such session…); empty: go on. */
    default Optional<JsonObject> refuse(Model model, JsonObject request) {
        return Optional.empty();
    }

    /** One replay's reader, for this request. */
    Reader reader(JsonObject request);

    interface Reader {
        /** Each recorded event in order, with the model just after it. */
        void accept(Instant at, DomainEvent event, Model model);

        /** The answer once the journal is read; runs on a worker (it may take a while). */
        JsonObject finish(Model model, Instant now);
    }
}
