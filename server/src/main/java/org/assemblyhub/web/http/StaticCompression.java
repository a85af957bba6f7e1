package org.assemblyhub.web.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.regex.Pattern;

/**
 * The page and its scripts, styles and icons are sent compressed (gzip, when the browser accepts it): the first load
 * of a member's screen over a slow 3G link is mostly these files. Everything else goes as it is: an answer that carries
 * a secret beside text someone else chose could be guessed from its compressed size (BREACH), and learning files are
 * compressed already and served by byte ranges. The server compresses only what this handler leaves unmarked.
 */
public final class StaticCompression implements Handler<RoutingContext> {
    private static final Pattern STATIC =
            Pattern.compile("^(/|/webjars/.+|/(?!api/|join/|leave|live|demo)[\\w./-]+" + "\\.(?:js|css|html|svg))$");

    /** Whether a request's path is one of the client's own files. */
    static boolean compressed(String path) {
        return path != null && STATIC.matcher(path).matches() && !path.contains("..");
    }

    @Override
    public void handle(RoutingContext rc) {
        // Runs again when a route re-routes (/a/:id → /index.html): the last path decides.
        if (compressed(rc.normalizedPath())) rc.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
        else rc.response().putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        rc.next();
    }
}
