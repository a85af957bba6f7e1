package org.assemblyhub.video;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.Engine;
import org.assemblyhub.kernel.plug.Plugin;
import org.assemblyhub.video.domain.VideoDefaults;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's side of calls: which room each person is in (from the assembly's state), who moderates it, who may
 * connect to whom, the answer to {@code video-join}, and the relay of mesh signals — nothing of it is recorded.
 * Peers know each other only by {@link PeerIds} (an HMAC of room and person): person ids never reach another browser,
 * and ids are mapped back here. In mesh mode the plenary is a {@link PlenaryRelay}: the stage meshes, everyone else
 * receives it from one person and passes it on; each change of position is pushed to the people concerned as a
 * {@code relay} signal, and a relay its children report as silent is replaced.
 */
final class VideoCalls implements Plugin {
    private final Engine engine;
    private final String assemblyId;
    private final VideoAccess video;
    private final PlenaryRelay plenary;
    private final PeerIds ids;
    private final PhoneLines phones;

    VideoCalls(Engine engine, VideoAccess video) {
        this.engine = engine;
        this.assemblyId = engine.assemblyId();
        this.video = video;
        this.plenary = new PlenaryRelay(video.relayFanOut(), new RelayHealth(video.millis()));
        this.ids = video.peerIds();
        this.phones = new PhoneLines(video, assemblyId, engine.vertx());
    }

    /**
     * {@code video}: the provider, or {@code none} when the hub or this assembly has no calls; {@code joinWith}: when
     * the organisers set people to join with their camera or microphone off, how each starts.
     */
    @Override
    public void describe(JsonObject identity) {
        VideoDefaults defaults = VideoCapability.state(engine.model()).defaults();
        identity.put("video", defaults.calls() ? video.provider() : "none");
        if (!defaults.camera() || !defaults.microphone()) {
            identity.put(
                    "joinWith",
                    new JsonObject().put("camera", defaults.camera()).put("microphone", defaults.microphone()));
        }
    }

    @Override
    public Map<String, Query> queries() {
        return Map.of(
                "video-join",
                (actor, args) -> joinWithDialIn(engine.model(), actor, args),
                "phone-dial-in",
                (actor, args) -> phones.answer(engine.model(), actor));
    }

    @Override
    public Map<String, Op> ops() {
        return Map.of("signal", body -> signal(engine.model(), body));
    }

    @Override
    public void left(String personId) {
        push(engine.model(), plenary.leave(personId), null);
    }

    /** Someone moved into a group leaves the plenary's call. */
    @Override
    public void moved(String personId, Audience to) {
        if (to.inGroup()) left(personId);
    }

    /** The room a person is in now: their breakout group while it meets, otherwise the plenary. */
    VideoRoom roomOf(Model model, String personId) {
        int group = personId == null
                ? 0
                : model.seating().seatOf(personId).map(s -> s.group()).orElse(0); // none once closed or returned
        return video.room(assemblyId, model.seating().round(), group);
    }

    private VideoRoom plenaryRoom() {
        return video.room(assemblyId, 0, 0);
    }

    /**
     * In the plenary the stage (the lead, organisers, experts) is seen by all; in a group, its facilitators moderate.
     */
    boolean moderates(Model model, Actor actor, VideoRoom room) {
        if (actor.personId() == null) return false;
        if (room.isPlenary())
            return actor.role() == Role.ORGANISER
                    || actor.personId().equals(model.agenda().lead());
        return model.seating()
                .seatOf(actor.personId())
                .map(s -> s.facilitates())
                .orElse(false);
    }

    boolean onStage(Model model, String personId) {
        return model.roster()
                .person(personId)
                .map(p -> p.role() == Role.ORGANISER
                        || p.role() == Role.EXPERT
                        || p.id().equals(model.agenda().lead()))
                .orElse(false);
    }

    /** People of the room a person calls on joining: everyone in a group; in the plenary, the rest of the stage. */
    List<String> peersOf(Model model, String personId, VideoRoom room) {
        return engine.connected().stream()
                .filter(p -> !p.equals(personId) && roomOf(model, p).equals(room))
                .filter(p -> !room.isPlenary() || (onStage(model, p) && onStage(model, personId)))
                .toList();
    }

    /**
     * {@code video-join}: the room and how to join it. {@code args.stream}: in the plenary, a stage member's camera
     * stream id, which the hub then names in every position (the only source of speakers' captions).
     * {@code args.audio}, {@code args.video}: in the plenary, whether a stage member's microphone and camera are on
     * (sent again whenever one is toggled); every position then says it, so viewers see "microphone off" on the
     * speaker's tile from the hub, not from whoever relays the picture to them. In a group the answer names the
     * room's peers ({@code names}: peer id → display name): the people one sees in one's own group's call.
     */
    JsonObject join(Model model, Actor actor, JsonObject args) {
        if (!model.roster().exists()) return Answers.error("no-such-assembly", "This assembly does not exist.");
        if (!VideoCapability.state(model).defaults().calls())
            return Answers.error("video-off", "Video calls are turned off for this assembly.");
        Object requested = args == null ? null : args.getValue("room");
        if (requested != null && !(requested instanceof String))
            return Answers.error("invalid-args", "'room' must be text.");
        Object stream = args == null ? null : args.getValue("stream");
        if (stream != null && !(stream instanceof String))
            return Answers.error("invalid-args", "'stream' must be text.");
        Object audio = args == null ? null : args.getValue("audio");
        Object camera = args == null ? null : args.getValue("video");
        if ((audio != null && !(audio instanceof Boolean)) || (camera != null && !(camera instanceof Boolean)))
            return Answers.error("invalid-args", "'audio' and 'video' must be true or false.");
        // An observer, invited by name or not, only watches: the visitor's path (no participant token, no peers).
        String me = watchesOnly(actor) ? null : actor.personId();
        var room = roomOf(model, me);
        List<String> people = peersOf(model, me, room);
        List<String> peers = people.stream().map(p -> ids.of(room, p)).toList();
        JsonObject answer = video.join(
                me == null ? null : model.roster().displayName(me),
                room,
                (String) requested,
                moderates(model, actor, room),
                me == null ? null : ids.of(room, me),
                me == null ? null : ids.user(assemblyId, me),
                peers);
        if (Answers.isError(answer)) return answer;
        answer.remove("status");
        if ("mesh".equals(video.provider()) && me != null) {
            if (room.isPlenary()) {
                push(model, plenary.join(me, onStage(model, me)), me);
                if (stream != null) {
                    Set<String> changed = new LinkedHashSet<>();
                    if (!plenary.nameStream(me, (String) stream, changed)) {
                        return Answers.error("invalid-args", "'stream' must be the id of your own camera's stream.");
                    }
                    push(model, changed, me);
                }
                if (audio != null || camera != null) {
                    Set<String> changed = new LinkedHashSet<>();
                    plenary.media(me, !Boolean.FALSE.equals(audio), !Boolean.FALSE.equals(camera), changed);
                    push(model, changed, me);
                }
                answer.put("relay", position(model, me));
            } else {
                JsonObject names = new JsonObject();
                for (String p : people)
                    names.put(ids.of(room, p), model.roster().displayName(p));
                answer.put("names", names);
                push(model, plenary.leave(me), null);
            }
        }
        return Answers.ack(0, answer); // records nothing: no journal position to give (it would show when others act)
    }

    /** Observers, the public and invited ones alike: they watch, never join a call as a participant. */
    static boolean watchesOnly(Actor actor) {
        return actor.personId() == null || actor.role() == Role.OBSERVER;
    }

    /** The answer to {@code video-join}, with phone dial-in details when the Jitsi deployment provides them. */
    Future<JsonObject> joinWithDialIn(Model model, Actor actor, JsonObject args) {
        JsonObject answer = join(model, actor, args);
        // Phone numbers join a call as a participant: never for an observer, who only watches.
        if (Answers.isError(answer) || !"jitsi".equals(video.provider()) || watchesOnly(actor))
            return Future.succeededFuture(answer);
        return Future.fromCompletionStage(
                        video.dialIn(roomOf(model, actor.personId())),
                        engine.vertx().getOrCreateContext())
                .map(dialIn -> {
                    if (dialIn != null) answer.getJsonObject("result").put("dialIn", dialIn);
                    return answer;
                })
                .otherwise(answer);
    }

    /** The new positions go to those whose position changed (the person who just joined has theirs in the answer). */
    private void push(Model model, Set<String> changed, String except) {
        for (String personId : changed) {
            if (personId.equals(except)) continue;
            JsonObject relay =
                    new JsonObject().put("type", "signal").put("kind", "relay").put("data", position(model, personId));
            engine.sendTo(personId, relay.encode());
        }
    }

    private JsonObject position(Model model, String personId) {
        VideoRoom room = plenaryRoom();
        return plenary.position(personId, p -> ids.of(room, p), model.roster()::displayName);
    }

    /**
     * Relays one WebRTC signalling message (offer, answer, ICE candidate, bye, or a facilitator's request to mute)
     * to the people in the sender's room only, under the sender's peer id and with only the fields its kind uses
     * (and, in a group, the sender's display name on offers and answers); nothing is recorded. {@code stalled} is for
     * the hub itself: a viewer whose parent sends nothing any more.
     */
    JsonObject signal(Model model, JsonObject body) {
        String from = body.getString("from");
        String toId = body.getString("to");
        String kind = body.getString("kind");
        if (from == null)
            return Answers.error("not-joined", "Join the assembly with your invitation before joining a call.");
        var room = roomOf(model, from);
        String to = ids.person(toId);
        if (to == null
                || !ids.of(room, to).equals(toId)
                || !engine.isConnected(to)
                || !roomOf(model, to).equals(room)
                || (room.isPlenary() && !plenary.linked(from, to))) {
            return Answers.error("not-in-your-room", "This person is not in your call.");
        }
        if ("stalled".equals(kind)) return stalled(model, from, to);
        if ("mute".equals(kind)
                && !moderates(
                        model,
                        Actor.person(
                                from,
                                model.roster().person(from).map(p -> p.role()).orElse(Role.MEMBER)),
                        room)) {
            return Answers.error("forbidden", "Only the room's facilitators ask someone to mute.");
        }
        JsonObject relayed = new JsonObject()
                .put("type", "signal")
                .put("from", ids.of(room, from))
                .put("kind", kind)
                .put("data", SignalData.clean(kind, body.getJsonObject("data")));
        // In a group, whoever calls is named by the hub (peers' own words about names are not taken): a newcomer's
        // offer is how the others learn who joined. Not in the plenary, where viewers relay to each other unnamed.
        if (!room.isPlenary() && ("offer".equals(kind) || "answer".equals(kind)))
            relayed.put("name", model.roster().displayName(from));
        engine.sendTo(to, relayed.encode());
        return new JsonObject().put("status", "ok");
    }

    /** A viewer says its parent passes nothing on; the parent is never told who reported it. */
    private JsonObject stalled(Model model, String reporter, String parent) {
        if (!parent.equals(plenary.parentOf(reporter))) {
            return Answers.error("not-in-your-room", "Only the person who sends you the plenary can be reported.");
        }
        Set<String> changed = new LinkedHashSet<>();
        if (plenary.stalled(reporter, parent, changed) == RelayHealth.Verdict.RATE_LIMITED) {
            return Answers.error("signal-rate-limited", "Reported too often; the hub is already looking into it.");
        }
        push(model, changed, null);
        return new JsonObject().put("status", "ok");
    }
}
