package org.assemblyhub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * The invitation link and the session cookie over real HTTP: opening a link changes nothing, only a same-origin
 * POST from its page signs in (no login CSRF); the cookie lives 30 days, renewed on use, for the browser session
 * once the assembly is closed, and is cleared by leaving the device or by a revoked link.
 */
class InvitationLinkTest {
    static final String ROSTER = "id,name,role\nm1,Aïcha Benali,member\nm2,Jean <Dupont>,member\n";
    static final long THIRTY_DAYS = 30L * 24 * 3600;

    TestHub hub;
    TestHub.Setup setup;
    final HttpClient http = HttpClient.newHttpClient(); // follows no redirects: the 303 is what we check

    @BeforeEach
    void assembly() {
        hub = new TestHub();
        setup = hub.createAssembly(false, ROSTER);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String cookieToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url() + path));
        if (cookieToken != null) request.header("Cookie", Sessions.COOKIE + "=" + cookieToken);
        return request;
    }

    /** What a browser sends when the hub's own join page is submitted. */
    private HttpResponse<String> postFromTheHub(String path, String cookieToken) {
        return send(request(path, cookieToken)
                .header("Origin", hub.url())
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Sessions.COOKIE + "="))
                .findFirst();
    }

    @Test
    void opening_an_invitation_link_shows_who_it_is_for_and_sets_no_cookie() {
        HttpResponse<String> page =
                send(request("/join/" + setup.token("m1"), null).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(page)).isEmpty();
        assertThat(page.body())
                .contains("Aïcha Benali")
                .contains("You are joining the assembly as")
                .contains("Vous rejoignez l'assemblée en tant que")
                .contains("<form method=\"post\" action=\"/join/" + setup.token("m1") + "\">")
                .doesNotContain("<script");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy"))
                .as("its form sends a real Origin, never the link")
                .hasValue("strict-origin");
    }

    @Test
    void a_join_posted_from_another_site_or_without_origin_is_refused_and_sets_no_cookie() {
        String link = "/join/" + setup.token("m1");
        List<HttpResponse<String>> refused = List.of(
                send(request(link, null)
                        .header("Origin", "https://attacker.example")
                        .header("Sec-Fetch-Site", "cross-site")
                        .POST(HttpRequest.BodyPublishers.noBody())),
                send(request(link, null)
                        .header("Sec-Fetch-Site", "same-site")
                        .POST(HttpRequest.BodyPublishers.noBody())),
                send(request(link, null)
                        .header("Origin", "https://attacker.example")
                        .POST(HttpRequest.BodyPublishers.noBody())),
                send(request(link, null).header("Origin", "null").POST(HttpRequest.BodyPublishers.noBody())),
                send(request(link, null).POST(HttpRequest.BodyPublishers.noBody())));

        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(sessionCookie(response)).isEmpty();
            assertThat(response.body())
                    .contains("This request came from another site")
                    .contains("Cette demande venait d'un autre site");
        }
    }

    @Test
    void the_join_page_posted_from_the_hub_sets_a_thirty_day_cookie_and_lands_on_the_assembly() {
        HttpResponse<String> joined = postFromTheHub("/join/" + setup.token("m1"), null);

        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.headers().firstValue("Location")).hasValue("/a/" + setup.assemblyId());
        String cookie = sessionCookie(joined).orElseThrow();
        assertThat(cookie)
                .startsWith(Sessions.COOKIE + "=" + setup.token("m1") + ";")
                .contains("Max-Age=" + THIRTY_DAYS)
                .containsIgnoringCase("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Path=/");
        assertThat(cookie).as("not Secure on a plain-http hub").doesNotContain("Secure");

        // What a browser sends for a form posted from a page under Referrer-Policy: no-referrer.
        HttpResponse<String> opaque = send(request("/join/" + setup.token("m2"), null)
                .header("Origin", "null")
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(opaque.statusCode()).isEqualTo(303);
        assertThat(sessionCookie(opaque)).isPresent();
    }

    @Test
    void a_browser_signed_in_as_someone_else_is_told_so_and_opening_ones_own_link_again_goes_straight_in() {
        HttpResponse<String> page =
                send(request("/join/" + setup.token("m2"), setup.token("m1")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "This device is signed in as <strong>Aïcha Benali</strong>. Continue as <strong>Jean &lt;Dupont&gt;</strong>?")
                .contains("Cet appareil est connecté en tant que <strong>Aïcha Benali</strong>")
                .doesNotContain("Jean <Dupont>");
        assertThat(sessionCookie(page)).isEmpty();

        HttpResponse<String> again =
                send(request("/join/" + setup.token("m1"), setup.token("m1")).GET());
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue("/a/" + setup.assemblyId());
        assertThat(sessionCookie(again)).isEmpty();
    }

    @Test
    void opening_the_assembly_renews_the_cookie_and_a_revoked_link_clears_it() {
        HttpResponse<String> app =
                send(request("/a/" + setup.assemblyId(), setup.token("m1")).GET());
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(app).orElseThrow()).contains("Max-Age=" + THIRTY_DAYS);

        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("revoke", "revoke-invitation", new JsonObject().put("personId", "m1"));
        HttpResponse<String> revoked =
                send(request("/a/" + setup.assemblyId(), setup.token("m1")).GET());
        assertThat(sessionCookie(revoked).orElseThrow())
                .startsWith(Sessions.COOKIE + "=;")
                .contains("Max-Age=0");
        assertThat(postFromTheHub("/join/" + setup.token("m1"), null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void once_the_assembly_is_closed_the_cookie_lasts_only_for_the_browser_session() {
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("close", "change-phase", new JsonObject().put("phase", "closed"));

        String joined = sessionCookie(postFromTheHub("/join/" + setup.token("m1"), null))
                .orElseThrow();
        assertThat(joined)
                .startsWith(Sessions.COOKIE + "=" + setup.token("m1"))
                .doesNotContain("Max-Age")
                .doesNotContain("Expires");
        String renewed = sessionCookie(send(
                        request("/a/" + setup.assemblyId(), setup.token("m1")).GET()))
                .orElseThrow();
        assertThat(renewed).doesNotContain("Max-Age").doesNotContain("Expires");
    }

    @Test
    void leaving_the_device_clears_the_cookie_but_only_when_asked_from_the_hubs_own_pages() {
        HttpResponse<String> left = postFromTheHub("/leave", setup.token("m1"));
        assertThat(left.statusCode()).isEqualTo(204);
        assertThat(sessionCookie(left).orElseThrow())
                .startsWith(Sessions.COOKIE + "=;")
                .contains("Max-Age=0");

        HttpResponse<String> forged = send(request("/leave", setup.token("m1"))
                .header("Origin", "https://attacker.example")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(sessionCookie(forged)).isEmpty();
        assertThat(new JsonObject(forged.body()).getString("code")).isEqualTo("cross-site-request");
    }
}
