package org.assemblyhub.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/** The load generator's WebSocket side: one Vert.x with two event loops, one client allowing every connection. */
final class Sockets implements AutoCloseable {
    final Vertx vertx =
            Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(2)).build();
    private final WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
            .setMaxConnections(50_000)
            .setConnectTimeout(60_000)
            .setMaxFrameSize(4 << 20)
            .setMaxMessageSize(4 << 20));

    Future<WebSocket> connect(int port, String uri, String cookieToken, Consumer<String> onText) {
        WebSocketConnectOptions options =
                new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
        if (cookieToken != null) options.addHeader("Cookie", "ah_session=" + cookieToken);
        return client.connect(options).onSuccess(ws -> ws.textMessageHandler(onText::accept));
    }

    /**
     * Opens {@code count} connections, {@code inFlight} at a time; {@code open.apply(i)} starts the i-th and completes
     * when it is ready. Returns how many failed.
     */
    static int openAll(int count, int inFlight, IntFunction<CompletableFuture<?>> open, long timeoutSeconds)
            throws InterruptedException {
        int failed = 0;
        for (int start = 0; start < count; start += inFlight) {
            List<CompletableFuture<?>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + inFlight); i++) batch.add(open.apply(i));
            for (CompletableFuture<?> f : batch) {
                try {
                    f.get(timeoutSeconds, TimeUnit.SECONDS);
                } catch (Exception e) {
                    failed++;
                }
            }
        }
        return failed;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
