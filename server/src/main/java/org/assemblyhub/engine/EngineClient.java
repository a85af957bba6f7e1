package org.assemblyhub.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.store.AssemblyIds;

/**
 * How the web layer talks to engines and to the registry over the event bus. Never fails: transport problems come
 * back as error answers ({@code no-such-assembly}, {@code unavailable}) like any other refusal.
 */
public final class EngineClient {
    private static final long TIMEOUT_MS = 10_000;
    private final Vertx vertx;
    private final AssemblyDirectory directory;

    public EngineClient(Vertx vertx) {
        this(vertx, AssemblyDirectory.NONE);
    }

    /** {@code directory}: which assemblies exist while no engine answers for them (between owners in a cluster). */
    public EngineClient(Vertx vertx, AssemblyDirectory directory) {
        this.vertx = vertx;
        this.directory = directory;
    }

    public Future<JsonObject> engine(String assemblyId, String op, JsonObject body) {
        if (!AssemblyIds.isValid(assemblyId)) {
            return Future.succeededFuture(Answers.error("no-such-assembly", "This assembly does not exist."));
        }
        DeliveryOptions options = AssemblyEngine.op(op).setSendTimeout(TIMEOUT_MS);
        return vertx.eventBus()
                .<JsonObject>request(EngineAddresses.engine(assemblyId), body, options)
                .map(Message::body)
                .recover(failure -> noEngine(failure)
                        ? directory
                                .known(assemblyId)
                                .otherwise(false)
                                .map(known -> known ? moving() : asAnswer(failure))
                        : Future.succeededFuture(asAnswer(failure)));
    }

    private static boolean noEngine(Throwable failure) {
        return failure instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS;
    }

    /** This node's name in the cluster ("" alone). */
    public String node() {
        return directory.node();
    }

    public Future<JsonObject> registry(String op, JsonObject body) {
        return request(EngineAddresses.REGISTRY, op, body);
    }

    private static JsonObject moving() {
        return Answers.error("unavailable", "The assembly is moving to another server. Please try again in a moment.");
    }

    private Future<JsonObject> request(String address, String op, JsonObject body) {
        DeliveryOptions options = AssemblyEngine.op(op).setSendTimeout(TIMEOUT_MS);
        return vertx.eventBus()
                .<JsonObject>request(address, body, options)
                .map(Message::body)
                .recover(failure -> Future.succeededFuture(asAnswer(failure)));
    }

    private static JsonObject asAnswer(Throwable failure) {
        if (failure instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
            return Answers.error("no-such-assembly", "This assembly does not exist.");
        }
        return Answers.error("unavailable", "The assembly is not reachable right now. Please try again in a moment.");
    }
}
