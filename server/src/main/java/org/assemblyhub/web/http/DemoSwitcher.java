package org.assemblyhub.web.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.config.Loopback;
import org.assemblyhub.demo.DemoAssembly;
import org.assemblyhub.demo.DemoLinks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code GET /demo}: the demo's one-click identity switcher, for trying every role from one browser on the computer
 * that runs the demo. Each person's button posts to their invitation link, exactly as the button of the page the link
 * opens does ({@code POST /join/<token>}: same origin only, sets the session cookie, lands on the assembly); the
 * public page's button ({@code POST /demo/observer}) drops the cookie. It lists what {@code demo-links.txt} says.
 * <p>
 * It hands out every identity of the demo, so it exists only when the hub runs the demo <em>and</em> listens on a
 * loopback address (elsewhere {@code /demo} is a plain 404), and it answers only requests that name this computer:
 * a {@code Host} (and an {@code Origin}, when the browser sends one) of localhost, 127.x.x.x or [::1]. A page of
 * another site whose name was pointed at 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
 */
public final class DemoSwitcher {
    private final Vertx vertx;
    private final Path links;
    private final HubConfig config;

    private DemoSwitcher(Vertx vertx, HubConfig config) {
        this.vertx = vertx;
        this.links = DemoAssembly.links(config.dataDir());
        this.config = config;
    }

    /** The switcher is there: demo mode, on a loopback address. */
    public static boolean enabled(HubConfig config) {
        return config.demo() && Loopback.isLoopback(config.host());
    }

    /** Mounts its two routes when {@link #enabled}; otherwise mounts nothing. */
    public static void mount(Router router, Vertx vertx, HubConfig config) {
        if (!enabled(config)) return;
        DemoSwitcher switcher = new DemoSwitcher(vertx, config);
        router.get("/demo").handler(switcher::show);
        router.post("/demo/observer").handler(switcher::observe);
    }

    private void show(RoutingContext rc) {
        if (!fromThisComputer(rc.request())) {
            html(rc, 403, DemoSwitcherPage.ELSEWHERE);
            return;
        }
        DemoSwitcherPage.Language language = language(rc);
        String current = Sessions.cookieToken(rc.request());
        vertx.fileSystem().readFile(links.toString()).onComplete(read -> {
            if (read.failed()) {
                html(rc, 503, DemoSwitcherPage.NOT_READY);
                return;
            }
            DemoLinks demo = DemoLinks.parse(
                    List.of(read.result().toString(StandardCharsets.UTF_8).split("\n")));
            // The forms must send a real Origin (browsers say "null" under no-referrer); see JoinRoute.
            rc.response().putHeader("Referrer-Policy", "strict-origin");
            html(rc, 200, DemoSwitcherPage.render(language, demo, current));
        });
    }

    /** The public page, as an observer sees it: this browser forgets whom it was signed in as. */
    private void observe(RoutingContext rc) {
        if (!fromThisComputer(rc.request()) || !SameOrigin.check(rc.request(), config.publicUrl())) {
            html(rc, 403, DemoSwitcherPage.ELSEWHERE);
            return;
        }
        rc.response()
                .addCookie(Sessions.expired(config.secureCookies()))
                .putHeader("Cache-Control", "no-store")
                .putHeader("Location", "/a/" + DemoAssembly.ID)
                .setStatusCode(303)
                .end();
    }

    /** The request names this computer: its Host, and its Origin when there is a real one. */
    static boolean fromThisComputer(HttpServerRequest request) {
        HostAndPort host = request.authority();
        if (host == null || !Loopback.isLoopback(host.host())) return false;
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) return true;
        try {
            return Loopback.isLoopbackAuthority(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code ?lang=fr|en}, else the browser's first language, as the app chooses it. */
    private static DemoSwitcherPage.Language language(RoutingContext rc) {
        String asked = rc.queryParams().get("lang");
        if (asked != null) return asked.startsWith("en") ? DemoSwitcherPage.Language.EN : DemoSwitcherPage.Language.FR;
        LanguageHeader preferred = rc.preferredLanguage();
        return preferred == null || preferred.tag().toLowerCase().startsWith("fr")
                ? DemoSwitcherPage.Language.FR
                : DemoSwitcherPage.Language.EN;
    }

    private static void html(RoutingContext rc, int status, String page) {
        rc.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(page);
    }
}
