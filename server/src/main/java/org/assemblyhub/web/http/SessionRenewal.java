package org.assemblyhub.web.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;

/**
 * {@code GET /a/<assembly>} with a session cookie for that assembly: the cookie's lifetime starts again (someone
 * taking part never loses their session), becomes a browser-session cookie once the assembly is closed, and is
 * dropped if the link was revoked or replaced. Then the app is served as usual.
 */
final class SessionRenewal implements Handler<RoutingContext> {
    private final JoinRoute people;
    private final boolean secureCookies;

    SessionRenewal(JoinRoute people, boolean secureCookies) {
        this.people = people;
        this.secureCookies = secureCookies;
    }

    @Override
    public void handle(RoutingContext rc) {
        String token = Sessions.cookieToken(rc.request());
        if (token == null || !Tokens.assemblyOf(token).orElse("").equals(rc.pathParam("id"))) {
            rc.next();
            return;
        }
        people.person(token).onSuccess(person -> {
            if (!Answers.isError(person)) {
                rc.response().addCookie(Sessions.cookie(token, secureCookies, person.getBoolean("closed", false)));
            } else if ("invalid-invitation".equals(person.getString("code"))) {
                rc.response().addCookie(Sessions.expired(secureCookies));
            }
            rc.next();
        });
    }
}
