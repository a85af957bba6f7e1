package org.assemblyhub.kernel.plug;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.*;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One capability's manifest: everything it contributes to the hub, in one place. The engine is generic over the list
 * of capabilities (the server's entry point names them); it imports none of them, and capabilities never import each
 * other — what one needs of another goes through the kernel's ports and the {@link #react} hook.
 */
public interface Capability {
    /** Its name, also the key of its state slice. */
    String name();

    /** Its wire commands, each with the roles that may send it (checked before any argument is read). */
    default List<WireCommand> wire() {
        return List.of();
    }

    /** The sealed roots of its events (for the journal's codec: simple names are unique across capabilities). */
    default List<Class<? extends DomainEvent>> events() {
        return List.of();
    }

    /** The sealed roots of the commands it decides. */
    default List<Class<? extends DomainCommand>> commands() {
        return List.of();
    }

    /** A fresh state slice (Serializable), or null for a capability without state. */
    default Object newState() {
        return null;
    }

    /** False only for the capability that creates the assembly: every other command needs one to exist. */
    default boolean needsAssembly() {
        return true;
    }

    /** Decides one of its commands: events, a rejection, or an answer. */
    default Verdict decide(Model model, Acting who, DomainCommand command, Instant now) {
        throw new IllegalArgumentException(
                name() + " does not decide " + command.getClass().getSimpleName());
    }

    /** Decides a pool of commands together (each sender gets its own answer). */
    default Pool decide(Model model, Pooled command, RandomGenerator random) {
        throw new IllegalArgumentException(
                name() + " does not pool " + command.getClass().getSimpleName());
    }

    /** Folds one of its events into its slice. */
    default void evolve(Model model, DomainEvent event) {}

    /**
     * Rules that cross capabilities: given what {@code who}'s command just made happen — its events and the reactions
     * of
     * the capabilities before this one, the model not yet changed by any of them — the events this capability adds: a
     * breakouts segment opens the rooms, a poll segment opens a poll, a latecomer is seated.
     */
    default List<DomainEvent> react(Model model, Acting who, List<DomainEvent> accepted, Instant now) {
        return List.of();
    }

    /** Its sections of an audience's view (only what that audience may see). */
    default void view(Model model, Audience audience, ObjectNode view) {}

    /** Its part of the open data. */
    default void openData(Model model, ObjectNode openData) {}

    /**
     * A published record it owns ({@code what}: e.g. "ballot"): its data, or a coded refusal; empty if it owns no such
     * record. {@code participant}: the request comes from one of the assembly's participants (not an observer).
     */
    default Optional<JsonObject> record(Model model, String what, JsonObject request, boolean participant) {
        return Optional.empty();
    }

    /** Reports made by replaying the whole journal (the attendance), by name. */
    default List<JournalReport> reports() {
        return List.of();
    }

    /** When something of its is due next (a segment's end, a poll's timer). */
    default Optional<Instant> nextDeadline(Model model) {
        return Optional.empty();
    }

    /** The commands its timers ask for at {@code now}. */
    default List<DomainCommand> due(Model model, Instant now) {
        return List.of();
    }

    /** Its part of the engine's runtime (pools, timers, calls), made once per assembly; null if none. */
    default Plugin plugin(Engine engine) {
        return null;
    }

    /** The events of a pool, and each sender's answer in order: null when accepted, or why it was refused. */
    record Pool(List<DomainEvent> events, List<Rejection> refusals) {}
}
