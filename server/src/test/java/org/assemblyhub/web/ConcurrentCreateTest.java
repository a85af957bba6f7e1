package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Creating one id several times at once makes one assembly, listed, with one engine — never a live but unlisted one.
 */
class ConcurrentCreateTest {

    @Test
    void concurrent_creates_of_one_id_make_exactly_one_listed_assembly_with_one_engine() throws Exception {
        try (TestHub hub = new TestHub()) {
            HttpClient http = HttpClient.newHttpClient();
            int deploymentsBefore = hub.vertx().deploymentIDs().size();
            List<CompletableFuture<HttpResponse<String>>> creates = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                creates.add(http.sendAsync(
                        HttpRequest.newBuilder(URI.create(hub.url() + "/api/assemblies"))
                                .header("Authorization", "Bearer " + TestHub.BOOTSTRAP)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                                        .put("id", "same-id")
                                        .put("title", "T" + i)
                                        .encode()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> answers =
                    creates.stream().map(CompletableFuture::join).toList();

            assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
            assertThat(answers).filteredOn(r -> r.statusCode() != 201).allSatisfy(r -> assertThat(
                            new JsonObject(r.body()).getString("code"))
                    .isEqualTo("assembly-exists"));
            JsonObject list = new JsonObject(http.send(
                            HttpRequest.newBuilder(URI.create(hub.url() + "/api/assemblies"))
                                    .header("Authorization", "Bearer " + TestHub.BOOTSTRAP)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(list.getJsonArray("assemblies").stream()
                            .map(a -> ((JsonObject) a).getString("id"))
                            .toList())
                    .containsExactly("same-id");
            assertThat(hub.vertx().deploymentIDs())
                    .as("one engine more, not two")
                    .hasSize(deploymentsBefore + 1);
        }
    }
}
