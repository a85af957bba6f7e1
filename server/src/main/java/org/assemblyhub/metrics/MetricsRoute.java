package org.assemblyhub.metrics;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.config.Loopback;
import org.assemblyhub.web.http.HttpErrors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * {@code GET /metrics}: the Prometheus text format, for a scraper on this computer (a loopback peer whose request
 * came through no proxy) or one that presents {@code Authorization: Bearer <metricsToken>}. A request relayed by a
 * proxy on this computer has a loopback peer too, so any forwarding header makes it an outside request.
 */
public final class MetricsRoute {
    /** Headers a reverse proxy adds; their presence means the loopback peer is not the real caller. */
    static final List<String> PROXY_HEADERS =
            List.of("X-Real-IP", "X-Forwarded-For", "Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto", "Via");

    private final HubMetrics metrics;
    private final byte[] token;

    private MetricsRoute(HubMetrics metrics, String token) {
        this.metrics = metrics;
        this.token = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code token}: the configured {@code metricsToken}, or null (then only local scrapers are let in). */
    public static void mount(Router router, HubMetrics metrics, String token) {
        router.get("/metrics").handler(new MetricsRoute(metrics, token)::handle);
    }

    private void handle(RoutingContext rc) {
        if (!allowed(rc.request())) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            HttpErrors.error(
                    rc,
                    403,
                    "forbidden",
                    "Metrics are for this computer, or for a scraper with the hub's metrics token (HUB_METRICS_TOKEN).");
            return;
        }
        rc.vertx().executeBlocking(metrics::scrape, false).onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
                return;
            }
            rc.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(ar.result());
        });
    }

    private boolean allowed(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (token != null && authorization != null) {
            // Constant time: the comparison must not tell how much of a guess was right.
            return MessageDigest.isEqual(token, authorization.strip().getBytes(StandardCharsets.UTF_8));
        }
        boolean local = request.remoteAddress() != null
                && Loopback.isLoopback(request.remoteAddress().hostAddress());
        return local && PROXY_HEADERS.stream().noneMatch(h -> request.getHeader(h) != null);
    }
}
