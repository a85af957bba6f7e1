package org.assemblyhub.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.Hub;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.config.LearningConfig;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.config.OutreachConfig;
import org.assemblyhub.config.StoreConfig;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.config.WatchConfig;
import org.assemblyhub.store.StoreOptions;
import org.assemblyhub.web.WatchEndpoint;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A real hub in this JVM, on a free port and a fresh data directory, plus helpers to set up an assembly over HTTP. */
public final class TestHub implements AutoCloseable {
    static {
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.JULLogDelegateFactory");
    }

    public static final String BOOTSTRAP = "test-bootstrap-token-0123456789abcdef";

    private final Path dataDir;
    private final int commandsPerSecond;
    private final Clock clock;
    private final int port;
    private final Vertx clientVertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<LiveClient> clients = new ArrayList<>();
    private Hub hub;
    private VideoConfig video;
    private final StoreOptions storage;

    public TestHub() {
        this(newDataDir(), freePort());
    }

    public TestHub(Path dataDir, int port) {
        this(dataDir, port, 10);
    }

    public TestHub(Path dataDir, int port, int commandsPerSecond) {
        this(dataDir, port, commandsPerSecond, Clock.systemUTC());
    }

    public TestHub(Path dataDir, int port, int commandsPerSecond, Clock clock) {
        this(dataDir, port, commandsPerSecond, clock, VideoConfig.MESH);
    }

    public TestHub(VideoConfig video) {
        this(newDataDir(), freePort(), 50, Clock.systemUTC(), video);
    }

    public TestHub(Path dataDir, int port, int commandsPerSecond, Clock clock, VideoConfig video) {
        this(dataDir, port, commandsPerSecond, clock, video, StoreOptions.DEFAULT);
    }

    /** A hub that keeps its journals as {@code storage} says (failing channels, frequent snapshots). */
    public TestHub(
            Path dataDir, int port, int commandsPerSecond, Clock clock, VideoConfig video, StoreOptions storage) {
        this.storage = storage;
        this.video = video;
        this.dataDir = dataDir;
        this.port = port;
        this.commandsPerSecond = commandsPerSecond;
        this.clock = clock;
        start();
    }

    private LimitsConfig limits = LimitsConfig.DEFAULTS;
    private StoreConfig store = StoreConfig.FILE;

    /** A hub whose journals are kept as {@code store} says (Redis: a {@link RedisServer} of the test). */
    public TestHub(StoreConfig store) {
        this(store, newDataDir(), freePort());
    }

    /** The same, on a given data directory and port (a restart of an earlier one). */
    public TestHub(StoreConfig store, Path dataDir, int port) {
        this(store, dataDir, port, StoreOptions.DEFAULT);
    }

    /** The same, taking snapshots as {@code storage} says. */
    public TestHub(StoreConfig store, Path dataDir, int port, StoreOptions storage) {
        this.storage = storage;
        this.video = VideoConfig.MESH;
        this.dataDir = dataDir;
        this.port = port;
        this.commandsPerSecond = 50;
        this.clock = Clock.systemUTC();
        this.store = store;
        start();
    }

    private LearningConfig learning = LearningConfig.DEFAULTS;

    /**
     * A hub with its own data directory, journals kept as {@code store} says and these learning settings (upload
     * limits, a folder for files that nodes share).
     */
    public TestHub(StoreConfig store, LearningConfig learning) {
        this.storage = StoreOptions.DEFAULT;
        this.video = VideoConfig.MESH;
        this.dataDir = newDataDir();
        this.port = freePort();
        this.commandsPerSecond = 50;
        this.clock = Clock.systemUTC();
        this.store = store;
        this.learning = learning;
        start();
    }

    /** A hub with these limits (per client address, per assembly). */
    public TestHub(LimitsConfig limits) {
        this.storage = StoreOptions.DEFAULT;
        this.video = VideoConfig.MESH;
        this.dataDir = newDataDir();
        this.port = freePort();
        this.commandsPerSecond = 50;
        this.clock = Clock.systemUTC();
        this.limits = limits;
        start();
    }

    private WatchConfig watch = WatchConfig.NONE;
    private OutreachConfig outreach = OutreachConfig.NONE;

    /** A hub that writes to members through these servers (a GreenMail of the test, a gateway of the test). */
    public static TestHub withOutreach(OutreachConfig outreach) {
        return new TestHub(outreach, newDataDir(), freePort());
    }

    /** The same on a given data directory and port: a restart of an earlier one. */
    public static TestHub withOutreach(OutreachConfig outreach, Path dataDir, int port) {
        return new TestHub(outreach, dataDir, port);
    }

    private TestHub(OutreachConfig outreach, Path dataDir, int port) {
        this.storage = StoreOptions.DEFAULT;
        this.video = VideoConfig.MESH;
        this.dataDir = dataDir;
        this.port = port;
        this.commandsPerSecond = 50;
        this.clock = Clock.systemUTC();
        this.outreach = outreach;
        start();
    }

    /** A hub with the observers' own endpoint ({@code /watch} on a free port of its own). */
    public static TestHub withObserversEndpoint() {
        return new TestHub(new WatchConfig(freePort(), null));
    }

    /** The same, with pages told to open {@code url} for it (a URL where nothing answers, to see them fall back). */
    public static TestHub withObserversEndpoint(String url) {
        return new TestHub(new WatchConfig(freePort(), url));
    }

    private TestHub(WatchConfig watch) {
        this.storage = StoreOptions.DEFAULT;
        this.video = VideoConfig.MESH;
        this.dataDir = newDataDir();
        this.port = freePort();
        this.commandsPerSecond = 50;
        this.clock = Clock.systemUTC();
        this.watch = watch;
        start();
    }

    /** The observers' own endpoint, when the hub has one. */
    public WatchEndpoint watch() {
        return hub.watch();
    }

    /** A socket on the observers' endpoint, with {@code token} as a browser would send it (it changes nothing). */
    public LiveClient watcher(String token) {
        LiveClient client = LiveClient.connect(clientVertx, hub.watch().port(), "/watch", token, null);
        clients.add(client);
        return client;
    }

    public TestHub start() {
        HubConfig config = new HubConfig(
                        "127.0.0.1",
                        port,
                        dataDir,
                        "http://127.0.0.1:" + port,
                        BOOTSTRAP,
                        false,
                        64 * 1024,
                        commandsPerSecond,
                        false,
                        video,
                        limits)
                .withStore(store)
                .withLearning(learning)
                .withWatch(watch)
                .withOutreach(outreach);
        hub = await(Hub.start(config, clock, storage).toCompletionStage().toCompletableFuture());
        return this;
    }

    public void stop() {
        clients.forEach(LiveClient::close);
        clients.clear();
        if (hub != null) await(hub.stop().toCompletionStage().toCompletableFuture());
        hub = null;
    }

    /** The hub's own Vert.x (to reach its event bus as the launcher does). */
    public Vertx vertx() {
        return hub.vertx();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public LiveClient client(String token) {
        LiveClient client = LiveClient.connect(clientVertx, port, token);
        clients.add(client);
        return client;
    }

    public LiveClient client(String token, String origin) {
        LiveClient client = LiveClient.connect(clientVertx, port, token, origin);
        clients.add(client);
        return client;
    }

    /**
     * An assembly made through the HTTP API, with a roster imported from CSV: tokens by person id ("organiser-1"...).
     */
    public record Setup(String assemblyId, Map<String, String> tokens) {
        public String token(String personId) {
            return tokens.get(personId);
        }
    }

    public Setup createAssembly(boolean isPublic, String csv) {
        JsonObject created = new JsonObject(post(
                        "/api/assemblies",
                        "application/json",
                        BOOTSTRAP,
                        new JsonObject()
                                .put("title", "Test assembly")
                                .put("question", "What should we do?")
                                .put("public", isPublic)
                                .put("organiserName", "Olga")
                                .encode())
                .body());
        String id = created.getString("id");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("organiser-1", tokenOf(created.getString("organiserLink")));
        if (csv != null) {
            HttpResponse<String> imported =
                    post("/api/assemblies/" + id + "/roster", "text/csv", tokens.get("organiser-1"), csv);
            if (imported.statusCode() != 200) throw new IllegalStateException("import failed: " + imported.body());
            JsonArray people = new JsonObject(imported.body()).getJsonArray("people");
            for (int i = 0; i < people.size(); i++) {
                tokens.put(
                        people.getJsonObject(i).getString("id"),
                        tokenOf(people.getJsonObject(i).getString("link")));
            }
        }
        return new Setup(id, tokens);
    }

    public static String tokenOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    public HttpResponse<String> post(String path, String contentType, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return send(request.build());
    }

    public HttpResponse<String> get(String path, String cookieToken) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url() + path)).GET();
        if (cookieToken != null) request.header("Cookie", "ah_session=" + cookieToken);
        return send(request.build());
    }

    /** A request as the test builds it (any method, headers, cookie). */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
        clientVertx.close();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("assembly-hub-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
