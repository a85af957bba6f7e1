package org.assemblyhub.assembly.engine;

import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.Decoded;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.assembly.domain.AssemblyCommand.MarkPresence;
import org.assemblyhub.assembly.domain.AssemblyCommand.ResetPresence;
import org.assemblyhub.assembly.domain.AssemblyState;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.live.domain.SessionCommand;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.JournalRecord;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;
import org.assemblyhub.decision.domain.BallotCommand;
import org.assemblyhub.decision.domain.BallotDecider;
import org.assemblyhub.kernel.Rejection;

/**
 * The single writer of one assembly (DESIGN.md §4). Every request is handled on this verticle's own context, in
 * arrival order: decide → append to the journal (durable) → fold → publish audience views → acknowledge.
 * <p>
 * Group commit: while one append is in flight, new commands wait in {@link #queue}; when it lands they are decided
 * together and written as one batch. Views are computed only when nothing is in flight (a publishing slot that falls
 * during an append waits for it to land), so what screens show is always the durable state — nobody ever sees a
 * change that could still be lost — while commands never wait for a view's slot.
 */
public final class AssemblyEngine extends VerticleBase {
    private static final System.Logger LOG = System.getLogger(AssemblyEngine.class.getName());

    private final String assemblyId;
    private final EventStore store;
    private final Clock clock;
    static final int COMMAND_LOG_SIZE = 10_000;
    private final CommandLog answers = new CommandLog(COMMAND_LOG_SIZE);
    private final Deque<Batch.Queued> queue = new ArrayDeque<>();
    private final List<Runnable> afterWrite = new ArrayList<>();
    private final EngineRecords records;
    private final Tokens tokens;
    private CommandIntake intake;
    private TurnoutTicker turnout;
    private final Connections connections = new Connections();
    private final java.util.Map<String, Audience> audiences = new java.util.HashMap<>();
    private Deciders model = new Deciders();
    private long clockTimer = -1;
    private final int maxViewIntervalMs;
    private ViewPacer pacer;
    private Views views;
    private long seq;
    private boolean writing;
    /** Set when a failed append left the journal unreadable: the model may hold refused events, so it is never shown. */
    private Throwable journalLost;
    private MessageConsumer<JsonObject> consumer;

    private CastPool<Batch.Waiting> pool;
    private final RandomGenerator random;
    private org.assemblyhub.video.VideoAccess video;

    public AssemblyEngine(String assemblyId, EventStore store, Clock clock, Tokens tokens) {
        this(assemblyId, store, clock, tokens, DEFAULT_VIEW_INTERVAL_MS);
    }

    /**
     * Views change on screens at most once per interval per audience, however fast commands arrive: at most
     * {@code viewIntervalMs}, shorter for smaller assemblies ({@link ViewPace}).
     */
    public static final int DEFAULT_VIEW_INTERVAL_MS = 250;

    public AssemblyEngine(String assemblyId, EventStore store, Clock clock, Tokens tokens, int viewIntervalMs) {
        this(assemblyId, store, clock, tokens, viewIntervalMs, new java.security.SecureRandom());
    }

    /** {@code random} orders each pool of ballot casts; it must be unpredictable outside tests. */
    public AssemblyEngine(String assemblyId, EventStore store, Clock clock, Tokens tokens, int viewIntervalMs, RandomGenerator random) {
        this.random = random;
        this.maxViewIntervalMs = viewIntervalMs;
        this.assemblyId = assemblyId;
        this.store = store;
        this.clock = clock;
        this.tokens = tokens;
        this.records = new EngineRecords(assemblyId);
    }

    private EngineCalls calls;

    private EngineCalls calls() {
        if (calls == null) calls = new EngineCalls(assemblyId, video);
        return calls;
    }

    private org.assemblyhub.config.LimitsConfig limits = org.assemblyhub.config.LimitsConfig.DEFAULTS;
    private PersonBudgets people = new PersonBudgets(10);

    /** Commands a second one person may send, all their sockets together (a socket has the same budget of its own). */
    public AssemblyEngine withCommandRate(int perSecond) {
        this.people = new PersonBudgets(perSecond);
        return this;
    }

    /** What participants may write into this assembly's journal (the registry sets it from the configuration). */
    public AssemblyEngine withLimits(org.assemblyhub.config.LimitsConfig limits) {
        this.limits = limits;
        return this;
    }

    private org.assemblyhub.store.SnapshotFiles snapshots;
    private Snapshotter snapshotter;

    /** Where snapshots of the model are kept (the registry sets it; by default none: every start replays it all). */
    public AssemblyEngine withSnapshots(org.assemblyhub.store.SnapshotFiles snapshots) {
        this.snapshots = snapshots;
        return this;
    }

    /** The video settings (the registry sets them; by default a mesh with a room key of this process). */
    public AssemblyEngine withVideo(org.assemblyhub.video.VideoAccess video) {
        this.video = video;
        return this;
    }

    @Override
    public Future<?> start() {
        intake = new CommandIntake(vertx, assemblyId, tokens, random);
        turnout = new TurnoutTicker(vertx, clock, () -> submit(Actor.HUB, null, Decoded.ok(new BallotCommand.ShowTurnout())));
        // Pooled casts are decided together, as one command with one answer per cast.
        pool = new CastPool<>(vertx, (casts, waiting) -> {
            queue.add(new Batch.Queued(Actor.HUB, null, Decoded.ok(new BallotCommand.CastPooled(casts)), Promise.promise(), waiting));
            drain();
        });
        if (video == null) {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            video = new org.assemblyhub.video.VideoAccess(org.assemblyhub.config.VideoConfig.MESH, key, clock);
        }
        return replay().compose(v -> {
            consumer = vertx.eventBus().consumer(EngineAddresses.engine(assemblyId), this::onRequest);
            return consumer.completion();
        }).onSuccess(v -> {
            submit(Actor.HUB, null, Decoded.ok(new ResetPresence()));
            scheduleClock();
            if (model.ballots.turnoutToShow()) turnout.changed();
        });
    }

    @Override
    public Future<?> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    /** Rebuilds the model record by record on a worker (from the newest usable snapshot), then takes it over here. */
    private Future<Void> replay() {
        var then = snapshots == null ? EngineReplay.Then.NOTHING : EngineReplay.Then.SNAPSHOT_IF_DUE;
        long started = System.nanoTime();
        return EngineReplay.load(vertx, store, snapshots, assemblyId, then).map(replayed -> {
            replayed.keys().forEach((key, at) -> answers.remember(key, Answers.ack(at, null)));
            model = replayed.model();
            seq = replayed.seq();
            if (snapshots != null) {
                if (snapshotter == null) snapshotter = new Snapshotter(vertx, store, snapshots, assemblyId);
                snapshotter.replayed(replayed);
            }
            model.limits = limits;
            if (views == null) {
                views = new Views(vertx.eventBus(), assemblyId, model, seq);
                pacer = new ViewPacer(vertx, maxViewIntervalMs, () -> {
                    if (journalLost == null) views.publish(model, seq);
                }, connections::sockets, () -> writing);
            }
            LOG.log(Level.INFO, "assembly {0}: replayed {1} events{2} in {3} s", assemblyId, seq,
                    replayed.fromSnapshot() > 0 ? " from the snapshot at seq " + replayed.fromSnapshot() : "",
                    String.format("%.1f", (System.nanoTime() - started) / 1e9));
            return null;
        });
    }

    private void onRequest(Message<JsonObject> message) {
        JsonObject body = message.body();
        String op = message.headers().get("op");
        if (journalLost != null && !"leave".equals(op)) {
            message.reply(unavailable());
            return;
        }
        switch (op == null ? "" : op) {
            case "command" -> {
                Actor actor = EngineIdentity.actorOf(body.getJsonObject("actor"));
                String name = body.getString("name");
                if ("video-join".equals(name)) {
                    whenDurable(() -> calls().joinWithDialIn(model, connections, actor, body.getJsonObject("args"), seq,
                            vertx.eventBus(), vertx.getOrCreateContext()).onSuccess(message::reply));
                    return;
                }
                command(actor, name, body.getString("key"), body.getJsonObject("args")).onSuccess(message::reply);
            }
            case "join" -> whenDurable(() -> message.reply(join(body)));
            case "leave" -> {
                leave(body.getString("connectionId"));
                message.reply(new JsonObject());
            }
            case "identify" -> whenDurable(() -> message.reply(identify(body.getString("token"))));
            case "sync" -> whenDurable(() -> message.reply(sync(body)));
            case "summary" -> whenDurable(() -> message.reply(EngineIdentity.summary(model, assemblyId, seq)));
            case "records" -> whenDurable(() -> {
                String token = body.getString("token");
                message.reply(records.answer(model, seq, clock.instant(), token == null ? null : identify(token), body));
            });
            case "signal" -> message.reply(calls().signal(model, connections, body, vertx.eventBus()));
            default -> message.reply(Answers.error("unknown-op", "Unknown engine request '" + op + "'."));
        }
    }

    /**
     * Runs a read of the state once it is durable: while a batch is being written the model already holds it, and
     * nobody may learn of a change that could still be lost (a new invitation, a receipt, a record).
     */
    private void whenDurable(Runnable read) {
        if (writing) afterWrite.add(read); else read.run();
    }

    private void readsNowDurable() {
        List<Runnable> reads = new ArrayList<>(afterWrite);
        afterWrite.clear();
        reads.forEach(Runnable::run);
    }

    private Future<JsonObject> command(Actor actor, String name, String key, JsonObject args) {
        if (actor.personId() != null && !people.tryAcquire(actor.personId())) {
            return Future.succeededFuture(Answers.error("rate-limited",
                    "Too many actions at once from your devices. Please wait a moment and try again."));
        }
        return intake.read(actor, name, args, model.state.deliveryKey()).compose(d -> decoded(actor, key, d));
    }

    private Future<JsonObject> decoded(Actor actor, String key, Decoded decoded) {
        return decoded.error() != null ? Future.succeededFuture(decoded.error()) : submit(actor, key, decoded);
    }

    /** Queues a command; a retried key gets the first answer (pending or final) and is never applied twice. */
    Future<JsonObject> submit(Actor actor, String key, Decoded decoded) {
        if (key != null) {
            Future<JsonObject> earlier = answers.get(key);
            if (earlier != null) return earlier;
        }
        Promise<JsonObject> answer = Promise.promise();
        if (key != null) answers.put(key, answer.future());
        if (decoded.command() instanceof BallotCommand.CastBallot cast && actor.personId() != null) {
            pool.add(new BallotCommand.CastPooled.Cast(actor.personId(), cast), new Batch.Waiting(key, answer));
            return answer.future();
        }
        if (decoded.command() instanceof BallotCommand.CloseBallot) pool.release(); // casts made before closing count
        queue.add(new Batch.Queued(actor, key, decoded, answer));
        drain();
        return answer.future();
    }

    private void drain() {
        if (writing || queue.isEmpty()) return;
        if (journalLost != null) {
            while (!queue.isEmpty()) {
                Batch.Queued q = queue.poll();
                q.answer().complete(unavailable());
                q.pooled().forEach(w -> w.answer().complete(unavailable()));
            }
            return;
        }
        Batch batch = new Batch(assemblyId, seq, clock.instant());
        while (!queue.isEmpty()) batch.decide(model, queue.poll(), random);
        if (batch.events.isEmpty()) {
            batch.onDurable.forEach(Runnable::run);
            return;
        }
        writing = true;
        long last = batch.lastSeq();
        List<JournalRecord> records = batch.events.stream().map(EventCodec::encode).toList();
        store.append(assemblyId, seq, records).onComplete(ar -> {
            if (ar.succeeded()) {
                seq = last;
                writing = false;
                if (snapshotter != null) snapshotter.landed(last, records.stream().mapToLong(r -> r.data().length).sum());
                views.kick(batch.events);
                pacer.landed();
                publishMoves();
                if (batch.events.stream().anyMatch(e -> e.event() instanceof org.assemblyhub.decision.domain.BallotEvent.BallotVoted)) {
                    turnout.changed();
                }
                batch.onDurable.forEach(Runnable::run);
                readsNowDurable();
                scheduleClock();
                drain();
            } else {
                LOG.log(Level.ERROR, "assembly " + assemblyId + ": journal append failed; reloading from the journal", ar.cause());
                for (Batch.Waiting q : batch.accepted) {
                    if (q.key() != null) answers.forget(q.key());
                    q.answer().complete(unavailable());
                }
                replay().onComplete(r -> {
                    if (r.failed()) {
                        journalLost = r.cause();
                        LOG.log(Level.ERROR, "assembly " + assemblyId + ": the journal cannot be read back after a failed"
                                + " append; every request is refused until the hub restarts", r.cause());
                    }
                    writing = false;
                    pacer.reloaded();
                    readsNowDurable();
                    drain();
                });
            }
        });
    }

    /**
     * Tells the gateways when a connected person's audience changes (a breakout round opens or closes, someone is
     * moved): their sockets switch audience and get a snapshot of the new view.
     */
    private void publishMoves() {
        for (String personId : connections.people()) {
            model.state.person(personId).ifPresent(person -> {
                Audience now = model.audienceOf(person);
                if (!now.equals(audiences.put(personId, now))) {
                    if (now.inGroup()) calls().left(model, personId, vertx.eventBus());
                    vertx.eventBus().publish(EngineAddresses.out(assemblyId), now.wire(),
                            new DeliveryOptions().addHeader("move", personId));
                }
            });
        }
    }

    /**
     * Keeps a timer on the running segment's deadline. It checks at least once a second, so the clock stays right
     * whatever the injected {@link Clock} does; when the time is up it asks, like any command, to move on.
     */
    private void scheduleClock() {
        if (clockTimer >= 0) vertx.cancelTimer(clockTimer);
        clockTimer = -1;
        var next = model.nextDeadline();
        if (next.isEmpty()) return;
        String sessionId = model.clock.isRunning() ? model.clock.running().id() : null;
        int index = model.clock.index();
        long delay = Math.max(1, Math.min(1_000, java.time.Duration.between(clock.instant(), next.get()).toMillis()));
        clockTimer = vertx.setTimer(delay, t -> {
            clockTimer = -1;
            var due = HubTimers.due(model, clock.instant(), sessionId, index);
            due.forEach(command -> submit(Actor.HUB, null, Decoded.ok(command)));
            if (due.isEmpty()) scheduleClock();
        });
    }

    private JsonObject join(JsonObject body) {
        AssemblyState state = model.state;
        if (!state.exists()) return Answers.error("no-such-assembly", "This assembly does not exist.");
        String token = body.getString("token");
        if (token == null) {
            if (!state.isPublic()) {
                return Answers.error("not-public", "This assembly is not public. Please open your personal invitation link.");
            }
            connections.openAnonymous(body.getString("connectionId"));
            return EngineIdentity.identity(assemblyId, calls().provider(), null, Role.OBSERVER, null);
        }
        JsonObject identity = identify(token);
        if (Answers.isError(identity)) return identity;
        String personId = identity.getString("personId");
        audiences.put(personId, Audience.parse(identity.getString("audience")));
        if (connections.open(body.getString("connectionId"), personId)) {
            submit(Actor.HUB, null, Decoded.ok(new MarkPresence(personId, true)));
        }
        return identity;
    }

    private void leave(String connectionId) {
        String personId = connections.close(connectionId);
        if (personId != null && !connections.isConnected(personId)) {
            calls().left(model, personId, vertx.eventBus());
            submit(Actor.HUB, null, Decoded.ok(new MarkPresence(personId, false)));
        }
    }

    private JsonObject identify(String token) {
        return EngineIdentity.identify(model, assemblyId, calls().provider(), token);
    }

    /**
     * A socket's catch-up. If the person's audience changed before their socket subscribed (a latecomer seated in a
     * group while its handshake was in flight), the answer is for the audience they are in now, and says so.
     */
    private JsonObject syncNow(Audience current, Long lastSeq, Audience lastAudience) {
        pacer.beforeSync();
        return views.sync(model, seq, current, lastSeq, lastAudience);
    }

    private JsonObject sync(JsonObject body) {
        Audience requested = Audience.parse(body.getString("audience"));
        String personId = body.getString("personId");
        Audience current = personId == null || requested == null ? requested
                : model.state.person(personId).map(model::audienceOf).orElse(requested);
        JsonObject answer = syncNow(current, body.getLong("lastSeq"), Audience.parse(body.getString("lastAudience")));
        if (current != null && !current.equals(requested) && !Answers.isError(answer)) answer.put("audience", current.wire());
        return answer;
    }

    private static JsonObject unavailable() {
        return Answers.error("journal-unavailable", "Your action could not be saved, so nothing changed. Please try again.");
    }

    /** Headers for requests to an engine. */
    public static DeliveryOptions op(String op) {
        return new DeliveryOptions().addHeader("op", op);
    }
}
