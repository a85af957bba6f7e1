package org.assemblyhub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Over real HTTP to a real hub: the client's own files come gzip-compressed to a browser that accepts it (a first load
 * over a slow link), the hub's answers never (BREACH: a secret beside chosen text), nor to a client that does not ask.
 */
class StaticCompressionTest {
    static TestHub hub;
    static TestHub.Setup setup;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        setup = hub.createAssembly(true, "id,name,role\nm1,Aïcha Benali,member\n");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url() + path));
        if (gzip) request.header("Accept-Encoding", "gzip, deflate");
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String encoding(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Encoding").orElse("none");
    }

    @Test
    void the_page_its_scripts_and_styles_come_compressed_when_the_browser_accepts_it() throws Exception {
        String[] paths = {"/", "/app.js", "/styles.css", "/i18n/errors.fr.js", "/a/" + setup.assemblyId()};
        for (String path : paths) {
            HttpResponse<byte[]> plain = get(path, false);
            HttpResponse<byte[]> zipped = get(path, true);
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(encoding(zipped)).as(path).isEqualTo("gzip");
            assertThat(encoding(plain)).as(path).isIn("none", "identity");
            if (plain.body().length > 4096)
                assertThat(zipped.body().length).as(path).isLessThan(plain.body().length / 2);
        }
    }

    @Test
    void the_hubs_answers_and_the_join_link_are_never_compressed() throws Exception {
        for (String path : new String[] {
            "/health",
            "/api/assemblies",
            "/api/assemblies/" + setup.assemblyId() + "/open-data.json",
            "/join/" + setup.token("m1")
        }) {
            assertThat(encoding(get(path, true))).as(path).isIn("none", "identity");
        }
    }

    @Test
    void only_the_clients_own_files_are_marked_for_compression() {
        assertThat(StaticCompression.compressed("/app.js")).isTrue();
        assertThat(StaticCompression.compressed("/webjars/lit-html/3.3.2/lit-html.js"))
                .isTrue();
        assertThat(StaticCompression.compressed("/api/assemblies/x/records.js")).isFalse();
        assertThat(StaticCompression.compressed("/join/abc.js")).isFalse();
        assertThat(StaticCompression.compressed("/a/citizens")).isFalse();
        assertThat(StaticCompression.compressed("/../secret.js")).isFalse();
    }
}
