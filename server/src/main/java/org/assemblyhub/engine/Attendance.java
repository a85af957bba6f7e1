package org.assemblyhub.engine;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Presence;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.kernel.plug.Answers;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who is connected to one assembly, and in which audience — the one place that knows where a person is now. It
 * answers a socket's join, identity and catch-up, records presence (a person's first socket opening, their last one
 * closing) through the journal like any command, and tells the gateways when a connected person's audience changes.
 */
final class Attendance {
    /** A socket's catch-up at the durable state: patches since {@code lastSeq}, or a snapshot. */
    interface CatchUp {
        JsonObject sync(Audience audience, Long lastSeq, Audience lastAudience);
    }

    private final String assemblyId;
    private final EventBus bus;
    private final Consumer<DomainCommand> record;
    private final Connections connections = new Connections();
    private final Map<String, Audience> audiences = new HashMap<>();
    private Plugins plugins;
    private CatchUp catchUp;

    /** {@code record}: queues one of the hub's own commands (presence). */
    Attendance(String assemblyId, EventBus bus, Consumer<DomainCommand> record) {
        this.assemblyId = assemblyId;
        this.bus = bus;
        this.record = record;
    }

    void start(Plugins plugins, CatchUp catchUp) {
        this.plugins = plugins;
        this.catchUp = catchUp;
    }

    Set<String> people() {
        return connections.people();
    }

    boolean isConnected(String personId) {
        return connections.isConnected(personId);
    }

    int sockets() {
        return connections.sockets();
    }

    JsonObject join(Model model, JsonObject body) {
        Roster roster = model.roster();
        if (!roster.exists()) return Answers.error("no-such-assembly", "This assembly does not exist.");
        String token = body.getString("token");
        if (token == null) {
            if (!roster.isPublic()) {
                return Answers.error(
                        "not-public", "This assembly is not public. Please open your personal invitation link.");
            }
            connections.openAnonymous(body.getString("connectionId"));
            return plugins.describe(EngineIdentity.identity(assemblyId, null, Role.OBSERVER, null));
        }
        JsonObject identity = identify(model, token);
        if (Answers.isError(identity)) return identity;
        String personId = identity.getString("personId");
        audiences.put(personId, Audience.parse(identity.getString("audience")));
        if (connections.open(body.getString("connectionId"), personId))
            record.accept(new Presence.Mark(personId, true));
        return identity;
    }

    void leave(String connectionId) {
        String personId = connections.close(connectionId);
        if (personId != null && !connections.isConnected(personId)) {
            plugins.left(personId);
            record.accept(new Presence.Mark(personId, false));
        }
    }

    /** A node of the cluster died: its sockets are gone without a word, and their people left. */
    void nodeLeft(String node) {
        if (node == null || node.isEmpty()) return;
        connections.startingWith(node + "/").forEach(this::leave);
    }

    JsonObject identify(Model model, String token) {
        JsonObject identity = EngineIdentity.identify(model, assemblyId, token);
        return Answers.isError(identity) ? identity : plugins.describe(identity);
    }

    /**
     * A socket's catch-up. If the person's audience changed before their socket subscribed (a latecomer seated in a
     * group while its handshake was in flight), the answer is for the audience they are in now, and says so.
     */
    JsonObject sync(Model model, JsonObject body) {
        Audience requested = Audience.parse(body.getString("audience"));
        String personId = body.getString("personId");
        Audience current = personId == null || requested == null
                ? requested
                : model.roster()
                        .person(personId)
                        .map(p -> Rules.audienceOf(model, p))
                        .orElse(requested);
        JsonObject answer =
                catchUp.sync(current, body.getLong("lastSeq"), Audience.parse(body.getString("lastAudience")));
        if (current != null && !current.equals(requested) && !Answers.isError(answer)) {
            answer.put("audience", current.wire());
        }
        return answer;
    }

    /**
     * Tells the gateways when a connected person's audience changes (a breakout round opens or closes, someone is
     * moved): the move carries the new audience's view, so their sockets switch audience without asking for it.
     */
    void publishMoves(Model model) {
        Map<Audience, JsonObject> views = new HashMap<>();
        for (String personId : connections.people()) {
            model.roster().person(personId).ifPresent(person -> {
                Audience now = Rules.audienceOf(model, person);
                if (now.equals(audiences.put(personId, now))) return;
                plugins.moved(personId, now);
                JsonObject view = views.computeIfAbsent(now, to -> catchUp.sync(to, null, null));
                DeliveryOptions move =
                        new DeliveryOptions().addHeader("move", personId).addHeader("aud", now.wire());
                if (Answers.isError(view)) {
                    bus.publish(EngineAddresses.out(assemblyId), "", move); // the gateway asks for a sync instead
                } else {
                    move.addHeader("seq", Long.toString(view.getLong("seq")));
                    bus.publish(
                            EngineAddresses.out(assemblyId),
                            view.getJsonArray("messages").getString(0),
                            move);
                }
            });
        }
    }
}
