package org.assemblyhub.engine;

import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Creation;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Pooled;
import org.assemblyhub.kernel.Rejection;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.Decoded;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One group commit in the making: the queued commands decided in arrival order against the model (each one's events
 * folded in before the next is decided), the events to append, and each command's answer — refusals at once, acks
 * once the batch is durable, and {@code journal-unavailable} for everything accepted if the append fails.
 */
final class Batch {
    private static final System.Logger LOG = System.getLogger(Batch.class.getName());

    /** Who waits for a command's answer, by its command key (null for the hub's own commands). */
    record Waiting(String key, Promise<JsonObject> answer) {}

    /** A decoded command waiting its turn; {@code pooled}: for a pool (of ballot casts, say), who waits for each. */
    record Queued(Actor actor, String key, Decoded decoded, Promise<JsonObject> answer, List<Waiting> pooled) {
        Queued(Actor actor, String key, Decoded decoded, Promise<JsonObject> answer) {
            this(actor, key, decoded, answer, List.of());
        }
    }

    private final String assemblyId;
    private final Instant now;
    final List<RecordedEvent> events = new ArrayList<>();
    final List<Runnable> onDurable = new ArrayList<>();
    /** The answers to take back if the append fails. */
    final List<Waiting> accepted = new ArrayList<>();

    private long next;

    Batch(String assemblyId, long seq, Instant now) {
        this.assemblyId = assemblyId;
        this.next = seq;
        this.now = now;
    }

    long lastSeq() {
        return next;
    }

    void decide(Rules rules, Model model, Queued q, RandomGenerator random, LimitsConfig limits) {
        if (q.decoded().command() instanceof Pooled pooled) {
            decidePool(rules, model, q, pooled, random);
            return;
        }
        Verdict decision;
        try {
            decision = rules.decide(model, q.actor(), q.decoded().command(), now, limits);
        } catch (RuntimeException e) {
            // A bug: answered, never a hang for the client; the log names the command's kind, never its content.
            LOG.log(
                    Level.ERROR,
                    "assembly {0}: deciding {1} failed with {2}",
                    assemblyId,
                    q.decoded().command().getClass().getSimpleName(),
                    e.getClass().getName());
            q.answer()
                    .complete(Answers.error(
                            "internal-error", "Something went wrong on the hub; nothing changed. Please try again."));
            return;
        }
        if (decision instanceof Verdict.Rejected r) {
            q.answer()
                    .complete(Answers.error(r.rejection().code(), r.rejection().message()));
            return;
        }
        if (decision instanceof Verdict.Answered a) {
            // An answer read from the state waits, like an ack, until what it reads is durable. It recorded nothing, so
            // it
            // carries no journal position (which would tell when others act, e.g. while a ballot is open).
            JsonObject result = new JsonObject(new HashMap<>(a.result()));
            accepted.add(new Waiting(q.key(), q.answer()));
            onDurable.add(() -> q.answer().complete(Answers.ack(0, result)));
            return;
        }
        JsonObject result = q.decoded().result() == null
                ? new JsonObject()
                : q.decoded().result().copy();
        for (DomainEvent event : ((Verdict.Accepted) decision).events()) {
            events.add(new RecordedEvent(++next, now, q.key(), event));
            rules.evolve(model, event);
            if (event instanceof Creation made && !result.containsKey(made.idName()))
                result.put(made.idName(), made.createdId());
        }
        long ackSeq = next;
        accepted.add(new Waiting(q.key(), q.answer()));
        onDurable.add(() -> q.answer().complete(Answers.ack(ackSeq, result)));
    }

    /** A pool, decided together (ballot casts: in a random order); no command id: nothing ties a choice to a sender. */
    private void decidePool(Rules rules, Model model, Queued q, Pooled pooled, RandomGenerator random) {
        Capability.Pool decided = rules.decide(model, pooled, random);
        for (DomainEvent event : decided.events()) {
            events.add(new RecordedEvent(++next, now, null, event));
            rules.evolve(model, event);
        }
        long ackSeq = next;
        for (int i = 0; i < q.pooled().size(); i++) {
            Waiting waiting = q.pooled().get(i);
            Rejection r = decided.refusals().get(i);
            if (r != null) {
                waiting.answer().complete(Answers.error(r.code(), r.message()));
            } else {
                // No tracker in the ack: the member's browser derives it from its own secret, and the hub keeps no
                // answer that would tie this person to it.
                accepted.add(waiting);
                onDurable.add(() -> waiting.answer().complete(Answers.ack(ackSeq, null)));
            }
        }
    }
}
