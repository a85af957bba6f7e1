package org.assemblyhub.store.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.concurrent.TimeUnit;

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

    Redis redis() {
        return redis;
    }
}
