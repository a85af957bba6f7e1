package org.assemblyhub.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

import java.util.ArrayList;
import java.util.List;

/**
 * The ceiling of this machine: a minimal raw Vert.x WebSocket broadcast server, written the way Vert.x wants it
 * (one verticle per event loop, each writing only to its own sockets, fed by a local event-bus consumer). No JSON,
 * no state, no journal. {@code POST /broadcast?count=&size=&intervalMs=} sends {@code count} messages of
 * {@code size} bytes to every socket, one every {@code intervalMs}; each carries its send time
 * ({@link System#nanoTime()}, comparable across processes on Linux) so the receiver can time it.
 */
public final class BaselineServer {
    private BaselineServer() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx =
                Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(2)).build();
        vertx.deployVerticle(() -> new Broadcaster(port), new DeploymentOptions().setInstances(2))
                .onSuccess(id -> System.out.println("baseline listening on " + port))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    static final class Broadcaster extends VerticleBase {
        private final int port;
        private final List<ServerWebSocket> sockets = new ArrayList<>();
        private long dropped;

        Broadcaster(int port) {
            this.port = port;
        }

        @Override
        public Future<?> start() {
            vertx.eventBus().<String>localConsumer("broadcast", m -> {
                String text = m.body();
                for (ServerWebSocket ws : sockets) {
                    if (ws.writeQueueFull()) dropped++;
                    else ws.writeTextMessage(text);
                }
            });
            return vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1"))
                    .webSocketHandler(ws -> {
                        sockets.add(ws);
                        ws.closeHandler(v -> sockets.remove(ws));
                    })
                    .requestHandler(req -> {
                        if (req.path().equals("/health")) {
                            req.response().end("{\"status\":\"UP\"}");
                        } else if (req.path().equals("/broadcast")) {
                            int count = Integer.parseInt(req.getParam("count"));
                            int size = Integer.parseInt(req.getParam("size"));
                            long interval = Long.parseLong(req.getParam("intervalMs"));
                            broadcast(count, size, interval);
                            req.response().end("{\"status\":\"sending\"}");
                        } else {
                            req.response().setStatusCode(404).end();
                        }
                    })
                    .listen();
        }

        private void broadcast(int count, int size, long intervalMs) {
            String pad = "x".repeat(Math.max(0, size - 40));
            if (intervalMs <= 0) {
                for (int i = 0; i < count; i++) vertx.eventBus().publish("broadcast", message(i, pad));
                return;
            }
            int[] sent = {0};
            vertx.eventBus().publish("broadcast", message(sent[0]++, pad));
            if (count > 1) {
                vertx.setPeriodic(intervalMs, id -> {
                    vertx.eventBus().publish("broadcast", message(sent[0]++, pad));
                    if (sent[0] >= count) vertx.cancelTimer(id);
                });
            }
        }

        private static String message(int n, String pad) {
            return "{\"t\":" + System.nanoTime() + ",\"n\":" + n + ",\"pad\":\"" + pad + "\"}";
        }
    }
}
