package org.assemblyhub.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.CompressionConfig;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.engine.AssemblyDirectory;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.metrics.HubMetrics;
import org.assemblyhub.metrics.MetricsRoute;
import org.assemblyhub.organisation.Organisations;
import org.assemblyhub.support.BoundedWorkers;
import org.assemblyhub.web.http.*;
import org.assemblyhub.web.live.ClientLimits;
import org.assemblyhub.web.live.LiveGateway;

import java.net.URI;

/**
 * HTTP and WebSocket front door. Deployed once per event loop; all instances share the port and each keeps its own
 * sockets (see {@link LiveGateway}).
 */
public final class GatewayVerticle extends VerticleBase {
    /** Frames up to this size reach the application, which answers anything over the configured limit with an error. */
    static final int TRANSPORT_LIMIT = 1024 * 1024;

    private final HubConfig config;
    private final BootstrapToken bootstrap;
    private final String storeKind;
    private HttpServer server;

    private final AssemblyDirectory directory;
    private final WatchEndpoint watch;

    public GatewayVerticle(HubConfig config, BootstrapToken bootstrap, String storeKind) {
        this(config, bootstrap, storeKind, AssemblyDirectory.NONE, new WatchEndpoint());
    }

    /**
     * {@code directory}: in a cluster, the assemblies that exist while they move between owners; {@code watch}: the
     * observers' own endpoint, if the hub has one.
     */
    public GatewayVerticle(
            HubConfig config,
            BootstrapToken bootstrap,
            String storeKind,
            AssemblyDirectory directory,
            WatchEndpoint watch) {
        this.config = config;
        this.bootstrap = bootstrap;
        this.storeKind = storeKind;
        this.directory = directory;
        this.watch = watch;
    }

    private Organisations organisations;

    /** The hub's organisations (their pages and administrators' API are served when set). */
    public GatewayVerticle withOrganisations(Organisations organisations) {
        this.organisations = organisations;
        return this;
    }

    @Override
    public Future<?> start() {
        EngineClient engines = new EngineClient(vertx, directory);
        LiveGateway live = new LiveGateway(vertx, engines, config);
        Router router = Router.router(vertx);
        router.route()
                .handler(new SecurityHeaders(
                        config.video().provider() == VideoConfig.Provider.JITSI
                                ? config.video().jitsiDomain()
                                : null,
                        config.publicUrl().startsWith("https://"),
                        originOf(watch.url())));
        router.route().handler(new StaticCompression());
        router.get("/health").handler(rc -> health(engines, bootstrap.matches(Sessions.tokenOf(rc.request())))
                .onSuccess(body -> HttpErrors.json(rc, 200, body)));
        MetricsRoute.mount(router, HubMetrics.of(vertx), config.limits().metricsToken());
        var budget = new RequestBudget(ClientLimits.of(vertx, config.limits()));
        router.route("/api/*").handler(budget);
        router.route("/join/*").handler(budget);
        router.route("/r/*").handler(budget); // a member's reminders link: each answer asks the outreach
        router.route("/stream/*").handler(budget); // each answer asks the assembly's engine
        router.get("/live").handler(live::accept);
        // Which socket a page opens: anonymous observers (no session cookie) go to the observers' own endpoint when
        // there is one; everyone else to /live. Decided here because the cookie is out of the page's reach.
        router.get("/api/live-endpoint")
                .handler(rc -> HttpErrors.json(
                        rc,
                        200,
                        new JsonObject().put("url", Sessions.cookieToken(rc.request()) == null ? watch.url() : null)));
        SessionRoutes.mount(router, engines, config); // /join, /leave, and the cookie's renewal on /a/:id
        DemoSwitcher.mount(router, vertx, config); // /demo: only for the demo on a loopback address
        // Before AssemblyApi: its body handler on /api/* would read an upload into memory; this route streams it.
        new FilesApi(
                        vertx,
                        engines,
                        config.publicUrl(),
                        config.dataDir(),
                        config.learning(),
                        new BoundedWorkers(vertx, "assembly-hub-files", 2, 32))
                .mount(router);
        new AssemblyApi(engines, bootstrap, config.publicUrl(), new BoundedWorkers(vertx, "assembly-hub-uploads", 2, 8))
                .mount(router);
        new SortitionApi(
                        vertx,
                        engines,
                        config.publicUrl(),
                        config.dataDir(),
                        new BoundedWorkers(vertx, "assembly-hub-sortition-desk", 2, 8))
                .mount(router);
        new OutreachApi(vertx, engines, config.publicUrl()).mount(router);
        new MemberRemindersApi(vertx).mount(router);
        new RecordsApi(engines, new BoundedWorkers(vertx, "assembly-hub-exports", 2, 8)).mount(router);
        new PersonalDataApi(engines, config.publicUrl()).mount(router);
        new AttendanceApi(engines, config.publicUrl()).mount(router);
        if (organisations != null)
            new OrganisationsApi(engines, organisations, bootstrap, config.publicUrl()).mount(router);
        new StreamPage(engines).mount(router); // /stream/:id: the live stream, framed by the observer page
        router.get("/a/:id").handler(rc -> rc.reroute("/index.html"));
        router.route("/webjars/*")
                .handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86_400));
        router.route("/*").handler(StaticHandler.create("webroot").setMaxAgeSeconds(60));

        HttpServerOptions options = socketOptions()
                // HTTP answers: the client's own files only (StaticCompression marks every other answer "identity").
                .setCompression(
                        new CompressionConfig().setCompressionEnabled(true).addGzip(6));
        return vertx.createHttpServer(options)
                .requestHandler(router)
                .listen(config.port(), config.host())
                .onSuccess(s -> server = s);
    }

    /** What every WebSocket front door of the hub sets: the frame limits, the idle timeout, no compression. */
    static HttpServerOptions socketOptions() {
        return new HttpServerOptions()
                .setMaxWebSocketFrameSize(TRANSPORT_LIMIT)
                .setMaxWebSocketMessageSize(TRANSPORT_LIMIT)
                .setIdleTimeout(90)
                // No compression: a small compressed frame inflates to gigabytes on the event loop, before any limit
                // sees its size (permessage-deflate "bombs"). Our messages are small; the limits stay honest.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
    }

    /** {@code ws(s)://host:port} of an absolute URL, or null (none, or a path on the hub's own origin). */
    static String originOf(String url) {
        if (url == null || url.startsWith("/")) return null;
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /**
     * {@code UP}, or {@code DEGRADED} when an assembly could not start. Anyone sees the status and how many; which
     * assemblies, where their journals are damaged and what to do is for the operator (the bootstrap token).
     */
    private Future<JsonObject> health(EngineClient engines, boolean operator) {
        JsonObject health =
                new JsonObject().put("status", "UP").put("journal", storeKind).put("version", Version.VALUE);
        return engines.registry("health", new JsonObject()).map(answer -> {
            // Which assemblies run here: in a cluster, the ones this node owns now.
            if (operator && answer.getJsonArray("running") != null)
                health.put("running", answer.getJsonArray("running"));
            JsonArray unavailable = answer.getJsonArray("unavailable");
            if (unavailable != null && !unavailable.isEmpty()) {
                health.put("status", "DEGRADED");
                if (operator) health.put("unavailable", unavailable);
                else health.put("unavailableCount", unavailable.size());
            }
            return health;
        });
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
