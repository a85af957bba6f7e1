package org.assemblyhub.web.live;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.support.RateLimiter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One browser tab's socket. Lives on its gateway verticle's event loop, so all its writes happen there.
 * Handshake: {@code hello} → join (the engine checks the invitation) → subscribe to the audience → sync (missed
 * patches or a snapshot) → {@code personal}. Live messages that arrive while syncing are held and sent after,
 * dropping any the sync already covered (by seq).
 */
final class ClientSession implements OnlookerQueue.Recipient {
    private static final int MAX_FLOOD = 100;

    private enum State {
        NEW,
        JOINING,
        LIVE,
        CLOSED
    }

    private final LiveGateway gateway;
    private final EngineClient engines;
    private final ServerWebSocket ws;
    private final String token;
    private final RateLimiter limiter;
    /**
     * 40 signals a second sustained, bursts of 240: joining a group of ten (an offer and a dozen ICE candidates for
     * each of nine peers) fits, a flood does not.
     */
    private final RateLimiter signals = new RateLimiter(40, 240, System::nanoTime);

    /** Starts with this node's name in a cluster, so that the owner can let this node's people go if it dies. */
    private final String connectionId;

    private State state = State.NEW;
    private String assemblyId;
    private JsonObject identity;
    private Audience audience;
    private long seq = 0;
    private List<Held> held;
    private boolean syncing;
    private Long resyncFrom;
    private Audience resyncAudience;
    private boolean resyncWanted;
    private int refusedInARow;
    private int syncRetries;

    private record Held(long seq, SharedText text) {}

    private long lastHeard = System.nanoTime();

    /**
     * A client says something (a ping at least) every 25 seconds; one silent for longer than {@code maxSilentNanos}
     * is gone without closing (a phone that lost its network): close it with 4408 so its place is freed.
     */
    void closeIfSilent(long now, long maxSilentNanos) {
        if (state != State.CLOSED && now - lastHeard > maxSilentNanos && !ws.isClosed()) {
            state = State.CLOSED;
            ws.close(Wire.CLOSE_IDLE, "no message for too long: reconnect");
        }
    }

    private final FrameAssembler frames;

    private final Runnable released;

    /** {@code released}: run once when the socket closes (it frees the client address's place). */
    ClientSession(
            LiveGateway gateway,
            EngineClient engines,
            ServerWebSocket ws,
            String token,
            int maxMessageBytes,
            int commandsPerSecond,
            Runnable released) {
        this.released = released;
        this.connectionId = engines.node() + "/" + UUID.randomUUID();
        this.gateway = gateway;
        this.engines = engines;
        this.ws = ws;
        this.token = token;
        this.limiter = new RateLimiter(commandsPerSecond, System::nanoTime);
        this.frames = new FrameAssembler(maxMessageBytes, new FrameAssembler.Listener() {
            @Override
            public void text(String text) {
                onText(text);
            }

            @Override
            public void refused(String code, String message) {
                if (withinRate(null)) send(Wire.error(seq, null, code, message));
            }
        });
    }

    void start() {
        ws.frameHandler(this::onFrame);
        ws.closeHandler(v -> onClose());
        ws.exceptionHandler(this::onTransportError);
    }

    /** Messages are put together frame by frame ({@link FrameAssembler}); any frame shows the client is there. */
    private void onFrame(WebSocketFrame frame) {
        if (state == State.CLOSED) return;
        lastHeard = System.nanoTime();
        frames.accept(frame);
    }

    /** A frame over the transport's limit: the connection ends with "message too big" (1009), never silently. */
    private void onTransportError(Throwable error) {
        if (error instanceof CorruptedWebSocketFrameException corrupted && !ws.isClosed()) {
            state = State.CLOSED;
            short code = corrupted.closeStatus() == null
                    ? Wire.CLOSE_POLICY
                    : (short) corrupted.closeStatus().code();
            ws.close(code, code == Wire.CLOSE_TOO_BIG ? "message too big" : "protocol error");
        }
    }

    String assemblyId() {
        return assemblyId;
    }

    Audience audience() {
        return audience;
    }

    String personId() {
        return identity == null ? null : identity.getString("personId");
    }

    private void onText(String text) {
        if (state == State.CLOSED) return;
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            if (withinRate(null)) send(Wire.error(seq, null, "malformed-json", "This message is not a JSON object."));
            return;
        }
        Object type = message.getValue("type");
        // Everything counts against the connection's budget but call signals, which have a budget of their own.
        if (!"signal".equals(type) && !withinRate(stringOrNull(message, "id"))) return;
        if ("hello".equals(type)) {
            hello(message);
        } else if ("command".equals(type)) {
            command(message);
        } else if ("ping".equals(type)) {
            send(Wire.pong(seq));
        } else if ("signal".equals(type)) {
            signal(message, text.length());
        } else {
            send(Wire.error(
                    seq,
                    stringOrNull(message, "id"),
                    "unknown-type",
                    "Unknown message type '" + type + "'; use hello, command, signal or ping."));
        }
    }

    private void hello(JsonObject message) {
        Object assembly = message.getValue("assembly");
        if (!(assembly instanceof String requested)) {
            send(Wire.error(
                    seq,
                    null,
                    "invalid-hello",
                    "A hello names its assembly: {\"type\":\"hello\",\"assembly\":\"…\"}."));
            return;
        }
        Long lastSeq = message.getValue("lastSeq") instanceof Number n ? n.longValue() : null;
        Audience lastAudience = message.getValue("lastAudience") instanceof String s ? Audience.parse(s) : null;
        if (state == State.JOINING) {
            send(Wire.error(seq, null, "hello-in-progress", "Already joining; wait for the answer."));
            return;
        }
        if (state == State.LIVE) {
            if (!requested.equals(assemblyId)) {
                send(Wire.error(
                        seq,
                        null,
                        "already-joined",
                        "This connection already follows another assembly; open a new one."));
            } else {
                sync(lastSeq, lastAudience);
            }
            return;
        }
        state = State.JOINING;
        assemblyId = requested;
        String ownToken = token != null && Tokens.assemblyOf(token).orElse("").equals(requested) ? token : null;
        engines.engine(
                        requested,
                        "join",
                        new JsonObject().put("token", ownToken).put("connectionId", connectionId))
                .onSuccess(answer -> joined(answer, lastSeq, lastAudience));
    }

    /**
     * The assembly's engine restarted on another node (its owner changed): join it again with the same invitation and
     * catch up from the last seq this socket showed, without the browser noticing more than a short pause.
     */
    void rejoin() {
        if (state != State.LIVE) return;
        gateway.unsubscribe(this);
        state = State.JOINING;
        rejoin(seq, audience, 0);
    }

    /**
     * While the assembly moves, its address may still lead to the old owner for a moment: a join answered
     * {@code unavailable} is tried again (for about half a minute) before the socket is closed for the browser to
     * reconnect.
     */
    private void rejoin(long lastSeq, Audience lastAudience, int attempt) {
        String ownToken = token != null && Tokens.assemblyOf(token).orElse("").equals(assemblyId) ? token : null;
        engines.engine(
                        assemblyId,
                        "join",
                        new JsonObject().put("token", ownToken).put("connectionId", connectionId))
                .onSuccess(answer -> {
                    if (state == State.CLOSED && !Answers.isError(answer)) leave();
                    if (state != State.JOINING) return;
                    if (Answers.isError(answer) && "unavailable".equals(answer.getString("code")) && attempt < 30) {
                        gateway.later(1_000, () -> rejoin(lastSeq, lastAudience, attempt + 1));
                    } else {
                        joined(answer, lastSeq, lastAudience);
                    }
                });
    }

    private void joined(JsonObject answer, Long lastSeq, Audience lastAudience) {
        if (state == State.CLOSED) {
            if (!Answers.isError(answer)) leave();
            return;
        }
        if (Answers.isError(answer)) {
            String code = answer.getString("code");
            send(Wire.error(seq, null, code, answer.getString("message")));
            state = State.CLOSED;
            ws.close(Wire.closeCodeFor(code), code);
            return;
        }
        identity = answer.copy();
        identity.remove("status");
        audience = Audience.parse(answer.getString("audience"));
        state = State.LIVE;
        held = new ArrayList<>();
        gateway.subscribe(this).onComplete(v -> sync(lastSeq, lastAudience));
    }

    /**
     * One sync at a time per socket: a hello that arrives while one is in flight is remembered (the latest wins) and
     * served after it, so a burst of hellos costs one snapshot per sync round trip, not one per hello.
     */
    private void sync(Long lastSeq, Audience lastAudience) {
        if (syncing) {
            resyncWanted = true;
            resyncFrom = lastSeq;
            resyncAudience = lastAudience;
            return;
        }
        syncing = true;
        if (held == null) held = new ArrayList<>();
        JsonObject request = new JsonObject()
                .put("audience", audience.wire())
                .put("lastSeq", lastSeq)
                .put("lastAudience", lastAudience == null ? null : lastAudience.wire())
                .put("personId", personId());
        engines.engine(assemblyId, "sync", request).onSuccess(answer -> {
            syncing = false;
            if (state != State.LIVE) return;
            if (Answers.isError(answer)) {
                if ("unavailable".equals(answer.getString("code")) && syncRetries++ < 30) {
                    // The assembly is moving to another node: catch up once it is there.
                    gateway.later(1_000, () -> sync(lastSeq, lastAudience));
                    return;
                }
                send(Wire.error(seq, null, answer.getString("code"), answer.getString("message")));
                ws.close(Wire.CLOSE_TRY_AGAIN, "sync failed");
                return;
            }
            syncRetries = 0;
            Audience now = Audience.parse(answer.getString("audience"));
            if (now != null && !now.equals(audience)) {
                // Moved while joining: follow the audience the answer is for; what was held belongs to the old one.
                gateway.unsubscribe(this);
                audience = now;
                identity.put("audience", now.wire());
                gateway.subscribe(this);
                held.clear();
            }
            JsonArray messages = answer.getJsonArray("messages");
            for (int i = 0; i < messages.size(); i++) send(messages.getString(i));
            seq = answer.getLong("seq");
            List<Held> pending = held;
            held = null;
            for (Held h : pending) deliver(h.seq(), h.text());
            send(Wire.personal(seq, identity));
            if (resyncWanted) {
                resyncWanted = false;
                sync(resyncFrom, resyncAudience);
            }
        });
    }

    /** A live audience message from the engine; messages the client already has (by seq) are skipped. */
    @Override
    public void deliver(long messageSeq, SharedText text) {
        if (state != State.LIVE) return;
        if (held != null) {
            held.add(new Held(messageSeq, text));
        } else if (messageSeq > seq) {
            seq = messageSeq;
            send(text);
        }
    }

    /** The same bytes as every other socket of the audience, without encoding them again. */
    private void send(SharedText text) {
        if (!text.fitsOneFrame()) {
            send(text.text());
            return;
        }
        if (ws.isClosed()) return;
        ws.writeFrame(text.frame());
        closeIfBehind();
    }

    /**
     * The person's audience changed (a breakout round opened or closed): switch sets and show the new audience's
     * snapshot at {@code viewSeq}, which the move carries (null: ask for it). While a sync is under way, another
     * follows it.
     */
    void moveTo(Audience to, long viewSeq, SharedText view) {
        if (state != State.LIVE || to == null || to.equals(audience)) return;
        Audience from = audience;
        audience = to;
        identity.put("audience", to.wire());
        gateway.switched(this, from);
        if (syncing || view == null) {
            sync(seq, from);
            return;
        }
        send(view);
        seq = viewSeq;
        send(Wire.personal(seq, identity));
    }

    /** Their role or name changed: the socket closes as "try again", and the client identifies afresh at once. */
    void renew() {
        if (state == State.CLOSED) return;
        ws.close(Wire.CLOSE_TRY_AGAIN, "identity changed");
    }

    void kick() {
        if (state == State.CLOSED) return;
        send(Wire.error(
                seq,
                null,
                "invalid-invitation",
                "Your invitation was replaced or revoked. Please ask the organisers for a new link."));
        ws.close(Wire.CLOSE_UNAUTHORISED, "invitation revoked");
    }

    private void command(JsonObject message) {
        Object rawId = message.getValue("id");
        String id = rawId instanceof String s && !s.isEmpty() && s.length() <= 64 ? s : null;
        if (state == State.JOINING && identity != null) {
            // Joining the assembly's new owner (it moved to another node): a retry will do.
            send(Wire.error(
                    seq, id, "unavailable", "The assembly is moving to another server. Please try again in a moment."));
            return;
        }
        if (state != State.LIVE) {
            send(Wire.error(seq, id, "not-joined", "Say hello to an assembly before sending commands."));
            return;
        }
        Object name = message.getValue("name");
        Object args = message.getValue("args");
        if (id == null || !(name instanceof String) || (args != null && !(args instanceof JsonObject))) {
            send(Wire.error(
                    seq,
                    id,
                    "invalid-command",
                    "A command needs an id (1–64 characters), a name, and args as an object."));
            return;
        }
        String personId = personId();
        JsonObject actor = new JsonObject().put("personId", personId).put("role", identity.getString("role"));
        String key = (personId != null ? personId : connectionId) + ":" + id;
        JsonObject request = new JsonObject()
                .put("actor", actor)
                .put("key", key)
                .put("name", name)
                .put("args", args);
        long read = System.nanoTime();
        engines.engine(assemblyId, "command", request).onSuccess(answer -> {
            gateway.metrics().commandAnswered(System.nanoTime() - read, !Answers.isError(answer));
            if (Answers.isError(answer)) {
                send(Wire.error(seq, id, answer.getString("code"), answer.getString("message")));
            } else {
                send(Wire.ack(answer.getLong("seq"), id, answer.getJsonObject("result")));
            }
        });
    }

    static final int MAX_SIGNAL_CHARS = 16 * 1024;
    static final Set<String> SIGNAL_KINDS = Set.of("offer", "answer", "candidate", "bye", "mute", "stalled");

    /**
     * WebRTC signalling for the built-in mesh: checked here (shape, size, rate — ICE candidates come in bursts, so a
     * budget of its own), relayed by the engine only inside the sender's room. Only refusals are answered.
     */
    private void signal(JsonObject message, int length) {
        String to = stringOrNull(message, "to");
        String kind = stringOrNull(message, "kind");
        if (state != State.LIVE || personId() == null) {
            send(signalError(to, "not-joined", "Join the assembly with your invitation before joining a call."));
            return;
        }
        if (to == null
                || to.length() > 64
                || kind == null
                || !SIGNAL_KINDS.contains(kind)
                || !(message.getValue("data") instanceof JsonObject)) {
            send(
                    signalError(
                            to,
                            "malformed-signal",
                            "A signal needs 'to' (a person), 'kind' (offer, answer, candidate, bye or mute) and 'data' (an object)."));
            return;
        }
        if (length > MAX_SIGNAL_CHARS) {
            send(signalError(to, "signal-too-large", "A signal is at most " + MAX_SIGNAL_CHARS + " characters."));
            return;
        }
        if (!signals.tryAcquire()) {
            send(signalError(to, "signal-rate-limited", "Too many call signals at once; the call will retry."));
            if (++refusedInARow > MAX_FLOOD) ws.close(Wire.CLOSE_POLICY, "flood");
            return;
        }
        JsonObject request = new JsonObject()
                .put("from", personId())
                .put("to", to)
                .put("kind", kind)
                .put("data", message.getJsonObject("data"));
        engines.engine(assemblyId, "signal", request).onSuccess(answer -> {
            if (Answers.isError(answer)) send(signalError(to, answer.getString("code"), answer.getString("message")));
        });
    }

    private String signalError(String to, String code, String text) {
        JsonObject error = new JsonObject()
                .put("type", "error")
                .put("seq", seq)
                .put("code", code)
                .put("message", text)
                .put("signal", true);
        if (to != null) error.put("to", to);
        return error.encode();
    }

    /** A signal relayed from someone in this person's room. */
    void signalled(String text) {
        if (state == State.LIVE) send(text);
    }

    /** Hellos count too: each may cost a snapshot. A connection that keeps flooding after refusals is closed. */
    private boolean withinRate(String id) {
        if (limiter.tryAcquire()) {
            refusedInARow = 0;
            return true;
        }
        send(Wire.error(seq, id, "rate-limited", "Too many actions at once. Please wait a moment and try again."));
        if (++refusedInARow > MAX_FLOOD) ws.close(Wire.CLOSE_POLICY, "flood");
        return false;
    }

    /** Writes on this socket's own event loop; a client that cannot keep up is dropped and resumes by seq. */
    private void send(String text) {
        if (ws.isClosed()) return;
        ws.writeTextMessage(text);
        closeIfBehind();
    }

    private void closeIfBehind() {
        if (ws.writeQueueFull()) {
            state = State.CLOSED;
            ws.close(Wire.CLOSE_TRY_AGAIN, "too slow: reconnect and resume");
        }
    }

    private void onClose() {
        released.run();
        gateway.forget(this);
        boolean joined = identity != null;
        state = State.CLOSED;
        gateway.unsubscribe(this);
        if (joined) leave();
    }

    private void leave() {
        engines.engine(assemblyId, "leave", new JsonObject().put("connectionId", connectionId));
    }

    private static String stringOrNull(JsonObject message, String key) {
        return message.getValue(key) instanceof String s ? s : null;
    }
}
