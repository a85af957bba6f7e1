package org.assemblyhub.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.support.BoundedWorkers;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How a wire command enters the engine: the sender's role is checked before anything else; then the arguments are
 * read — on a small pool of workers for the few commands whose reading costs real time (a script to parse, tokens to
 * mint and perhaps seal), so the assembly's event loop never waits for them. Never fails: a problem is a
 * {@link Decoded} refusal.
 */
final class CommandIntake {
    private final Vertx vertx;
    private final WireCommands wire;
    private BoundedWorkers heavyWork;

    CommandIntake(Vertx vertx, String assemblyId, Tokens tokens, RandomGenerator random, List<WireCommand> commands) {
        this.vertx = vertx;
        this.wire = new WireCommands(assemblyId, tokens, random, commands);
    }

    /** {@code deliveryKeyPem}: the delivery officer's key this assembly's invitations are sealed for, or null. */
    Future<Decoded> read(Actor actor, String name, JsonObject args, String deliveryKeyPem) {
        JsonObject refusal = wire.refusal(actor, name);
        if (refusal != null) return Future.succeededFuture(new Decoded(null, null, refusal));
        if (!wire.heavy(name)) return Future.succeededFuture(wire.decode(actor, name, args));
        if (heavyWork == null) heavyWork = new BoundedWorkers(vertx, "assembly-hub-decode", 2, 16);
        return heavyWork
                .submit(() -> wire.decode(actor, name, args, deliveryKeyPem))
                .recover(e -> Future.succeededFuture(
                        Decoded.failed("busy", "The hub is busy; please try again in a few seconds.")));
    }
}
