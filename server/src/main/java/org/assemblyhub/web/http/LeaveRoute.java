package org.assemblyhub.web.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /leave} — "Leave this device": the browser forgets the session cookie (HttpOnly, so only the hub can
 * clear it). The page itself removes the person's own data from the device's storage first, and only theirs:
 * {@code Clear-Site-Data: "storage"} would also wipe the ballot secrets of others who use the same device. Same
 * origin only, so another site cannot sign people out.
 */
final class LeaveRoute implements Handler<RoutingContext> {
    private final boolean secureCookies;
    private final String publicUrl;

    LeaveRoute(boolean secureCookies, String publicUrl) {
        this.secureCookies = secureCookies;
        this.publicUrl = publicUrl;
    }

    @Override
    public void handle(RoutingContext rc) {
        if (!SameOrigin.check(rc.request(), publicUrl)) {
            HttpErrors.error(
                    rc,
                    403,
                    "cross-site-request",
                    "This request came from another site. · Cette demande venait d'un autre site.");
            return;
        }
        rc.response()
                .addCookie(Sessions.expired(secureCookies))
                .putHeader("Cache-Control", "no-store")
                .setStatusCode(204)
                .end();
    }
}
