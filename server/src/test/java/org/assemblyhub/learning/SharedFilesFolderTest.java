package org.assemblyhub.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.ConfigException;
import org.assemblyhub.config.ConfigLoader;
import org.assemblyhub.config.LearningConfig;
import org.assemblyhub.config.StoreConfig;
import org.assemblyhub.testing.RedisServer;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * In a cluster each node has its own data directory, but a learning file uploaded through one node must be served by
 * every other: {@code learning.filesDir} names a folder all nodes mount.
 */
class SharedFilesFolderTest {
    static final HttpClient http = HttpClient.newHttpClient();
    static final byte[] READING =
            "# Lire avant la soirée\n\nLes émissions du quartier.\n".getBytes(StandardCharsets.UTF_8);

    static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a_file_uploaded_through_one_node_is_kept_in_the_shared_folder_and_served_by_the_node_that_takes_over()
            throws Exception {
        Path shared = Files.createTempDirectory("shared-files");
        LearningConfig learning = new LearningConfig(
                LearningConfig.DEFAULTS.maxVideoBytes(),
                LearningConfig.DEFAULTS.maxPdfBytes(),
                LearningConfig.DEFAULTS.maxMarkdownBytes(),
                LearningConfig.DEFAULTS.maxCaptionsBytes(),
                LearningConfig.DEFAULTS.maxAssemblyBytes(),
                shared);
        try (RedisServer redis = RedisServer.durable()) {
            StoreConfig store = StoreConfig.redis(redis.url(), false);
            String id;
            String member;
            String hash;
            try (TestHub first = new TestHub(store, learning)) {
                TestHub.Setup setup = first.createAssembly(true, "id,name,role\nm1,Member One,member\n");
                id = setup.assemblyId();
                member = setup.token("m1");
                HttpResponse<byte[]> uploaded = send(HttpRequest.newBuilder(
                                URI.create(first.url() + "/api/assemblies/" + id + "/files?kind=markdown&name=lire.md"))
                        .header("Authorization", "Bearer " + setup.token("organiser-1"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(READING))
                        .build());
                assertThat(uploaded.statusCode())
                        .as(new String(uploaded.body()))
                        .isEqualTo(201);
                hash = new JsonObject(new String(uploaded.body(), StandardCharsets.UTF_8)).getString("hash");
                assertThat(shared.resolve(id).resolve(hash)).hasBinaryContent(READING);
                assertThat(first.dataDir().resolve("files")).doesNotExist();
            }

            try (TestHub second = new TestHub(store, learning)) {
                HttpResponse<byte[]> served = send(
                        HttpRequest.newBuilder(URI.create(second.url() + "/api/assemblies/" + id + "/files/" + hash))
                                .header("Cookie", "ah_session=" + member)
                                .build());

                assertThat(served.statusCode()).isEqualTo(200);
                assertThat(served.body()).isEqualTo(READING);
            }
        }
    }

    @Test
    void a_shared_folder_that_is_not_there_stops_the_start_with_a_message_naming_it() {
        assertThatThrownBy(() ->
                        ConfigLoader.load(List.of(), Map.of("HUB_LEARNING_FILES_DIR", "/nonexistent/shared-files")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/nonexistent/shared-files")
                .hasMessageContaining("mounted");
    }
}
