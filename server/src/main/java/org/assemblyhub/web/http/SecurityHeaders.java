package org.assemblyhub.web.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response. No inline script or style anywhere in the client, so the CSP can stay strict; framing
 * is refused (the video issue will open frame-src for the Jitsi domain only). No referrer: invitation links carry a
 * token in their path and must not leak to other sites.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
    static final String CSP = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "connect-src 'self'", "media-src 'self' blob:", "frame-src 'none'", "frame-ancestors 'none'",
            "object-src 'none'", "base-uri 'none'", "form-action 'self'");

    @Override
    public void handle(RoutingContext rc) {
        rc.response().headers()
                .set("Content-Security-Policy", CSP)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()")
                .set("Cross-Origin-Opener-Policy", "same-origin");
        rc.next();
    }
}
