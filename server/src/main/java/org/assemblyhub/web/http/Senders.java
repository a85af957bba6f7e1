package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;

import java.util.Set;

/**
 * Who sends a request that changes an assembly: the invitation behind the session cookie or the {@code Authorization:
 * Bearer} token, asked of the assembly's engine. A request that rides on the cookie must come from the hub's own
 * pages ({@link SameOrigin}): another site's page cannot make a browser act for its owner.
 */
final class Senders {
    /** A refusal already worded for HTTP. */
    record Refusal(int status, JsonObject body) {}

    static final class Refused extends RuntimeException {
        final Refusal refusal;

        Refused(int status, String code, String message) {
            this(status, new JsonObject().put("code", code).put("message", message));
        }

        Refused(int status, JsonObject body) {
            super(body.getString("code"), null, false, false);
            this.refusal = new Refusal(status, body);
        }
    }

    private Senders() {}

    /**
     * The sender ({@code {personId, role}}) if their role is one of {@code roles}; otherwise a failed future with a
     * {@link Refused}: no token or one of another assembly 401 {@code invitation-required}, a cookie from another
     * site 403 {@code cross-site-request}, a role not allowed 403 {@code forbidden}.
     */
    static Future<JsonObject> identify(
            RoutingContext rc, EngineClient engines, String publicUrl, Set<String> roles, String refusal) {
        String assemblyId = rc.pathParam("id");
        String token = Sessions.tokenOf(rc.request());
        if (token == null || !Tokens.assemblyOf(token).orElse("").equals(assemblyId)) {
            return Future.failedFuture(new Refused(401, "invitation-required", "Open your invitation link first."));
        }
        String authorization = rc.request().getHeader("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer && !SameOrigin.check(rc.request(), publicUrl)) {
            return Future.failedFuture(
                    new Refused(403, "cross-site-request", "This request did not come from the hub's own pages."));
        }
        return engines.engine(assemblyId, "identify", new JsonObject().put("token", token))
                .compose(who -> {
                    if (Answers.isError(who)) {
                        return Future.failedFuture(new Refused(HttpErrors.statusOf(who.getString("code")), who));
                    }
                    if (!roles.contains(who.getString("role"))) {
                        return Future.failedFuture(new Refused(403, "forbidden", refusal));
                    }
                    return Future.succeededFuture(who);
                });
    }
}
