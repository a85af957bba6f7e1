package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.organisation.Organisations;
import org.assemblyhub.organisation.domain.Admin;
import org.assemblyhub.organisation.domain.Organisation;
import org.assemblyhub.store.AssemblyIds;

import java.time.Duration;

/**
 * Who administers an organisation: the token of an administrator's link ({@code <organisation>.<random>}), from the
 * {@code ah_admin} cookie the link sets, or {@code Authorization: Bearer}. A request for another organisation than
 * the administrator's own is refused the same way whether or not it exists: nothing of one leaks to another.
 */
final class AdminAccess {
    static final String COOKIE = "ah_admin";
    static final Duration LIFETIME = Duration.ofDays(30);

    /** An administrator with their organisation as it is kept now. */
    record Admitted(Organisation organisation, Admin admin) {}

    private AdminAccess() {}

    static Cookie cookie(String token, boolean secure) {
        return Cookie.cookie(COOKIE, token)
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.LAX)
                .setMaxAge(LIFETIME.toSeconds());
    }

    /** The administrator behind the request if they administer {@code organisationId}; else a {@code Refused}. */
    static Future<Admitted> check(
            RoutingContext rc, Organisations organisations, String publicUrl, String organisationId, boolean changes) {
        String authorization = rc.request().getHeader("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        Cookie cookie = rc.request().getCookie(COOKIE);
        String token = bearer ? authorization.substring(7).trim() : cookie == null ? null : cookie.getValue();
        String own = Tokens.assemblyOf(token).orElse(null);
        if (own == null || !AssemblyIds.isValid(own)) {
            return Future.failedFuture(new Senders.Refused(
                    401, "admin-required", "Open your administrator's link first (or send it as a Bearer token)."));
        }
        if (changes && !bearer && !SameOrigin.check(rc.request(), publicUrl)) {
            return Future.failedFuture(new Senders.Refused(
                    403, "cross-site-request", "This request did not come from the hub's own pages."));
        }
        return organisations.find(own).compose(found -> {
            Admin admin =
                    found.flatMap(o -> o.adminByTokenHash(Tokens.hash(token))).orElse(null);
            if (admin == null) {
                return Future.failedFuture(new Senders.Refused(
                        401, "admin-required", "This administrator's link is not valid (any more)."));
            }
            if (!own.equals(organisationId)) {
                return Future.failedFuture(new Senders.Refused(
                        403, "wrong-organisation", "You administer another organisation than this one."));
            }
            return Future.succeededFuture(new Admitted(found.get(), admin));
        });
    }
}
