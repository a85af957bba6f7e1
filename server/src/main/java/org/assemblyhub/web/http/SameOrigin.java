package org.assemblyhub.web.http;

import io.vertx.core.http.HttpServerRequest;

import java.net.URI;

/**
 * Whether a request that carries the session cookie comes from the hub's own pages. Browsers say where a request
 * comes from ({@code Sec-Fetch-Site}, and {@code Origin} on every POST); a request that says neither is not from a
 * browser page (a script, curl) and has no cookie to ride on unless the user gave it one.
 */
public final class SameOrigin {
    private SameOrigin() {}

    public static boolean of(HttpServerRequest request, String publicUrl) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) return site.equals("same-origin") || site.equals("none");
        String origin = request.getHeader("Origin");
        if (origin == null) return true;
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && (authority.equalsIgnoreCase(request.getHeader("Host"))
                    || authority.equalsIgnoreCase(URI.create(publicUrl).getRawAuthority()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
