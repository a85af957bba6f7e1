package org.assemblyhub.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Pooled;
import org.assemblyhub.kernel.plug.Engine;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** What one engine offers its capabilities' plugins; everything runs on the engine's context. */
final class EngineServices implements Engine {
    /** The engine's queue, as the plugins may use it. */
    interface Queue {
        Future<JsonObject> submit(Actor actor, String key, DomainCommand command);

        void submitPool(Pooled command, List<Promise<JsonObject>> answers, List<String> keys);
    }

    private final String assemblyId;
    private final Vertx vertx;
    private final Clock clock;
    private final RandomGenerator random;
    private final Supplier<Model> model;
    private final BooleanSupplier holds;
    private final Queue queue;
    private final Attendance attendance;

    EngineServices(
            String assemblyId,
            Vertx vertx,
            Clock clock,
            RandomGenerator random,
            Supplier<Model> model,
            Queue queue,
            Attendance attendance,
            BooleanSupplier holds) {
        this.assemblyId = assemblyId;
        this.vertx = vertx;
        this.clock = clock;
        this.random = random;
        this.model = model;
        this.holds = holds;
        this.queue = queue;
        this.attendance = attendance;
    }

    @Override
    public String assemblyId() {
        return assemblyId;
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public Model model() {
        return model.get();
    }

    @Override
    public Future<JsonObject> submit(Actor actor, String key, DomainCommand command) {
        return queue.submit(actor, key, command);
    }

    @Override
    public void submitPool(Pooled command, List<Promise<JsonObject>> answers, List<String> keys) {
        queue.submitPool(command, answers, keys);
    }

    @Override
    public boolean holds() {
        return holds.getAsBoolean();
    }

    @Override
    public Set<String> connected() {
        return attendance.people();
    }

    @Override
    public boolean isConnected(String personId) {
        return attendance.isConnected(personId);
    }

    @Override
    public void sendTo(String personId, String text) {
        vertx.eventBus()
                .publish(EngineAddresses.out(assemblyId), text, new DeliveryOptions().addHeader("signal", personId));
    }
}
