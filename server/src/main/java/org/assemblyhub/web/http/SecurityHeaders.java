package org.assemblyhub.web.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response. No inline script or style anywhere in the client, so the CSP can stay strict; the only
 * other origin allowed is the configured Jitsi domain (its IFrame API script and its frame), when Jitsi is the video
 * provider. No referrer: invitation links carry a token in their path and must not leak to other sites.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
    static final String CSP = csp(null);

    private final String policy;

    public SecurityHeaders() {
        this(null);
    }

    /** {@code jitsiDomain}: the Jitsi host (scheme-less, so it takes the page's scheme), or null. */
    public SecurityHeaders(String jitsiDomain) {
        this.policy = csp(jitsiDomain);
    }

    static String csp(String jitsiDomain) {
        String jitsi = jitsiDomain == null ? "" : " " + jitsiDomain;
        return String.join("; ",
                "default-src 'self'", "script-src 'self'" + jitsi, "style-src 'self'", "img-src 'self' data:",
                "connect-src 'self'", "media-src 'self' blob:", "frame-src " + (jitsiDomain == null ? "'none'" : jitsiDomain.strip()),
                "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'");
    }

    @Override
    public void handle(RoutingContext rc) {
        rc.response().headers()
                .set("Content-Security-Policy", policy)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()")
                .set("Cross-Origin-Opener-Policy", "same-origin");
        rc.next();
    }
}
