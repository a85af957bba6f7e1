package org.assemblyhub.web.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.shareddata.Shareable;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.support.RateLimiter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What each client address may cost, shared by every gateway verticle of the process: open WebSockets (capped) and
 * HTTP requests (a token bucket). The address is the peer's, or — only when the operator says a reverse proxy sets
 * it ({@code trustProxy}) — the one the proxy puts in {@code X-Real-IP}.
 */
public final class ClientLimits implements Shareable {
    private static final int SWEEP_OVER = 10_000;
    private static final long IDLE_NANOS = 60_000_000_000L;

    private final LimitsConfig limits;
    private final Map<String, AtomicInteger> sockets = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private record Bucket(RateLimiter limiter, long[] lastUsed) {}

    ClientLimits(LimitsConfig limits) {
        this.limits = limits;
    }

    /** The one instance of this Vert.x (created by the first gateway that asks). */
    public static ClientLimits of(Vertx vertx, LimitsConfig limits) {
        return (ClientLimits) vertx.sharedData()
                .<String, ClientLimits>getLocalMap("assembly-hub.client-limits")
                .computeIfAbsent("limits", k -> new ClientLimits(limits));
    }

    /**
     * With {@code trustProxy}, the one header the reverse proxy must <em>set</em> (overwriting whatever the client
     * sent): {@code X-Real-IP}, as deploy/nginx.conf does. {@code X-Forwarded-For} is never read: proxies append to
     * it, so which hop to believe depends on the chain of proxies, and a wrong guess lets clients pick their address.
     */
    public String addressOf(HttpServerRequest request) {
        if (limits.trustProxy()) {
            String real = request.getHeader("X-Real-IP");
            if (real != null && !real.isBlank()) return real.strip();
        }
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }

    /** Counts a new socket of this address; false (and nothing counted) when the address has its fill. */
    boolean openSocket(String address) {
        AtomicInteger open = sockets.computeIfAbsent(address, a -> new AtomicInteger());
        if (open.incrementAndGet() > limits.socketsPerAddress()) {
            open.decrementAndGet();
            return false;
        }
        return true;
    }

    void closeSocket(String address) {
        sockets.computeIfPresent(address, (a, open) -> open.decrementAndGet() <= 0 ? null : open);
    }

    /** One HTTP request of this address, if its budget allows. */
    public boolean tryRequest(String address) {
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_OVER) buckets.values().removeIf(b -> now - b.lastUsed()[0] > IDLE_NANOS);
        Bucket bucket = buckets.computeIfAbsent(
                address,
                a -> new Bucket(
                        new RateLimiter(limits.httpPerSecond(), limits.httpPerSecond() * 3, System::nanoTime),
                        new long[1]));
        synchronized (bucket) {
            bucket.lastUsed()[0] = now;
            return bucket.limiter().tryAcquire();
        }
    }
}
