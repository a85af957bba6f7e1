package org.assemblyhub.kernel.plug;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Pooled;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** What the engine of one assembly offers its plugins. Everything runs on the engine's context. */
public interface Engine {
    String assemblyId();

    Vertx vertx();

    Clock clock();

    RandomGenerator random();

    /** The model as it is now (durable once no batch is being written). */
    Model model();

    /** Queues a command like any other (the hub's timer, say). */
    Future<JsonObject> submit(Actor actor, String key, DomainCommand command);

    /** Queues a pool: one command decided for several senders, each answered through its promise. */
    void submitPool(Pooled command, List<Promise<JsonObject>> answers, List<String> keys);

    /** Whether this node still holds the assembly (a cluster's ownership lease; always, on a hub of one node). */
    boolean holds();

    /** People with at least one open socket. */
    Set<String> connected();

    boolean isConnected(String personId);

    /**
     * Publishes a message to one person's sockets (a call signal); {@code kind} is the header the gateways route by.
     */
    void sendTo(String personId, String text);
}
