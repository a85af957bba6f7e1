package org.assemblyhub.engine;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Pooled;
import org.assemblyhub.kernel.Presence;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.Engine;
import org.assemblyhub.kernel.plug.Plugin;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.JournalRecord;
import org.assemblyhub.store.PersonKeys;
import org.assemblyhub.store.Snapshots;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The single writer of one assembly (DESIGN.md §4). Every request is handled on this verticle's own context, in
 * arrival order: decide → append to the journal (durable) → fold → publish audience views → acknowledge. What is
 * decided, folded and shown is the capabilities' ({@link Rules}); what lives beside the journal (a pool of ballot
 * casts, calls) is their {@link Plugin}s', which reach the engine through the {@link Engine} services it offers.
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
    private final Rules rules;
    private Plugins plugins;
    private Attendance attendance;
    private Model model;
    private long clockTimer = -1;
    private final int maxViewIntervalMs;
    private ViewPacer pacer;
    private Views views;
    private long seq;
    /** A person's erasure is being carried out: nothing is decided until their data is gone from the model. */
    private boolean erasing;
    /** The journal's hash-chain head at {@code seq} (see JournalChain). */
    private String head;

    private boolean writing;
    /**
     * Set when a failed append left the journal unreadable: the model may hold refused events, so it is never shown;
     * cleared when the journal can be read again ({@link #reloadLater}).
     */
    private Throwable journalLost;

    private MessageConsumer<JsonObject> consumer;

    private final RandomGenerator random;

    public AssemblyEngine(String assemblyId, EventStore store, Clock clock, Tokens tokens, Rules rules) {
        this(assemblyId, store, clock, tokens, rules, DEFAULT_VIEW_INTERVAL_MS);
    }

    /**
     * Views change on screens at most once per interval per audience, however fast commands arrive: at most
     * {@code viewIntervalMs}, shorter for smaller assemblies ({@link ViewPace}).
     */
    public static final int DEFAULT_VIEW_INTERVAL_MS = 250;

    public AssemblyEngine(
            String assemblyId, EventStore store, Clock clock, Tokens tokens, Rules rules, int viewIntervalMs) {
        this(assemblyId, store, clock, tokens, rules, viewIntervalMs, new SecureRandom());
    }

    /** {@code random} orders each pool of ballot casts; it must be unpredictable outside tests. */
    public AssemblyEngine(
            String assemblyId,
            EventStore store,
            Clock clock,
            Tokens tokens,
            Rules rules,
            int viewIntervalMs,
            RandomGenerator random) {
        this.random = random;
        this.rules = rules;
        this.model = rules.newModel();
        this.maxViewIntervalMs = viewIntervalMs;
        this.assemblyId = assemblyId;
        this.store = store;
        this.clock = clock;
        this.tokens = tokens;
        this.records = new EngineRecords(rules);
    }

    private LimitsConfig limits = LimitsConfig.DEFAULTS;
    private PersonBudgets people = new PersonBudgets(10);

    /** Commands a second one person may send, all their sockets together (a socket has the same budget of its own). */
    public AssemblyEngine withCommandRate(int perSecond) {
        this.people = new PersonBudgets(perSecond);
        return this;
    }

    /** What participants may write into this assembly's journal (the registry sets it from the configuration). */
    public AssemblyEngine withLimits(LimitsConfig limits) {
        this.limits = limits;
        return this;
    }

    private Snapshots snapshots;
    private Snapshotter snapshotter;
    private Tenure tenure = Tenure.SOLE;

    /** This node's hold on the assembly (a cluster's ownership lease; by default held for good). */
    public AssemblyEngine withTenure(Tenure tenure) {
        this.tenure = tenure;
        return this;
    }

    private KeyRing keyRing;
    private PersonalSeals seals;
    private final JournalReports reports = new JournalReports();
    private Erasures erasures;

    /**
     * Where the keys that seal people's personal data in the journal are kept (the registry sets it; by default none:
     * personal data is journaled in the clear and cannot be erased — for tests of other things only).
     */
    public AssemblyEngine withPersonKeys(PersonKeys kept) {
        this.keyRing = new KeyRing(assemblyId, kept);
        this.seals = new PersonalSeals(assemblyId, keyRing);
        return this;
    }

    /** Where snapshots of the model are kept (the registry sets it; by default none: every start replays it all). */
    public AssemblyEngine withSnapshots(Snapshots snapshots) {
        this.snapshots = snapshots;
        return this;
    }

    @Override
    public Future<?> start() {
        intake = new CommandIntake(vertx, assemblyId, tokens, random, rules.wire());
        attendance =
                new Attendance(assemblyId, vertx.eventBus(), command -> submit(Actor.HUB, null, Decoded.ok(command)));
        plugins = new Plugins(
                rules,
                new EngineServices(
                        assemblyId, vertx, clock, random, () -> model, new PluginQueue(), attendance, tenure::current));
        attendance.start(plugins, this::syncNow);
        erasures = new Erasures(vertx, assemblyId, keyRing, snapshots);
        Future<Void> keys = keyRing == null
                ? Future.succeededFuture()
                : vertx.executeBlocking(
                        () -> {
                            keyRing.load();
                            return null;
                        },
                        false);
        return keys.compose(v -> replay())
                .compose(v -> {
                    consumer = vertx.eventBus().consumer(EngineAddresses.engine(assemblyId), this::onRequest);
                    return consumer.completion();
                })
                .onSuccess(v -> {
                    // Sockets that followed this assembly on another engine (a previous owner) join this one again.
                    vertx.eventBus()
                            .publish(
                                    EngineAddresses.out(assemblyId),
                                    "",
                                    new DeliveryOptions().addHeader(EngineAddresses.RESTARTED, "true"));
                    submit(Actor.HUB, null, Decoded.ok(new Presence.Reset()));
                    scheduleClock();
                    plugins.started();
                });
    }

    @Override
    public Future<?> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    /** Rebuilds the model record by record on a worker (from the newest usable snapshot), then takes it over here. */
    /**
     * Rebuilds the model from the journal and carries out any erasure it records whose key is still kept (a crash, a
     * failed key deletion, an append whose outcome was unknown): whatever path reloads, an erased person stays erased.
     */
    private Future<Void> replay() {
        return replayJournal().compose(v -> settleErasures());
    }

    private Future<Void> replayJournal() {
        var then = snapshots == null ? EngineReplay.Then.NOTHING : EngineReplay.Then.SNAPSHOT_IF_DUE;
        long started = System.nanoTime();
        if (seals != null) seals.readingFromStart();
        return EngineReplay.load(vertx, rules, store, snapshots, seals, assemblyId, then)
                .map(replayed -> {
                    KeysMissing.check(assemblyId, seals, replayed.model());
                    replayed.keys().forEach((key, at) -> answers.remember(key, Answers.ack(at, null)));
                    model = replayed.model();
                    seq = replayed.seq();
                    head = replayed.head();
                    if (snapshots != null) {
                        if (snapshotter == null)
                            snapshotter = new Snapshotter(vertx, rules, store, snapshots, seals, assemblyId);
                        snapshotter.replayed(replayed);
                    }
                    if (views == null) {
                        views = new Views(vertx.eventBus(), assemblyId, rules, model, seq);
                        ObserverRelease observers = new ObserverRelease(
                                vertx,
                                ObserverBacklog.of(vertx),
                                assemblyId,
                                () -> {
                                    if (journalLost == null) views.publishObservers(model, seq);
                                },
                                () -> writing);
                        pacer = new ViewPacer(
                                vertx,
                                maxViewIntervalMs,
                                () -> {
                                    if (journalLost == null) views.publish(model, seq, observers);
                                },
                                attendance::sockets,
                                () -> writing);
                    }
                    LOG.log(
                            Level.INFO,
                            "assembly {0}: replayed {1} events{2} in {3} s",
                            assemblyId,
                            seq,
                            replayed.fromSnapshot() > 0 ? " from the snapshot at seq " + replayed.fromSnapshot() : "",
                            String.format("%.1f", (System.nanoTime() - started) / 1e9));
                    return null;
                });
    }

    private void onRequest(Message<JsonObject> message) {
        JsonObject body = message.body();
        String op = message.headers().get("op");
        if (!tenure.current() && !"leave".equals(op)) {
            message.reply(moving());
            return;
        }
        if (journalLost != null && !"leave".equals(op)) {
            // A command retried while its first attempt waits for the journal gets that attempt's answer when known.
            String key = "command".equals(op) ? body.getString("key") : null;
            Future<JsonObject> earlier = key == null ? null : answers.get(key);
            if (earlier != null) earlier.onSuccess(message::reply);
            else message.reply(unavailable());
            return;
        }
        switch (op == null ? "" : op) {
            case "command" -> {
                Actor actor = EngineIdentity.current(model, EngineIdentity.actorOf(body.getJsonObject("actor")));
                if (actor == null) {
                    message.reply(EngineIdentity.noLongerValid());
                    return;
                }
                String name = body.getString("name");
                Plugin.Query query = plugins.query(name);
                if (query != null) {
                    whenDurable(() ->
                            query.answer(actor, body.getJsonObject("args")).onSuccess(message::reply));
                    return;
                }
                command(actor, name, body.getString("key"), body.getJsonObject("args"))
                        .onSuccess(message::reply);
            }
            case "join" -> whenDurable(() -> message.reply(attendance.join(model, body)));
            case "leave" -> {
                attendance.leave(body.getString("connectionId"));
                message.reply(new JsonObject());
            }
            case "node-left" -> {
                attendance.nodeLeft(body.getString("node"));
                message.reply(new JsonObject());
            }
            case "identify" -> whenDurable(() -> message.reply(attendance.identify(model, body.getString("token"))));
            case "sync" -> whenDurable(() -> message.reply(attendance.sync(model, body)));
            case "summary" -> whenDurable(() -> message.reply(EngineIdentity.summary(model, assemblyId, seq)));
            case "personal-data" -> whenDurable(() -> PersonalExport.export(
                            rules, store, seals, assemblyId, model, body.getString("personId"), clock.instant())
                    .onComplete(ar -> message.reply(
                            ar.succeeded()
                                    ? ar.result()
                                    : Answers.error("journal-unavailable", "The journal could not be read."))));
            case "report" -> whenDurable(() -> reports.make(
                            vertx, rules, store, seals, assemblyId, model, body, clock.instant())
                    .onFailure(failure -> LOG.log(Level.WARNING, "assembly " + assemblyId + ": a report", failure))
                    .onComplete(ar -> message.reply(
                            ar.succeeded()
                                    ? ar.result()
                                    : Answers.error("journal-unavailable", "The journal could not be read."))));
            case "records" -> whenDurable(() -> {
                String token = body.getString("token");
                message.reply(records.answer(
                        model,
                        new JournalPosition(seq, head),
                        clock.instant(),
                        token == null ? null : attendance.identify(model, token),
                        body));
            });
            default -> {
                Plugin.Op served = plugins.op(op);
                if (served == null) message.reply(Answers.error("unknown-op", "Unknown engine request '" + op + "'."));
                else whenDurable(() -> message.reply(served.answer(body))); // what it says must not be undone
            }
        }
    }

    /**
     * Runs a read of the state once it is durable: while a batch is being written the model already holds it, and
     * nobody may learn of a change that could still be lost (a new invitation, a receipt, a record).
     */
    private void whenDurable(Runnable read) {
        if (writing) afterWrite.add(read);
        else read.run();
    }

    private void readsNowDurable() {
        List<Runnable> reads = new ArrayList<>(afterWrite);
        afterWrite.clear();
        reads.forEach(Runnable::run);
    }

    private Future<JsonObject> command(Actor actor, String name, String key, JsonObject args) {
        if (actor.personId() != null && !people.tryAcquire(actor.personId())) {
            return Future.succeededFuture(Answers.error(
                    "rate-limited", "Too many actions at once from your devices. Please wait a moment and try again."));
        }
        return intake.read(actor, name, args, model.roster().deliveryKey()).compose(d -> decoded(actor, key, d));
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
        if (plugins.intercept(actor, key, decoded.command(), answer)) return answer.future();
        queue.add(new Batch.Queued(actor, key, decoded, answer));
        drain();
        return answer.future();
    }

    private void drain() {
        if (writing || erasing || queue.isEmpty()) return;
        if (!tenure.current()) {
            // Fencing in time: this node may no longer own the assembly, so it acknowledges nothing more.
            while (!queue.isEmpty()) {
                Batch.Queued q = queue.poll();
                if (q.key() != null) answers.forget(q.key());
                q.answer().complete(moving());
                q.pooled().forEach(w -> w.answer().complete(moving()));
            }
            return;
        }
        if (journalLost != null) {
            while (!queue.isEmpty()) {
                Batch.Queued q = queue.poll();
                q.answer().complete(unavailable());
                q.pooled().forEach(w -> w.answer().complete(unavailable()));
            }
            return;
        }
        Batch batch = new Batch(assemblyId, seq, clock.instant());
        while (!queue.isEmpty()) batch.decide(rules, model, queue.poll(), random, limits);
        if (batch.events.isEmpty()) {
            batch.onDurable.forEach(Runnable::run);
            return;
        }
        writing = true;
        long last = batch.lastSeq();
        EventCodec.Encoded[] encoded = {null};
        keysFor(batch.events)
                .compose(v -> {
                    encoded[0] = EventCodec.encode(batch.events, head, seals);
                    return store.append(assemblyId, seq, encoded[0].records());
                })
                .onComplete(ar -> landed(batch, last, encoded[0], ar));
    }

    /** New people get their keys, durably, before a record sealed under them can be written (none: no wait at all). */
    private Future<Void> keysFor(List<RecordedEvent> events) {
        if (seals == null) return Future.succeededFuture();
        Set<String> missing = seals.missingKeys(events);
        if (missing.isEmpty()) return Future.succeededFuture();
        missing.removeAll(model.roster().erased()); // an erased person never gets a key again
        if (missing.isEmpty()) return Future.succeededFuture();
        return vertx.executeBlocking(
                () -> {
                    keyRing.create(missing);
                    return null;
                },
                false);
    }

    private void landed(Batch batch, long last, EventCodec.Encoded encoded, AsyncResult<Void> ar) {
        List<JournalRecord> records = encoded == null ? List.of() : encoded.records();
        {
            if (ar.succeeded()) {
                this.records.landing(new JournalPosition(seq, head), clock.instant());
                seq = last;
                head = encoded.head();
                Set<String> erased = Erasures.erasedBy(batch.events);
                erasing |= !erased.isEmpty();
                writing = false;
                if (snapshotter != null)
                    snapshotter.landed(
                            last,
                            records.stream().mapToLong(r -> r.data().length).sum());
                views.kick(batch.events);
                pacer.landed();
                attendance.publishMoves(model);
                plugins.landed(batch.events.stream().map(RecordedEvent::event).toList());
                batch.onDurable.forEach(Runnable::run);
                readsNowDurable();
                scheduleClock();
                if (!erased.isEmpty()) erase(erased);
                drain();
            } else if (ar.cause() instanceof EventStore.Fenced) {
                // A newer owner claimed the journal: nothing of this batch was written, and nothing more will be.
                LOG.log(
                        Level.WARNING,
                        "assembly " + assemblyId + ": fenced off the journal: "
                                + ar.cause().getMessage());
                for (Batch.Waiting q : batch.accepted) {
                    if (q.key() != null) answers.forget(q.key());
                    q.answer().complete(moving());
                }
                journalLost = ar.cause();
                tenure.fenced();
                // What waits is answered now (reads that waited for this batch are dropped: the model holds it).
                writing = false;
                afterWrite.clear();
                drain();
            } else {
                LOG.log(
                        Level.ERROR,
                        "assembly " + assemblyId + ": journal append failed; reloading from the journal",
                        ar.cause());
                long before = seq;
                if (ar.cause() instanceof EventStore.OutcomeUnknown) held = new UnknownAppend(batch, before, records);
                else refuse(batch);
                replay().compose(v -> settleHeld()).onComplete(r -> {
                    if (r.failed()) {
                        journalLost = r.cause();
                        LOG.log(
                                Level.ERROR,
                                "assembly " + assemblyId + ": the journal cannot be read back after a failed"
                                        + " append; every request is refused until it can (retrying)",
                                r.cause());
                        reloadLater(RELOAD_FIRST_MS);
                    } else if (seq != before) {
                        pacer.landed(); // the failed append landed after all (it timed out): show it
                    }
                    writing = false;
                    pacer.reloaded();
                    readsNowDurable();
                    drain();
                });
            }
        }
    }

    /**
     * Once a person's erasure is durable: their key and every snapshot go, the model is rebuilt from the journal (their
     * data now reads as erased), and views, kept patches and built records forget them. Nothing is written meanwhile.
     */
    private void erase(Set<String> erased) {
        erasures.carryOut(erased, snapshotter).compose(v -> replayJournal()).onComplete(r -> {
            if (r.failed()) {
                LOG.log(Level.ERROR, "assembly " + assemblyId + ": an erasure could not be completed", r.cause());
                journalLost = r.cause();
                reloadLater(RELOAD_FIRST_MS);
            }
            records.forget();
            views.forgetHistory();
            erasing = false;
            pacer.landed();
            drain();
        });
    }

    /** At start: erasures recorded whose keys are still kept (a crash came between) are carried out now. */
    private Future<Void> settleErasures() {
        Set<String> pending = erasures.pending(model.roster().erased());
        if (pending.isEmpty()) return Future.succeededFuture();
        return erasures.carryOut(pending, snapshotter).compose(v -> replayJournal());
    }

    /** A batch whose append failed: nothing of it is in the journal, its commands are refused and may be retried. */
    private void refuse(Batch batch) {
        for (Batch.Waiting q : batch.accepted) {
            if (q.key() != null) answers.forget(q.key());
            q.answer().complete(unavailable());
        }
    }

    /** A batch whose append may or may not have landed, answered once the journal (just reloaded) tells which. */
    private UnknownAppend held;

    private Future<Void> settleHeld() {
        if (held == null) return Future.succeededFuture();
        UnknownAppend unknown = held;
        return unknown.landed(store, assemblyId).map(landed -> {
            held = null;
            if (!landed) {
                refuse(unknown.batch);
                return null;
            }
            LOG.log(Level.INFO, "assembly {0}: the batch whose append failed had landed; acknowledged", assemblyId);
            views.kick(unknown.batch.events);
            attendance.publishMoves(model);
            plugins.landed(
                    unknown.batch.events.stream().map(RecordedEvent::event).toList());
            unknown.batch.onDurable.forEach(Runnable::run);
            return null;
        });
    }

    /** The first wait before reading the journal again after it could not be read; it doubles up to the last. */
    static final long RELOAD_FIRST_MS = 250;

    static final long RELOAD_MAX_MS = 5_000;

    /**
     * Reads the journal again until it can (a journal server that went away and came back): the model is then the
     * journal's again, nothing refused shows, and requests are served again by themselves. A journal that stays
     * unreadable (a damaged file) keeps every request refused.
     */
    private void reloadLater(long delayMs) {
        vertx.setTimer(delayMs, t -> {
            replay().compose(v -> settleHeld()).onComplete(r -> {
                if (r.failed()) {
                    reloadLater(Math.min(RELOAD_MAX_MS, delayMs * 2));
                    return;
                }
                LOG.log(Level.INFO, "assembly {0}: the journal is readable again at seq {1}; serving", assemblyId, seq);
                journalLost = null;
                pacer.landed();
                scheduleClock();
                readsNowDurable();
                drain();
            });
        });
    }

    /**
     * Keeps a timer on the running segment's deadline. It checks at least once a second, so the clock stays right
     * whatever the injected {@link Clock} does; when the time is up it asks, like any command, to move on.
     */
    private void scheduleClock() {
        if (clockTimer >= 0) vertx.cancelTimer(clockTimer);
        clockTimer = -1;
        var next = rules.nextDeadline(model);
        if (next.isEmpty()) return;
        long delay = Math.max(
                1, Math.min(1_000, Duration.between(clock.instant(), next.get()).toMillis()));
        clockTimer = vertx.setTimer(delay, t -> {
            clockTimer = -1;
            var due = rules.due(model, clock.instant());
            due.forEach(command -> submit(Actor.HUB, null, Decoded.ok(command)));
            if (due.isEmpty()) scheduleClock();
        });
    }

    /** A socket's catch-up at the durable state (a view waiting for its slot goes out first). */
    private JsonObject syncNow(Audience current, Long lastSeq, Audience lastAudience) {
        pacer.beforeSync();
        return views.sync(model, seq, current, lastSeq, lastAudience);
    }

    private static JsonObject moving() {
        return Answers.error(
                "unavailable", "The assembly is moving to another server; nothing changed. Please try again.");
    }

    private static JsonObject unavailable() {
        return Answers.error(
                "journal-unavailable", "Your action could not be saved, so nothing changed. Please try again.");
    }

    /** Headers for requests to an engine. */
    public static DeliveryOptions op(String op) {
        return new DeliveryOptions().addHeader("op", op);
    }

    /** The queue as the plugins use it: commands of the hub's timers, and pools decided together. */
    private final class PluginQueue implements EngineServices.Queue {
        @Override
        public Future<JsonObject> submit(Actor actor, String key, DomainCommand command) {
            return AssemblyEngine.this.submit(actor, key, Decoded.ok(command));
        }

        /** Pooled commands are decided together, as one command with one answer per sender. */
        @Override
        public void submitPool(Pooled command, List<Promise<JsonObject>> answers, List<String> keys) {
            List<Batch.Waiting> waiting = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) waiting.add(new Batch.Waiting(keys.get(i), answers.get(i)));
            queue.add(new Batch.Queued(Actor.HUB, null, Decoded.ok(command), Promise.promise(), waiting));
            drain();
        }
    }
}
