package org.assemblyhub.web.http;

import io.vertx.core.http.HttpServerRequest;

import java.net.URI;

/**
 * Whether a state-changing request (joining with a link, leaving a device) comes from the hub's own pages. Another
 * site could otherwise post a form that logs a visitor into the attacker's identity (login CSRF) or out of theirs.
 * Browsers send {@code Sec-Fetch-Site} and {@code Origin} with such requests and pages cannot forge either: the
 * request must say {@code same-origin}, and its Origin, when given, must be this hub (its Host or its public URL).
 * A form posted from a page with {@code Referrer-Policy: no-referrer} says {@code Origin: null}; that is accepted
 * only with {@code Sec-Fetch-Site: same-origin} (older browsers without it must send a real Origin, which is why the
 * join page sets another referrer policy). A request with neither header is refused: every browser that can run the
 * client sends at least Origin on a POST.
 */
public final class SameOrigin {
    private SameOrigin() {}

    public static boolean check(HttpServerRequest request, String publicUrl) {
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if (site != null && !site.equals("same-origin")) return false;
        if (origin == null || origin.equals("null")) return site != null;
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null
                    && (authority.equalsIgnoreCase(request.getHeader("Host"))
                            || authority.equalsIgnoreCase(URI.create(publicUrl).getRawAuthority()));
        } catch (IllegalArgumentException e) {
            return false; // "null" and other opaque origins
        }
    }
}
