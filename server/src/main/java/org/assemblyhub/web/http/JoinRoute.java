package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;

/**
 * The personal invitation link, {@code /join/<token>}. Opening it ({@code GET}) only shows who the link is for, and
 * whom this browser is signed in as if that is someone else; pressing the page's button posts the same URL, which
 * — checked to come from the hub's own page — sets the session cookie and lands on the assembly. So another site can
 * neither sign a visitor in as someone else (login CSRF), nor can a mail scanner or a link preview that fetches the
 * link change anything. An invalid link gets a page in French and English saying what to do.
 */
final class JoinRoute {
    private final EngineClient engines;
    private final boolean secureCookies;
    private final String publicUrl;

    JoinRoute(EngineClient engines, boolean secureCookies, String publicUrl) {
        this.engines = engines;
        this.secureCookies = secureCookies;
        this.publicUrl = publicUrl;
    }

    /** GET: the confirmation page; sets nothing. The person already signed in with this very link goes straight in. */
    void show(RoutingContext rc) {
        String token = rc.pathParam("token");
        String current = Sessions.cookieToken(rc.request());
        person(token).onSuccess(person -> {
            if (Answers.isError(person)) {
                refuse(rc, person);
                return;
            }
            if (token.equals(current)) {
                rc.response()
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("Location", "/a/" + person.getString("assemblyId"))
                        .setStatusCode(303)
                        .end();
                return;
            }
            Future<JsonObject> other = current == null ? Future.succeededFuture(null) : person(current);
            other.onSuccess(signedIn -> {
                String signedInAs =
                        signedIn == null || Answers.isError(signedIn) ? null : signedIn.getString("displayName");
                // Its form must send a real Origin (browsers say "null" under no-referrer); strict-origin still never
                // sends the link's path, which holds the token, to anyone.
                rc.response().putHeader("Referrer-Policy", "strict-origin");
                html(
                        rc,
                        200,
                        JoinPages.confirm(
                                token, person.getString("title"), person.getString("displayName"), signedInAs));
            });
        });
    }

    /** POST from the confirmation page: same origin only, then the cookie and the assembly. */
    void join(RoutingContext rc) {
        if (!SameOrigin.check(rc.request(), publicUrl)) {
            html(rc, 403, JoinPages.CROSS_SITE);
            return;
        }
        String token = rc.pathParam("token");
        person(token).onSuccess(person -> {
            if (Answers.isError(person)) {
                refuse(rc, person);
                return;
            }
            rc.response()
                    .addCookie(Sessions.cookie(token, secureCookies, person.getBoolean("closed", false)))
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("Location", "/a/" + person.getString("assemblyId"))
                    .setStatusCode(303)
                    .end();
        });
    }

    /**
     * Who a token belongs to, with the assembly's title and whether it is closed; otherwise an error answer
     * ({@code invalid-invitation}, {@code no-such-assembly}, {@code unavailable}).
     */
    Future<JsonObject> person(String token) {
        String assemblyId = Tokens.assemblyOf(token).orElse(null);
        if (assemblyId == null)
            return Future.succeededFuture(Answers.error("invalid-invitation", "This is not an invitation link."));
        return engines.engine(assemblyId, "identify", new JsonObject().put("token", token))
                .compose(identity -> {
                    if (Answers.isError(identity)) return Future.succeededFuture(identity);
                    return engines.engine(assemblyId, "summary", new JsonObject())
                            .map(summary -> Answers.isError(summary)
                                    ? summary
                                    : identity.copy()
                                            .put("title", summary.getString("title"))
                                            .put("closed", "closed".equals(summary.getString("phase"))));
                });
    }

    private static void refuse(RoutingContext rc, JsonObject error) {
        boolean unavailable = "unavailable".equals(error.getString("code"));
        html(rc, unavailable ? 503 : 403, unavailable ? JoinPages.UNAVAILABLE : JoinPages.INVALID);
    }

    private static void html(RoutingContext rc, int status, String page) {
        rc.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(page);
    }
}
