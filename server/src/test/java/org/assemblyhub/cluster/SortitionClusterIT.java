package org.assemblyhub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.sortition.SelectionDeskTest;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The selection desk in a cluster of three hub processes (each the packaged jar, each with a data directory of its
 * own): an organiser whose requests land on any node — a load balancer without sticky sessions — works with one
 * desk, the owner's: the run started through one node is followed through another, the files committed through a
 * third are served by all, and the panel seated through a node that is not the owner gets links that work anywhere.
 */
class SortitionClusterIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Vertx vertx;
    private final List<HubNode> nodes = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        dir = Files.createTempDirectory("sortition-cluster-it");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (HubNode node : nodes) node.stop();
        vertx.close();
    }

    @Test
    void an_organiser_whose_requests_land_on_any_node_works_with_the_one_desk_of_the_owner() throws Exception {
        List<Integer> hazelcast = List.of(TestHub.freePort(), TestHub.freePort(), TestHub.freePort());
        String cluster = "it-" + UUID.randomUUID();
        HubNode a = start("a", hazelcast, 0, cluster);
        HubNode b = start("b", hazelcast, 1, cluster);
        HubNode c = start("c", hazelcast, 2, cluster);
        ClusterAssembly assembly = ClusterAssembly.create(a.port, "o1");
        String id = assembly.id();
        ClusterIT.awaitTrue("A owns the assembly it created", () -> a.running().contains(id));
        String organiser = assembly.token("organiser");

        HttpResponse<String> loaded = post(
                b,
                id,
                "/inputs",
                organiser,
                SelectionDeskTest.inputs(SelectionDeskTest.people(), SelectionDeskTest.QUOTAS));
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
        HttpResponse<String> started = post(c, id, "/run", organiser, new JsonObject().put("algorithm", "maximin"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonObject done = awaitRun(b, id, organiser);
        assertThat(done.getJsonObject("run").getString("state"))
                .as(done.encode())
                .isEqualTo("done");
        assertThat(done.getJsonObject("outcome").getString("algorithm")).isEqualTo("maximin");
        assertThat(status(a, id, organiser).getJsonObject("outcome")).isEqualTo(done.getJsonObject("outcome"));

        HttpResponse<String> committed = post(
                c,
                id,
                "/commit",
                organiser,
                new JsonObject()
                        .put("seedPlan", "Two witnesses each say a number.")
                        .put("seedSources", new JsonArray().add("Witness Amal").add("Witness Bo")));
        assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
        HttpResponse<String> drawn = post(
                b,
                id,
                "/draw",
                organiser,
                new JsonObject().put("seedNumbers", new JsonArray().add("4821").add("77")));
        assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(200);
        for (HubNode node : List.of(a, b, c)) {
            HttpResponse<String> panels = get(node, "/api/assemblies/" + id + "/sortition/files/panels.csv", null);
            assertThat(panels.statusCode()).as(node.name).isEqualTo(200);
            HttpResponse<String> chances = get(node, "/api/assemblies/" + id + "/sortition/own/chances.csv", organiser);
            assertThat(chances.statusCode()).as(node.name).isEqualTo(200);
            assertThat(chances.body()).contains("chance");
        }

        HttpResponse<String> seated = post(c, id, "/seat", organiser, new JsonObject());
        assertThat(seated.statusCode()).as(seated.body()).isEqualTo(200);
        JsonArray people = new JsonObject(seated.body()).getJsonArray("people");
        assertThat(people).hasSize(6);
        LiveClient member = LiveClient.connect(
                        vertx, b.port, TestHub.tokenOf(people.getJsonObject(0).getString("link")))
                .join(id);
        assertThat(member.audience()).isEqualTo("member");
        member.close();

        for (HubNode other : List.of(b, c)) {
            assertThat(dir.resolve(other.name).resolve("sortition").resolve(id))
                    .as("no desk of its own on " + other.name)
                    .doesNotExist();
        }
        assertThat(dir.resolve("a")
                        .resolve("sortition")
                        .resolve(id)
                        .resolve("private")
                        .resolve("seated.csv"))
                .exists();
    }

    private HubNode start(String name, List<Integer> hazelcast, int index, String cluster) throws Exception {
        HubNode node = HubNode.start(
                name,
                TestHub.freePort(),
                hazelcast.get(index),
                hazelcast,
                cluster,
                dir.resolve(name),
                Map.of("HUB_CLUSTER_LEASE_MS", "3000"));
        nodes.add(node);
        return node;
    }

    private static JsonObject awaitRun(HubNode node, String id, String organiser) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonObject s = status(node, id, organiser);
            if (List.of("done", "failed", "infeasible")
                    .contains(s.getJsonObject("run").getString("state"))) return s;
            Thread.sleep(200);
        }
        throw new AssertionError("the run did not end: " + status(node, id, organiser));
    }

    private static JsonObject status(HubNode node, String id, String organiser) throws Exception {
        HttpResponse<String> r = get(node, "/api/assemblies/" + id + "/sortition", organiser);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private static HttpResponse<String> post(HubNode node, String id, String path, String bearer, JsonObject body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + node.port + "/api/assemblies/" + id + "/sortition" + path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HubNode node, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + path));
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
