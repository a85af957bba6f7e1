package org.assemblyhub.web.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;

/**
 * {@code /stream/<assembly>}: the plenary's live stream, as a page the observer page frames. It has a page of its own
 * because its Content-Security-Policy must name the stream's origin, which an organiser sets and changes during the
 * evening: the assembly's page keeps its strict policy (it frames only the hub itself), and this page, asked again
 * whenever the stream changes, allows that one origin — for media and fetches (an HLS playlist played by hls.js) or
 * as a frame (an embeddable player) — and nothing else. It asks for no camera or microphone, and may be framed only
 * by the hub's own pages.
 */
public final class StreamPage {
    static final String HLS_JS = "/webjars/hls.js/1.4.12/dist/hls.min.js";

    private final EngineClient engines;

    public StreamPage(EngineClient engines) {
        this.engines = engines;
    }

    public void mount(Router router) {
        router.get("/stream/:id").handler(this::show);
    }

    private void show(RoutingContext rc) {
        String token = Sessions.tokenOf(rc.request());
        if (token != null && !Tokens.assemblyOf(token).orElse("").equals(rc.pathParam("id"))) token = null;
        boolean french = "fr".equals(rc.request().getParam("lang"));
        JsonObject request = new JsonObject().put("what", "live-stream").put("token", token);
        engines.engine(rc.pathParam("id"), "records", request).onSuccess(answer -> {
            if (Answers.isError(answer)) {
                HttpErrors.json(rc, HttpErrors.statusOf(answer.getString("code")), answer);
                return;
            }
            JsonObject stream = answer.getJsonObject("data", new JsonObject());
            String origin = stream.getString("origin");
            rc.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader("Content-Security-Policy", csp(stream.getString("kind"), origin))
                    .putHeader("X-Frame-Options", "SAMEORIGIN")
                    .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
                    .end(html(stream, french));
        });
    }

    /** The stream's origin only where its kind needs it: media and fetches for HLS, a frame for a player. */
    static String csp(String kind, String origin) {
        boolean hls = "hls".equals(kind) && origin != null;
        boolean embed = "embed".equals(kind) && origin != null;
        return String.join(
                "; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "media-src 'self' blob:" + (hls ? " " + origin : ""),
                "connect-src 'self'" + (hls ? " " + origin : ""),
                "frame-src " + (embed ? origin : "'none'"),
                "frame-ancestors 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'none'");
    }

    static String html(JsonObject stream, boolean french) {
        String title = french ? "Direct de la plénière" : "Live stream of the plenary";
        String url = stream.getString("url");
        String body;
        if (url == null) {
            body = "<p data-testid=\"no-stream\">"
                    + (french
                            ? "Aucun direct pour l'instant : il apparaîtra ici dès que les organisateurs l'auront fixé."
                            : "No live stream yet: it will appear here as soon as the organisers set one.")
                    + "</p>";
        } else if ("hls".equals(stream.getString("kind"))) {
            body = "<video id=\"stream\" controls playsinline preload=\"none\" data-src=\""
                    + JoinPages.escape(url) + "\" aria-label=\"" + title + "\"></video>"
                    + "<p id=\"stream-problem\" role=\"alert\" hidden data-text=\""
                    + (french
                            ? "Le direct ne peut pas être lu dans ce navigateur."
                            : "The live stream cannot be played in this browser.")
                    + "\"></p>"
                    + "<script src=\"" + HLS_JS + "\"></script>"
                    + "<script type=\"module\" src=\"/video/stream-page.js\"></script>";
        } else {
            body = "<iframe id=\"stream\" src=\"" + JoinPages.escape(url) + "\" title=\"" + title + "\""
                    + " allow=\"fullscreen; autoplay; encrypted-media; picture-in-picture\" allowfullscreen"
                    + " sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\""
                    + " referrerpolicy=\"no-referrer\"></iframe>";
        }
        return "<!doctype html><html lang=\"" + (french ? "fr" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title><link rel=\"stylesheet\" href=\"/video/stream-page.css\"></head>"
                + "<body>" + body + "</body></html>";
    }
}
