package org.assemblyhub.web.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.web.live.ClientLimits;

/** The HTTP API's rate limit per client address: over budget, {@code 429 rate-limited} before any work is done. */
public final class RequestBudget implements Handler<RoutingContext> {
    private final ClientLimits limits;

    public RequestBudget(ClientLimits limits) {
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext rc) {
        if (limits.tryRequest(limits.addressOf(rc.request()))) {
            rc.next();
            return;
        }
        rc.response().putHeader("Retry-After", "1");
        HttpErrors.error(rc, 429, "rate-limited", "Too many requests at once. Please wait a moment and try again.");
    }
}
