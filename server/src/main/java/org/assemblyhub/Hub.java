package org.assemblyhub;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.assemblyhub.cluster.HazelcastSetup;
import org.assemblyhub.cluster.OutreachSeat;
import org.assemblyhub.cluster.Ownership;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.config.OutreachConfig;
import org.assemblyhub.engine.AssemblyDirectory;
import org.assemblyhub.engine.AssemblyRegistry;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.metrics.HubMetrics;
import org.assemblyhub.metrics.MeteredEventStore;
import org.assemblyhub.organisation.Organisations;
import org.assemblyhub.outreach.runtime.OutreachVerticle;
import org.assemblyhub.store.DataDirectoryLock;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.StoreOptions;
import org.assemblyhub.video.RoomKeys;
import org.assemblyhub.video.VideoAccess;
import org.assemblyhub.web.GatewayVerticle;
import org.assemblyhub.web.WatchEndpoint;
import org.assemblyhub.web.WatchVerticle;
import org.assemblyhub.web.http.BootstrapToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A running hub: the store, the registry of assembly engines and the gateways, wired for one node. */
public final class Hub {
    private static final System.Logger LOG = System.getLogger(Hub.class.getName());
    /** How often the outreach goes round its outboxes (reminders due, messages owed). */
    private static final Duration OUTREACH_ROUND = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final HubConfig config;
    private final EventStore store;
    private final Optional<String> newBootstrapToken;
    private final DataDirectoryLock lock;
    /** Where anonymous observers connect, when the hub has their own endpoint ({@code --observer-port}). */
    private final WatchEndpoint watch = new WatchEndpoint();
    /** This node's part in a cluster (null: it runs alone). */
    private Ownership ownership;

    private Hub(
            Vertx vertx,
            HubConfig config,
            EventStore store,
            Optional<String> newBootstrapToken,
            DataDirectoryLock lock) {
        this.vertx = vertx;
        this.config = config;
        this.store = store;
        this.newBootstrapToken = newBootstrapToken;
        this.lock = lock;
    }

    public static Future<Hub> start(HubConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static Future<Hub> start(HubConfig config, Clock clock) {
        return start(config, clock, StoreOptions.DEFAULT);
    }

    /**
     * Starts a hub that keeps its journals as {@code storage} says (tests inject failing channels, or snapshot more
     * often). The data directory is locked before anything in it is opened: a second hub on the same directory fails
     * here, naming the first.
     */
    public static Future<Hub> start(HubConfig config, Clock clock, StoreOptions storage) {
        DataDirectoryLock lock;
        try {
            lock = DataDirectoryLock.acquire(config.dataDir());
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        VertxOptions options = new VertxOptions()
                .setFileSystemOptions(new FileSystemOptions()
                        .setFileCacheDir(Path.of(System.getProperty("java.io.tmpdir"), "assembly-hub-cache")
                                .toString()));
        if (config.cluster().enabled() && !config.store().isRedis()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "--cluster with the file journal: each node keeps its own assemblies and none can fail over;"
                            + " use --store redis to share the journal");
        }
        if (!config.cluster().enabled())
            return startOn(Vertx.builder().with(options).build(), null, config, clock, storage, lock);
        HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSetup.config(config.cluster()));
        options.setEventBusOptions(new EventBusOptions()
                .setHost(config.cluster().host())
                .setClusterPublicHost(config.cluster().host())
                .setPort(0));
        CompletableFuture<Hub> started = Vertx.builder()
                .with(options)
                .withClusterManager(manager)
                .buildClustered()
                .toCompletionStage()
                .toCompletableFuture()
                .handle((vertx, failure) -> {
                    if (failure == null) {
                        return startOn(vertx, manager, config, clock, storage, lock)
                                .toCompletionStage()
                                .toCompletableFuture();
                    }
                    release(lock);
                    return CompletableFuture.<Hub>failedFuture(
                            new IllegalStateException("cannot join the cluster: " + failure.getMessage(), failure));
                })
                .thenCompose(f -> f);
        return Future.fromCompletionStage(started);
    }

    private static Future<Hub> startOn(
            Vertx vertx,
            HazelcastClusterManager manager,
            HubConfig config,
            Clock clock,
            StoreOptions storage,
            DataDirectoryLock lock) {
        SecureRandom random = new SecureRandom();
        BootstrapToken.Loaded bootstrap;
        try {
            bootstrap = BootstrapToken.load(config.bootstrapToken(), config.dataDir(), new Tokens(random));
        } catch (IOException e) {
            return Future.fromCompletionStage(failAfterClosing(
                    vertx, null, lock, new UncheckedIOException("cannot use data directory " + config.dataDir(), e)));
        }
        HubMetrics metrics = HubMetrics.of(vertx);
        int gateways = Math.max(1, Runtime.getRuntime().availableProcessors());
        byte[] roomKey = new byte[32];
        if (config.video().jitsiSecret() != null) {
            roomKey = RoomKeys.fromSecret(config.video().jitsiSecret());
        } else {
            new SecureRandom().nextBytes(roomKey);
        }
        var video = new VideoAccess(config.video(), roomKey, clock);
        AtomicReference<EventStore> opened = new AtomicReference<>();
        CompletableFuture<Hub> started = Stores.open(vertx, config, storage, clock)
                .compose(stores -> {
                    EventStore store = new MeteredEventStore(stores.journal(), metrics);
                    opened.set(store);
                    Hub hub = new Hub(vertx, config, store, bootstrap.printOnce(), lock);
                    Organisations organisations = new Organisations(vertx, stores.documents());
                    AssemblyRegistry registry = new AssemblyRegistry(store, clock, random, Capabilities.with(video))
                            .withSnapshots(stores.snapshots())
                            .withPersonKeys(stores.keys())
                            .withLimits(config.limits())
                            .withCommandRate(config.commandsPerSecond());
                    Ownership ownership = manager == null
                            ? null
                            : new Ownership(
                                            manager.getHazelcastInstance(),
                                            store,
                                            clock,
                                            config.cluster().leaseMs(),
                                            config.cluster().quorum())
                                    .attach(registry);
                    if (ownership != null) registry.withPlacement(ownership);
                    hub.ownership = ownership;
                    AssemblyDirectory directory = ownership == null ? AssemblyDirectory.NONE : ownership;
                    return vertx.deployVerticle(registry)
                            .compose(id ->
                                    ownership == null ? Future.succeededFuture(id) : vertx.deployVerticle(ownership))
                            // The observers' door first: the gateways tell pages where it is.
                            .compose(id -> config.watch().enabled()
                                    ? vertx.deployVerticle(new WatchVerticle(config, directory, hub.watch, gateways))
                                    : Future.succeededFuture(id))
                            .compose(id -> outreachHere(vertx, manager, config.outreach()))
                            .compose(outreach -> vertx.deployVerticle(new OutreachVerticle(
                                    outreach,
                                    config.dataDir(),
                                    config.publicUrl(),
                                    new OutreachEngines(new EngineClient(vertx, directory)),
                                    clock,
                                    random,
                                    OUTREACH_ROUND)))
                            .compose(id -> vertx.deployVerticle(
                                    () -> new GatewayVerticle(
                                                    config, bootstrap.token(), store.kind(), directory, hub.watch)
                                            .withOrganisations(organisations),
                                    new DeploymentOptions().setInstances(gateways)))
                            .map(id -> hub);
                })
                .toCompletionStage()
                .toCompletableFuture()
                .handle((ok, failure) -> ok != null
                        ? CompletableFuture.completedFuture(ok)
                        : Hub.<Hub>failAfterClosing(vertx, opened.get(), lock, failure))
                .thenCompose(f -> f);
        // Answered outside Vert.x: a failure handed to its contexts would be lost once Vert.x is closed.
        return Future.fromCompletionStage(started);
    }

    /**
     * Closes what was opened, then fails with {@code failure}. Done from a thread of its own, outside Vert.x: a close
     * asked from one of Vert.x's own threads completes on a context that is closed by then, so nothing would ever
     * tell the caller (the hub used to exit without a word, with status 0).
     */
    private static <T> CompletableFuture<T> failAfterClosing(
            Vertx vertx, EventStore store, DataDirectoryLock lock, Throwable failure) {
        CompletableFuture<T> failed = new CompletableFuture<>();
        HubMetrics metrics = HubMetrics.of(vertx);
        Thread closing = new Thread(
                () -> {
                    try {
                        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                    } catch (Exception ignored) {
                        // The start failed already; what matters now is to say why.
                    }
                    if (store != null) store.close();
                    metrics.close();
                    release(lock);
                    failed.completeExceptionally(failure);
                },
                "assembly-hub-failed-start");
        closing.start();
        return failed;
    }

    private static Future<Void> release(DataDirectoryLock lock) {
        try {
            lock.close();
            return Future.succeededFuture();
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
    }

    public Vertx vertx() {
        return vertx;
    }

    public HubConfig config() {
        return config;
    }

    /** The bootstrap token when it was generated by this start (it is never shown again). */
    public Optional<String> newBootstrapToken() {
        return newBootstrapToken;
    }

    /** The observers' own endpoint: its port is -1 when the hub has none. */
    public WatchEndpoint watch() {
        return watch;
    }

    /**
     * The outreach settings this node runs with: its own, unless another node of the cluster already runs the
     * outreach ({@link OutreachSeat}) — then none, said in the log, so that nothing is sent twice.
     */
    private static Future<OutreachConfig> outreachHere(
            Vertx vertx, HazelcastClusterManager manager, OutreachConfig outreach) {
        if (manager == null || !outreach.any()) return Future.succeededFuture(outreach);
        return vertx.executeBlocking(() -> {
            String holder = OutreachSeat.claim(manager.getHazelcastInstance());
            if (holder.equals(OutreachSeat.me(manager.getHazelcastInstance()))) return outreach;
            LOG.log(
                    System.Logger.Level.ERROR,
                    "the outreach settings are given to more than one node: node " + holder + " runs the outreach,"
                            + " so this node's stays off (each node would keep its own outbox and send reminders"
                            + " twice; give the settings to one node only: docs/outreach.md)");
            return OutreachConfig.NONE;
        });
    }

    /** This node's ownership of assemblies in a cluster, if it is in one. */
    public Optional<Ownership> ownership() {
        return Optional.ofNullable(ownership);
    }

    public Future<Void> stop() {
        // Engines and gateways stop first (no more appends), then the journals are closed, then the directory is free.
        // In a cluster the leases are given up as Vert.x closes (Ownership.stop): others take them at once.
        HubMetrics metrics = HubMetrics.of(vertx);
        return vertx.close()
                .andThen(closed -> watch.shutdown())
                .eventually(store::close)
                .andThen(closed -> metrics.close())
                .eventually(() -> release(lock));
    }
}
