package org.assemblyhub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** The headers every answer carries, over real HTTP: HSTS only when the hub's public address is https. */
class SecurityHeadersTest {
    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> get(SecurityHeaders headers) throws Exception {
        Router router = Router.router(vertx);
        router.route().handler(headers);
        router.get("/").handler(rc -> rc.response().end("ok"));
        int port = TestHub.freePort();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(port, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } finally {
            server.close();
        }
    }

    @Test
    void a_hub_whose_public_address_is_https_tells_browsers_to_use_https_only() throws Exception {
        HttpResponse<String> response = get(new SecurityHeaders(null, true));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'");
    }

    @Test
    void a_plain_http_hub_sends_no_hsts() throws Exception {
        HttpResponse<String> response = get(new SecurityHeaders(null, false));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
}
