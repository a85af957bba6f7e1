package org.assemblyhub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.assemblyhub.testing.TestVideos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Uploading and serving learning files over real sockets (docs/learning.md, "Files"): who may upload (known before the
 * body is read), limits while streaming, content checks, the engine's say, ranges for video players, and that a
 * refusal or a path never reveals or reaches anything else.
 */
class FilesApiTest {
    static TestHub hub;
    static TestHub.Setup setup;
    static String id;
    static LiveClient organiser;
    static String moduleId;
    static byte[] video;
    /** HTTP/1.1 as browsers speak to the hub (behind its proxy); {@link #http2} upgrades in clear text (h2c). */
    static final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static final HttpClient http2 =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

    @BeforeAll
    static void anAssemblyWithAMemberAnObserverAndTwoExperts() throws Exception {
        // A generous request budget: this test sends many requests from one address within a second or two.
        hub = new TestHub(new LimitsConfig(200, 10_000, false, 1024L * 1024 * 1024, 32L * 1024 * 1024));
        setup = hub.createAssembly(
                true,
                "id,name,role\nm1,Member One,member\no1,Press,observer\nx1,Dr Diallo,expert\nx2,Dr Other,expert\n");
        id = setup.assemblyId();
        organiser = hub.client(setup.token("organiser-1")).join(id);
        JsonNode module = organiser.call(
                "mod",
                "publish-module",
                new JsonObject().put("title", "Week 1").put("authors", new JsonArray().add("x1")));
        moduleId = module.path("result").path("moduleId").asText();
        video = Files.readAllBytes(TestVideos.mp4(Files.createTempFile("talk", ".bin"), 4));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static HttpResponse<byte[]> upload(String bearer, String kind, String name, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(hub.url() + "/api/assemblies/" + id + "/files?kind=" + kind + "&name=" + name))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return send(request.build());
    }

    static HttpResponse<byte[]> get(String path, String cookieToken, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url() + path));
        if (cookieToken != null) request.header("Cookie", "ah_session=" + cookieToken);
        if (headers.length > 0) request.headers(headers);
        return send(request.build());
    }

    static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<byte[]> response) {
        return new JsonObject(new String(response.body(), StandardCharsets.UTF_8));
    }

    static String code(HttpResponse<byte[]> response) {
        return json(response).getString("code");
    }

    static String filePath(String hash) {
        return "/api/assemblies/" + id + "/files/" + hash;
    }

    static String organiserToken() {
        return setup.token("organiser-1");
    }

    static String uploaded(String kind, String name, byte[] bytes) {
        HttpResponse<byte[]> response = upload(organiserToken(), kind, name, bytes);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
        return json(response).getString("hash");
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static List<String> folder() throws Exception {
        try (Stream<Path> files = Files.list(hub.dataDir().resolve("files").resolve(id))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Sends a request head (and no body) on a raw socket and reads whatever comes back until the hub closes it. */
    static String raw(String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", hub.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) answer.write(buffer, 0, n);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static String uploadHead(String authorization, String kind, long contentLength) {
        return "POST /api/assemblies/" + id + "/files?kind=" + kind + "&name=x HTTP/1.1\r\n" + "Host: 127.0.0.1:"
                + hub.port() + "\r\n" + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    static byte[] pdf(int pages) throws Exception {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void an_organisers_video_is_stored_under_its_hash_and_a_member_gets_the_same_bytes() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(
                        URI.create(hub.url() + "/api/assemblies/" + id + "/files?kind=video&name=Talk%201.mp4"))
                .header("Authorization", "Bearer " + organiserToken())
                .expectContinue(true) // the hub says "go on" only once it knows who sends
                .POST(HttpRequest.BodyPublishers.ofByteArray(video))
                .build());

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
        JsonObject file = json(response);
        assertThat(file.getString("hash")).isEqualTo(sha256(video));
        assertThat(file.getString("kind")).isEqualTo("video");
        assertThat(file.getString("mediaType")).isEqualTo("video/mp4");
        assertThat(file.getLong("bytes")).isEqualTo(video.length);
        assertThat(file.getString("name")).isEqualTo("Talk 1.mp4");
        assertThat(hub.dataDir().resolve("files/" + id + "/" + file.getString("hash")))
                .hasBinaryContent(video);

        HttpResponse<byte[]> got = get(filePath(file.getString("hash")), setup.token("m1"));
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(video);
        assertThat(got.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(got.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(got.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(got.headers().firstValue("Content-Disposition")).contains("inline; filename*=UTF-8''Talk%201.mp4");
        assertThat(got.headers().firstValue("Cache-Control").orElse("")).startsWith("private");
    }

    @Test
    void a_video_player_gets_exactly_the_bytes_of_the_range_it_asks_for_and_416_past_the_end() throws Exception {
        String hash = uploaded("video", "talk.mp4", video);
        String member = setup.token("m1");

        HttpResponse<byte[]> part = get(filePath(hash), member, "Range", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(video, 100, 200));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/" + video.length);

        HttpResponse<byte[]> rest = get(filePath(hash), member, "Range", "bytes=" + (video.length - 10) + "-");
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(video, video.length - 10, video.length));

        HttpResponse<byte[]> tail = get(filePath(hash), member, "Range", "bytes=-7");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(video, video.length - 7, video.length));

        HttpResponse<byte[]> past = get(filePath(hash), member, "Range", "bytes=" + video.length + "-");
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.headers().firstValue("Content-Range")).contains("bytes */" + video.length);
    }

    @Test
    void an_upload_over_the_limit_is_413_and_leaves_nothing_behind() throws Exception {
        byte[] tooLong = ("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n" + "x".repeat(1024 * 1024)).getBytes();

        HttpResponse<byte[]> response = upload(organiserToken(), "captions", "long.vtt", tooLong);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(code(response)).isEqualTo("upload-too-large");
        assertThat(folder()).noneMatch(name -> name.startsWith(".upload-")).doesNotContain(sha256(tooLong));
    }

    @Test
    void a_body_of_unannounced_length_is_counted_as_it_streams_and_stopped_past_the_limit() throws Exception {
        byte[] tooLong = ("# Long\n\n" + "a".repeat(1024 * 1024)).getBytes();
        for (HttpClient client : List.of(http, http2)) {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(URI.create(
                                    hub.url() + "/api/assemblies/" + id + "/files?kind=markdown&name=long.md"))
                            .header("Authorization", "Bearer " + organiserToken())
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLong)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).as(client.version().toString()).isEqualTo(413);
            assertThat(code(response)).isEqualTo("upload-too-large");
            assertThat(folder()).noneMatch(name -> name.startsWith(".upload-")).doesNotContain(sha256(tooLong));
        }
    }

    @Test
    void over_http2_in_clear_text_uploads_are_stored_and_refused_as_over_http1() throws Exception {
        byte[] notes = "# Over HTTP/2\n".getBytes();
        HttpResponse<byte[]> warm = http2.send(
                HttpRequest.newBuilder(URI.create(hub.url() + "/health")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(warm.version()).isEqualTo(HttpClient.Version.HTTP_2);
        HttpResponse<byte[]> stored = http2.send(
                HttpRequest.newBuilder(
                                URI.create(hub.url() + "/api/assemblies/" + id + "/files?kind=markdown&name=h2.md"))
                        .header("Authorization", "Bearer " + organiserToken())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(notes))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stored.statusCode()).as(new String(stored.body())).isEqualTo(201);
        assertThat(json(stored).getString("hash")).isEqualTo(sha256(notes));

        HttpResponse<byte[]> wrong = http2.send(
                HttpRequest.newBuilder(
                                URI.create(hub.url() + "/api/assemblies/" + id + "/files?kind=video&name=talk.mp4"))
                        .header("Authorization", "Bearer " + organiserToken())
                        .POST(HttpRequest.BodyPublishers.ofByteArray("plain text".getBytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(wrong.statusCode()).isEqualTo(415);
    }

    @Test
    void a_body_announced_over_the_limit_is_refused_before_it_is_sent() throws Exception {
        String answer = raw(uploadHead("Bearer " + organiserToken(), "video", 600L * 1024 * 1024));

        assertThat(answer).startsWith("HTTP/1.1 413").contains("upload-too-large");
    }

    @Test
    void a_file_whose_content_is_not_its_kind_is_415_and_a_damaged_pdf_422() throws Exception {
        HttpResponse<byte[]> text = upload(organiserToken(), "video", "talk.mp4", "not a video at all".getBytes());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(code(text)).isEqualTo("upload-wrong-type");

        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes();
        HttpResponse<byte[]> page = upload(organiserToken(), "pdf", "reading.pdf", html);
        assertThat(page.statusCode()).isEqualTo(415);

        byte[] damaged = "%PDF-1.7\n1 0 obj\n<<>>\nnothing else\n".getBytes();
        HttpResponse<byte[]> pdf = upload(organiserToken(), "pdf", "reading.pdf", damaged);
        assertThat(pdf.statusCode()).isEqualTo(422);
        assertThat(code(pdf)).isEqualTo("pdf-unreadable");

        HttpResponse<byte[]> script =
                upload(organiserToken(), "markdown", "r.md", "[x](javascript:alert(1))".getBytes());
        assertThat(script.statusCode()).isEqualTo(422);
        assertThat(code(script)).isEqualTo("markdown-unsafe");

        assertThat(folder())
                .noneMatch(name -> name.startsWith(".upload-"))
                .doesNotContain(sha256(html), sha256(damaged));
    }

    @Test
    void observers_and_anonymous_senders_are_refused_before_the_body_is_read() throws Exception {
        // The head announces a body that never comes: the answer can only come from the head.
        assertThat(raw(uploadHead(null, "video", 1_000_000)))
                .startsWith("HTTP/1.1 401")
                .contains("invitation-required");
        assertThat(raw(uploadHead("Bearer " + setup.token("o1"), "video", 1_000_000)))
                .startsWith("HTTP/1.1 403")
                .contains("forbidden");
    }

    @Test
    void a_member_cannot_upload_nor_can_another_site_with_an_organisers_cookie() throws Exception {
        HttpResponse<byte[]> member = upload(setup.token("m1"), "markdown", "notes.md", "# Hi".getBytes());
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(code(member)).isEqualTo("forbidden");

        HttpResponse<byte[]> crossSite = send(HttpRequest.newBuilder(
                        URI.create(hub.url() + "/api/assemblies/" + id + "/files?kind=markdown&name=a.md"))
                .header("Cookie", "ah_session=" + organiserToken())
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("# Hi"))
                .build());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(code(crossSite)).isEqualTo("cross-site-request");

        HttpResponse<byte[]> kind = upload(organiserToken(), "audio", "a.mp3", "x".getBytes());
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(code(kind)).isEqualTo("invalid-args");
    }

    @Test
    void an_expert_named_for_a_module_may_upload_and_the_file_of_one_the_engine_refuses_is_removed() throws Exception {
        byte[] reading = "# From Dr Diallo\n\nSee [the data](https://example.org/data).\n".getBytes();
        HttpResponse<byte[]> named = upload(setup.token("x1"), "markdown", "reading.md", reading);
        assertThat(named.statusCode()).as(new String(named.body())).isEqualTo(201);

        byte[] other = "# Not asked for\n".getBytes();
        HttpResponse<byte[]> notNamed = upload(setup.token("x2"), "markdown", "other.md", other);
        assertThat(code(notNamed)).isEqualTo("not-an-author");
        assertThat(notNamed.statusCode()).isEqualTo(403);
        assertThat(folder()).doesNotContain(sha256(other)).contains(sha256(reading));

        // The same bytes as a file already stored: the engine's refusal must not remove the other's file.
        HttpResponse<byte[]> again = upload(setup.token("x2"), "markdown", "copy.md", reading);
        assertThat(code(again)).isEqualTo("not-an-author");
        assertThat(folder()).contains(sha256(reading));
    }

    @Test
    void a_file_of_no_public_item_is_404_for_anonymous_visitors_until_a_public_item_uses_it() throws Exception {
        String hash = uploaded("pdf", "reading.pdf", pdf(2));
        assertThat(json(upload(organiserToken(), "pdf", "again.pdf", pdf(2))).getInteger("pages"))
                .isEqualTo(2);

        HttpResponse<byte[]> anonymous = get(filePath(hash), null);
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(code(anonymous)).isEqualTo("no-such-file");
        assertThat(get(filePath("0".repeat(64)), null).body()).isEqualTo(anonymous.body()); // nothing to tell apart
        assertThat(get(filePath(hash), setup.token("o1")).statusCode()).isEqualTo(404);

        JsonNode published = organiser.call(
                "item",
                "publish-item",
                new JsonObject()
                        .put("moduleId", moduleId)
                        .put("kind", "reading")
                        .put("title", "The report")
                        .put("file", hash)
                        .put("public", true));
        assertThat(published.path("type").asText()).as(published.toString()).isEqualTo("ack");

        HttpResponse<byte[]> now = get(filePath(hash), null);
        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(now.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(now.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
    }

    @Test
    void captions_are_served_as_webvtt_and_markdown_as_an_attachment_or_rendered_html() throws Exception {
        String captions = uploaded("captions", "talk.vtt", TestVideos.captions().getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> vtt = get(filePath(captions), setup.token("m1"));
        assertThat(vtt.statusCode()).isEqualTo(200);
        assertThat(vtt.headers().firstValue("Content-Type")).contains("text/vtt; charset=utf-8");
        assertThat(vtt.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
        assertThat(new String(vtt.body(), StandardCharsets.UTF_8)).isEqualTo(TestVideos.captions());

        String markdown = uploaded("markdown", "notes.md", "# Notes\n\n2 < 3 & [a](https://example.org)\n".getBytes());
        HttpResponse<byte[]> raw = get(filePath(markdown), setup.token("m1"));
        assertThat(raw.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        HttpResponse<byte[]> html = get(filePath(markdown) + "/html", setup.token("m1"));
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(new String(html.body(), StandardCharsets.UTF_8))
                .contains("<h1>Notes</h1>")
                .contains("2 &lt; 3 &amp;");
        assertThat(get(filePath(captions) + "/html", setup.token("m1")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void paths_that_try_to_leave_the_folder_are_refused_and_reach_nothing() throws Exception {
        Files.writeString(hub.dataDir().resolve("files").resolve("SECRET-OUTSIDE.txt"), "CANARY-OUTSIDE-7f3a");
        Files.writeString(hub.dataDir().resolve("SECRET-DATA.txt"), "CANARY-OUTSIDE-7f3a");
        String member = "Cookie: ah_session=" + setup.token("m1") + "\r\n";
        String base = "/api/assemblies/" + id + "/files/";
        List<String> paths = List.of(
                base + "../SECRET-OUTSIDE.txt",
                base + "..%2FSECRET-OUTSIDE.txt",
                base + "%2e%2e%2f%2e%2e%2fSECRET-DATA.txt",
                base + "%2e%2e",
                base + "..%2f..%2f..%2f..%2fetc%2fpasswd",
                base + "%2Fetc%2Fpasswd",
                base + "A".repeat(64),
                base + "not-a-hash",
                base + "../../../../SECRET-DATA.txt",
                "/api/assemblies/..%2Ffiles/files/" + "a".repeat(64));
        for (String path : paths) {
            String answer =
                    raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + member + "Connection: close\r\n\r\n");
            assertThat(answer).as(path).doesNotContain("CANARY-OUTSIDE").doesNotContain("root:");
            assertThat(answer.substring(9, 12)).as(path).isIn("404", "400");
        }
    }
}
