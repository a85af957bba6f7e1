package org.assemblyhub.web.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;

/**
 * The session cookie holds the person's invitation token itself: nothing to store on the server, it survives
 * restarts, and revoking the invitation ends the session. HttpOnly so page scripts never see it.
 *
 * <p>How long a device keeps it: members share family tablets and library computers, so the cookie must not outlive
 * the assembly by months. It lasts {@link #LIFETIME} and is renewed each time the person opens their link or the
 * assembly's page ({@link SessionRenewal}): someone taking part weekly never loses it, a device left unused for a
 * month forgets it. Once the assembly is closed it becomes a browser-session cookie (gone when the browser closes);
 * "Leave this device" clears it at once. The run-of-show scripts carry planned dates, but the hub's clock does not
 * keep them yet, so the lifetime is not tied to the last planned session.
 */
public final class Sessions {
    public static final String COOKIE = "ah_session";
    public static final Duration LIFETIME = Duration.ofDays(30);

    private Sessions() {}

    /**
     * The cookie for a valid token: {@link #LIFETIME} while the assembly runs, this browser session once it is closed.
     */
    public static Cookie cookie(String token, boolean secure, boolean assemblyClosed) {
        Cookie cookie = base(token, secure);
        return assemblyClosed ? cookie : cookie.setMaxAge(LIFETIME.toSeconds());
    }

    /** Tells the browser to drop the session cookie (a revoked link, or the person left this device). */
    public static Cookie expired(boolean secure) {
        return base("", secure).setMaxAge(0);
    }

    private static Cookie base(String value, boolean secure) {
        return Cookie.cookie(COOKIE, value)
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.LAX);
    }

    /** The token from the session cookie, or from an {@code Authorization: Bearer} header (scripts, tests). */
    public static String tokenOf(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return cookieToken(request);
    }

    /** The token from the session cookie only (what a browser holds). */
    public static String cookieToken(HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }
}
