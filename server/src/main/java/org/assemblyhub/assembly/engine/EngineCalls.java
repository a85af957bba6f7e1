package org.assemblyhub.assembly.engine;

import org.assemblyhub.kernel.plug.Answers;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.breakout.domain.Group;
import org.assemblyhub.video.PeerIds;
import org.assemblyhub.video.PlenaryRelay;
import org.assemblyhub.video.RelayHealth;
import org.assemblyhub.video.SignalData;
import org.assemblyhub.video.VideoAccess;
import org.assemblyhub.video.VideoRoom;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The engine's side of calls: which room each person is in (from the assembly's state), who moderates it, who may
 * connect to whom, the answer to {@code video-join}, and the relay of mesh signals — nothing of it is recorded.
 * Peers know each other only by {@link PeerIds} (an HMAC of room and person): person ids never reach another browser,
 * and ids are mapped back here. In mesh mode the plenary is a {@link PlenaryRelay}: the stage meshes, everyone else
 * receives it from one person and passes it on; each change of position is pushed to the people concerned as a
 * {@code relay} signal, and a relay its children report as silent is replaced.
 */
final class EngineCalls {
    private final String assemblyId;
    private final VideoAccess video;
    private final PlenaryRelay plenary;
    private final PeerIds ids;

    EngineCalls(String assemblyId, VideoAccess video) {
        this.assemblyId = assemblyId;
        this.video = video;
        this.plenary = new PlenaryRelay(video.relayFanOut(), new RelayHealth(video.millis()));
        this.ids = video.peerIds();
    }

    String provider() {
        return video.provider();
    }

    /** The room a person is in now: their breakout group while it meets, otherwise the plenary. */
    VideoRoom roomOf(Deciders model, String personId) {
        int group = model.rooms.groupOf(personId).map(Group::number).orElse(0); // none once closed or returned
        return video.room(assemblyId, model.rooms.round(), group);
    }

    private VideoRoom plenaryRoom() {
        return video.room(assemblyId, 0, 0);
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

    /**
     * {@code video-join}: the room and how to join it. {@code args.stream}: in the plenary, a stage member's camera
     * stream id, which the hub then names in every position (the only source of speakers' captions).
     */
    JsonObject join(Deciders model, Connections connections, Actor actor, JsonObject args, long seq, EventBus bus) {
        if (!model.state.exists()) return Answers.error("no-such-assembly", "This assembly does not exist.");
        Object requested = args == null ? null : args.getValue("room");
        if (requested != null && !(requested instanceof String)) return Answers.error("invalid-args", "'room' must be text.");
        Object stream = args == null ? null : args.getValue("stream");
        if (stream != null && !(stream instanceof String)) return Answers.error("invalid-args", "'stream' must be text.");
        String me = actor.personId();
        var room = roomOf(model, me);
        List<String> peers = peersOf(model, connections, me, room).stream().map(p -> ids.of(room, p)).toList();
        JsonObject answer = video.join(me == null ? null : model.state.displayName(me), room, (String) requested,
                moderates(model, actor, room), me == null ? null : ids.of(room, me), me == null ? null : ids.user(assemblyId, me), peers);
        if (Answers.isError(answer)) return answer;
        answer.remove("status");
        if ("mesh".equals(video.provider()) && me != null) {
            if (room.isPlenary()) {
                push(model, plenary.join(me, onStage(model, me)), me, bus);
                if (stream != null) {
                    Set<String> changed = new LinkedHashSet<>();
                    if (!plenary.nameStream(me, (String) stream, changed)) {
                        return Answers.error("invalid-args", "'stream' must be the id of your own camera's stream.");
                    }
                    push(model, changed, me, bus);
                }
                answer.put("relay", position(model, me));
            } else {
                push(model, plenary.leave(me), null, bus);
            }
        }
        return Answers.ack(0, answer); // records nothing: no journal position to give (it would show when others act)
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
    private void push(Deciders model, Set<String> changed, String except, EventBus bus) {
        for (String personId : changed) {
            if (personId.equals(except)) continue;
            JsonObject relay = new JsonObject().put("type", "signal").put("kind", "relay").put("data", position(model, personId));
            bus.publish(EngineAddresses.out(assemblyId), relay.encode(), new DeliveryOptions().addHeader("signal", personId));
        }
    }

    private JsonObject position(Deciders model, String personId) {
        VideoRoom room = plenaryRoom();
        return plenary.position(personId, p -> ids.of(room, p), model.state::displayName);
    }

    /**
     * Relays one WebRTC signalling message (offer, answer, ICE candidate, bye, or a facilitator's request to mute)
     * to the people in the sender's room only, under the sender's peer id and with only the fields its kind uses;
     * nothing is recorded. {@code stalled} is for the hub itself: a viewer whose parent sends nothing any more.
     */
    JsonObject signal(Deciders model, Connections connections, JsonObject body, EventBus bus) {
        String from = body.getString("from");
        String toId = body.getString("to");
        String kind = body.getString("kind");
        if (from == null) return Answers.error("not-joined", "Join the assembly with your invitation before joining a call.");
        var room = roomOf(model, from);
        String to = ids.person(toId);
        if (to == null || !ids.of(room, to).equals(toId) || !connections.isConnected(to) || !roomOf(model, to).equals(room)
                || (room.isPlenary() && !plenary.linked(from, to))) {
            return Answers.error("not-in-your-room", "This person is not in your call.");
        }
        if ("stalled".equals(kind)) return stalled(model, from, to, bus);
        if ("mute".equals(kind) && !moderates(model, Actor.person(from, model.state.person(from).map(p -> p.role()).orElse(Role.MEMBER)), room)) {
            return Answers.error("forbidden", "Only the room's facilitators ask someone to mute.");
        }
        JsonObject relayed = new JsonObject().put("type", "signal").put("from", ids.of(room, from)).put("kind", kind)
                .put("data", SignalData.clean(kind, body.getJsonObject("data")));
        bus.publish(EngineAddresses.out(assemblyId), relayed.encode(), new DeliveryOptions().addHeader("signal", to));
        return new JsonObject().put("status", "ok");
    }

    /** A viewer says its parent passes nothing on; the parent is never told who reported it. */
    private JsonObject stalled(Deciders model, String reporter, String parent, EventBus bus) {
        if (!parent.equals(plenary.parentOf(reporter))) {
            return Answers.error("not-in-your-room", "Only the person who sends you the plenary can be reported.");
        }
        Set<String> changed = new LinkedHashSet<>();
        if (plenary.stalled(reporter, parent, changed) == RelayHealth.Verdict.RATE_LIMITED) {
            return Answers.error("signal-rate-limited", "Reported too often; the hub is already looking into it.");
        }
        push(model, changed, null, bus);
        return new JsonObject().put("status", "ok");
    }
}
