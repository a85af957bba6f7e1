package org.assemblyhub.assembly.engine;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.assembly.domain.Actor;
import org.assemblyhub.assembly.domain.Role;
import org.assemblyhub.breakout.domain.Group;
import org.assemblyhub.video.RelayTree;
import org.assemblyhub.video.VideoAccess;
import org.assemblyhub.video.VideoRoom;

import java.util.List;

/**
 * The engine's side of calls: which room each person is in (from the assembly's state), who moderates it, who may
 * connect to whom, the answer to {@code video-join}, and the relay of mesh signals — nothing of it is recorded.
 * In mesh mode the plenary is a {@link RelayTree}: the stage meshes, everyone else receives it from one person and
 * passes it on; each change of position is pushed to the people concerned as a {@code relay} signal.
 */
final class EngineCalls {
    private final String assemblyId;
    private final VideoAccess video;
    private final RelayTree plenary;
    /** Grows with each change of the tree: a browser keeps the newest position whatever order messages come in. */
    private long relayVersion;

    EngineCalls(String assemblyId, VideoAccess video) {
        this.assemblyId = assemblyId;
        this.video = video;
        this.plenary = new RelayTree(video.relayFanOut());
    }

    String provider() {
        return video.provider();
    }

    /** The room a person is in now: their breakout group while it meets, otherwise the plenary. */
    VideoRoom roomOf(Deciders model, String personId) {
        int group = model.rooms.groupOf(personId).map(Group::number).orElse(0); // none once closed or returned
        return video.room(assemblyId, model.rooms.round(), group);
    }

    /** In the plenary the stage (the lead, organisers, experts) is seen by all; in a group, its facilitators moderate. */
    boolean moderates(Deciders model, Actor actor, VideoRoom room) {
        if (actor.personId() == null) return false;
        if (room.isPlenary()) return actor.role() == Role.ORGANISER || actor.personId().equals(model.clock.lead());
        return model.rooms.groupOf(actor.personId()).map(g -> actor.personId().equals(g.leadFacilitator())
                || actor.personId().equals(g.coFacilitator())).orElse(false);
    }

    boolean onStage(Deciders model, String personId) {
        return model.state.person(personId).map(p -> p.role() == Role.ORGANISER || p.role() == Role.EXPERT
                || p.id().equals(model.clock.lead())).orElse(false);
    }

    /** People of the room a person calls on joining: everyone in a group; in the plenary, the rest of the stage. */
    List<String> peersOf(Deciders model, Connections connections, String personId, VideoRoom room) {
        return connections.people().stream().filter(p -> !p.equals(personId) && roomOf(model, p).equals(room))
                .filter(p -> !room.isPlenary() || (onStage(model, p) && onStage(model, personId))).toList();
    }

    JsonObject join(Deciders model, Connections connections, Actor actor, JsonObject args, long seq, EventBus bus) {
        if (!model.state.exists()) return Answers.error("no-such-assembly", "This assembly does not exist.");
        Object requested = args == null ? null : args.getValue("room");
        if (requested != null && !(requested instanceof String)) return Answers.error("invalid-args", "'room' must be text.");
        var room = roomOf(model, actor.personId());
        JsonObject answer = video.join(actor.personId(), actor.personId() == null ? null : model.state.displayName(actor.personId()),
                room, (String) requested, moderates(model, actor, room), peersOf(model, connections, actor.personId(), room));
        if (Answers.isError(answer)) return answer;
        answer.remove("status");
        if ("mesh".equals(video.provider()) && actor.personId() != null) {
            String me = actor.personId();
            if (room.isPlenary()) {
                push(model, plenary.join(me, onStage(model, me)), me, bus);
                answer.put("relay", position(model, me));
            } else {
                push(model, plenary.leave(me), null, bus);
            }
        }
        return Answers.ack(seq, answer);
    }

    /** The answer to {@code video-join}, with phone dial-in details when the Jitsi deployment provides them. */
    io.vertx.core.Future<JsonObject> joinWithDialIn(Deciders model, Connections connections, Actor actor, JsonObject args, long seq,
                                                    EventBus bus, io.vertx.core.Context context) {
        JsonObject answer = join(model, connections, actor, args, seq, bus);
        if (Answers.isError(answer) || !"jitsi".equals(video.provider())) return io.vertx.core.Future.succeededFuture(answer);
        return io.vertx.core.Future.fromCompletionStage(video.dialIn(roomOf(model, actor.personId())), context)
                .map(dialIn -> {
                    if (dialIn != null) answer.getJsonObject("result").put("dialIn", dialIn);
                    return answer;
                })
                .otherwise(answer);
    }

    /** Someone left the plenary's call: disconnected, or moved into a group. Whoever received the stage from them moves. */
    void left(Deciders model, String personId, EventBus bus) {
        push(model, plenary.leave(personId), null, bus);
    }

    /** The new positions go to those whose position changed (the person who just joined has theirs in the answer). */
    private void push(Deciders model, java.util.Set<String> changed, String except, EventBus bus) {
        if (!changed.isEmpty()) relayVersion++;
        for (String personId : changed) {
            if (personId.equals(except)) continue;
            JsonObject relay = new JsonObject().put("type", "signal").put("kind", "relay").put("data", position(model, personId));
            bus.publish(EngineAddresses.out(assemblyId), relay.encode(), new DeliveryOptions().addHeader("signal", personId));
        }
    }

    /** Who sends me the stage, to whom I pass it on, and who is on the stage (names: the stage speaks to everyone). */
    private JsonObject position(Deciders model, String personId) {
        RelayTree.Position p = plenary.position(personId);
        JsonObject out = new JsonObject().put("version", relayVersion);
        if (p == null) return out.put("stage", new io.vertx.core.json.JsonArray()).put("children", new io.vertx.core.json.JsonArray());
        io.vertx.core.json.JsonArray stage = new io.vertx.core.json.JsonArray();
        p.stage().forEach(id -> stage.add(new JsonObject().put("id", id).put("name", model.state.displayName(id))));
        return out.put("parent", p.parent()).put("children", new io.vertx.core.json.JsonArray(p.children())).put("stage", stage)
                .put("onStage", p.stage().contains(personId));
    }

    /**
     * Relays one WebRTC signalling message (offer, answer, ICE candidate, bye, or a facilitator's request to mute)
     * to the people in the sender's room only; nothing is recorded.
     */
    JsonObject signal(Deciders model, Connections connections, JsonObject body, EventBus bus) {
        String from = body.getString("from");
        String to = body.getString("to");
        String kind = body.getString("kind");
        var room = roomOf(model, from);
        if (from == null || to == null || !connections.isConnected(to) || !roomOf(model, to).equals(room)
                || (room.isPlenary() && !plenary.linked(from, to))) {
            return Answers.error("not-in-your-room", "This person is not in your call.");
        }
        if ("mute".equals(kind) && !moderates(model, Actor.person(from, model.state.person(from).map(p -> p.role()).orElse(Role.MEMBER)), room)) {
            return Answers.error("forbidden", "Only the room's facilitators ask someone to mute.");
        }
        JsonObject relayed = new JsonObject().put("type", "signal").put("from", from).put("kind", kind).put("data", body.getJsonObject("data"));
        bus.publish(EngineAddresses.out(assemblyId), relayed.encode(), new DeliveryOptions().addHeader("signal", to));
        return new JsonObject().put("status", "ok");
    }
}
