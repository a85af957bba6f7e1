package org.assemblyhub.web.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;

/**
 * The session cookie holds the person's invitation token itself: nothing to store on the server, it survives
 * restarts, and revoking the invitation ends the session. HttpOnly so page scripts never see it.
 */
public final class Sessions {
    public static final String COOKIE = "ah_session";
    private static final long MAX_AGE_SECONDS = 120L * 24 * 3600;

    private Sessions() {}

    public static Cookie cookie(String token, boolean secure) {
        return Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.LAX).setMaxAge(MAX_AGE_SECONDS);
    }

    /** The token from the session cookie, or from an {@code Authorization: Bearer} header (scripts, tests). */
    public static String tokenOf(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        Cookie cookie = request.getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }
}
