package org.assemblyhub.store.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Redis client and how long one call may take before it counts as failed: a Redis that is frozen, or cut off
 * without the connection closing, must not hold a command (and the client waiting for its ack) for ever. A call that
 * timed out may still land later; the journal's expected-seq check keeps that from ever doing harm.
 */
final class RedisCalls {
    private final Redis redis;
    private final long timeoutMs;

    RedisCalls(Redis redis, long timeoutMs) {
        this.redis = redis;
        this.timeoutMs = timeoutMs;
    }

    Future<Response> send(Request request) {
        return redis.send(request).timeout(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends and waits, for the blocking stores beside the journal (snapshots, person keys, documents): workers only.
     * {@code what} names them in the error an event loop would get.
     */
    Response sendAndWait(Request request, String what) throws IOException {
        if (Context.isOnEventLoopThread()) throw new IllegalStateException(what + " block: call them on a worker");
        return await(send(request), what);
    }

    /**
     * Waits for an answer (a script's, say: up to two calls, EVALSHA then EVAL) on a worker; a failure is an
     * {@link IOException}.
     */
    Response await(Future<Response> answer, String what) throws IOException {
        if (Context.isOnEventLoopThread()) throw new IllegalStateException(what + " block: call them on a worker");
        try {
            // The sends' own timeouts run on Vert.x timers, which a closing Vert.x cancels: never wait beyond them.
            return answer.toCompletionStage().toCompletableFuture().get(2 * timeoutMs + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("Redis: no answer within " + timeoutMs + " ms (" + what + ")", e);
        } catch (ExecutionException e) {
            throw new IOException("Redis: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Redis");
        }
    }

    Redis redis() {
        return redis;
    }
}
