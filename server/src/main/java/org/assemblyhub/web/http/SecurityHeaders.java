package org.assemblyhub.web.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response. No inline script or style anywhere in the client, so the CSP can stay strict; the only
 * other origin allowed is the configured Jitsi domain (its IFrame API script and its frame), when Jitsi is the video
 * provider, and the observers' endpoint when it is on a port of its own (sockets only). Frames may also come from the
 * hub itself: the live stream's page ({@link StreamPage}), whose own policy names the stream's origin. No referrer:
 * invitation links carry a token in their path and must not leak to other sites. When the hub's public address is
 * https, browsers are told to use https only (HSTS, a year) so a person on a café's network cannot be sent to a
 * plain-http copy that reads their session cookie or their link.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
    static final String CSP = csp(null);

    static final String HSTS = "max-age=31536000";

    private final String policy;
    private final boolean https;

    public SecurityHeaders() {
        this(null, false);
    }

    /**
     * {@code jitsiDomain}: the Jitsi host (scheme-less, so it takes the page's scheme), or null; {@code https}: the
     * public URL is https (the hub itself usually sits behind a TLS proxy and sees plain http).
     */
    public SecurityHeaders(String jitsiDomain, boolean https) {
        this(jitsiDomain, https, null);
    }

    /** {@code watchOrigin}: the observers' endpoint's {@code ws(s)://host:port} when it is on another port, or null. */
    public SecurityHeaders(String jitsiDomain, boolean https, String watchOrigin) {
        this.policy = csp(jitsiDomain, watchOrigin);
        this.https = https;
    }

    static String csp(String jitsiDomain) {
        return csp(jitsiDomain, null);
    }

    static String csp(String jitsiDomain, String watchOrigin) {
        String jitsi = jitsiDomain == null ? "" : " " + jitsiDomain;
        String watch = watchOrigin == null ? "" : " " + watchOrigin;
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'" + jitsi,
                "style-src 'self'",
                "img-src 'self' data:",
                "connect-src 'self'" + watch,
                "media-src 'self' blob:",
                "frame-src 'self'" + jitsi,
                "frame-ancestors 'none'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'");
    }

    @Override
    public void handle(RoutingContext rc) {
        rc.response()
                .headers()
                .set("Content-Security-Policy", policy)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()")
                .set("Cross-Origin-Opener-Policy", "same-origin");
        if (https) rc.response().headers().set("Strict-Transport-Security", HSTS);
        rc.next();
    }
}
