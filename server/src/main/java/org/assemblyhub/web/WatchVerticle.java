package org.assemblyhub.web;

import io.netty.channel.EventLoopGroup;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.VertxThreadFactory;
import io.vertx.core.spi.transport.Transport;
import io.vertx.ext.web.Router;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.engine.AssemblyDirectory;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.web.http.HttpErrors;
import org.assemblyhub.web.live.LiveGateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The observers' front door: {@code /watch} on a port of its own ({@code --observer-port}), served by gateways that
 * run on event loops of their own. Writing an update to ten thousand observers keeps a loop busy for tens of
 * milliseconds; with observers on the members' loops, a vote read on one of them and its acknowledgement waited for
 * that (slices only shorten the wait). Here no member socket, engine or member gateway shares a loop with the
 * observers': the operating system shares the cores between the two sets of threads, and a member's command never
 * queues behind a fan-out.
 *
 * <p>Vert.x deploys verticles on its own loops in turn, with no say in which; so the loops are made here, with Vert.x's
 * transport and thread factory (its internal API: {@link VertxInternal#contextBuilder()} builds a context on a given
 * loop), one gateway per loop. Every socket here is an anonymous observer: no token or cookie is read, so a member
 * who lands here sees the public view and nothing more.
 */
public final class WatchVerticle extends VerticleBase {
    private final HubConfig config;
    private final AssemblyDirectory directory;
    private final WatchEndpoint endpoint;
    private final int loops;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Context> contexts = new ArrayList<>();

    /** {@code loops}: how many event loops (and gateways) the observers get. */
    public WatchVerticle(HubConfig config, AssemblyDirectory directory, WatchEndpoint endpoint, int loops) {
        this.config = config;
        this.directory = directory;
        this.endpoint = endpoint;
        this.loops = loops;
    }

    @Override
    public Future<?> start() {
        VertxInternal internal = (VertxInternal) vertx;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = VertxThreadFactory.INSTANCE.newVertxThread(
                    runnable, "assembly-hub-watch-" + count.getAndIncrement(), false, 2, TimeUnit.SECONDS);
            thread.setDaemon(true);
            return thread;
        };
        EventLoopGroup group = internal.transport().eventLoopGroup(Transport.IO_EVENT_LOOP_GROUP, loops, threads, 50);
        // Shut down once Vert.x is closed: its timers and consumers on these loops are cancelled on them till then.
        endpoint.ownLoops(group);
        // The first door binds the port; the others share it, as Vert.x's servers do.
        return listenOn(internal, group, config.watch().port()).compose(port -> {
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 1; i < loops; i++) others.add(listenOn(internal, group, port));
            return Future.all(others).map(all -> {
                synchronized (servers) {
                    endpoint.opened(config.watch().browserUrl(config.publicUrl(), port), port, contexts);
                }
                return port;
            });
        });
    }

    /** One gateway on the next of the observers' loops, listening on {@code port}; its bound port. */
    private Future<Integer> listenOn(VertxInternal internal, EventLoopGroup group, int port) {
        ContextInternal context = internal.contextBuilder()
                .withThreadingModel(ThreadingModel.EVENT_LOOP)
                .withEventLoop(group.next())
                .build();
        Promise<Integer> bound = Promise.promise();
        context.runOnContext(v -> {
            LiveGateway live = new LiveGateway(vertx, new EngineClient(vertx, directory), config, true);
            Router router = Router.router(vertx);
            router.get("/watch").handler(live::accept);
            router.get("/health").handler(rc -> HttpErrors.json(rc, 200, new JsonObject().put("status", "UP")));
            vertx.createHttpServer(GatewayVerticle.socketOptions())
                    .requestHandler(router)
                    .listen(port, config.host())
                    .onSuccess(server -> {
                        synchronized (servers) {
                            servers.add(server);
                            contexts.add(context);
                        }
                        bound.complete(server.actualPort());
                    })
                    .onFailure(bound::fail);
        });
        return bound.future();
    }

    @Override
    public Future<?> stop() {
        List<Future<Void>> closing;
        synchronized (servers) {
            closing = servers.stream().map(HttpServer::close).toList();
        }
        return Future.join(closing);
    }
}
