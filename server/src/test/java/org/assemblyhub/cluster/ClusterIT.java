package org.assemblyhub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Three hubs, each the packaged jar in its own JVM, clustered over loopback: the owner of an assembly decides, every
 * node shows its decisions live to its own sockets, and a command sent through another node is applied once.
 */
class ClusterIT {
    private Vertx vertx;
    private final List<HubNode> nodes = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        dir = Files.createTempDirectory("cluster-it");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (HubNode node : nodes) node.stop();
        vertx.close();
    }

    @Test
    void b_and_c_show_live_what_owner_a_decides_a_command_through_b_applies_once_and_c_dying_frees_its_people()
            throws Exception {
        List<Integer> hazelcast = List.of(TestHub.freePort(), TestHub.freePort(), TestHub.freePort());
        String cluster = "it-" + UUID.randomUUID();
        HubNode a = start("a", hazelcast, 0, cluster);
        HubNode b = start("b", hazelcast, 1, cluster);
        HubNode c = start("c", hazelcast, 2, cluster);
        // Created through A, so A owns it (a node takes nothing before it sees a majority of the cluster).
        ClusterAssembly assembly = ClusterAssembly.create(a.port, "o1", "o2", "m1", "m2");
        awaitTrue("A owns the assembly it created", () -> a.running().contains(assembly.id()));
        assertThat(b.running()).doesNotContain(assembly.id());
        assertThat(c.running()).doesNotContain(assembly.id());

        LiveClient memberOnB =
                LiveClient.connect(vertx, b.port, assembly.token("m1")).join(assembly.id());
        LiveClient observerOnC = LiveClient.connect(vertx, c.port, null).join(assembly.id());
        LiveClient organiserOnA =
                LiveClient.connect(vertx, a.port, assembly.token("o1")).join(assembly.id());
        assertThat(memberOnB.audience()).isEqualTo("member");
        assertThat(observerOnC.audience()).isEqualTo("observer");

        JsonNode ack = organiserOnA.call("a-1", "announce", new JsonObject().put("text", "decided on A"));
        assertThat(ack.path("type").asText()).isEqualTo("ack");
        memberOnB.awaitView(view -> texts(view).contains("decided on A"));
        observerOnC.awaitView(view -> texts(view).contains("decided on A"));

        LiveClient organiserOnB =
                LiveClient.connect(vertx, b.port, assembly.token("o2")).join(assembly.id());
        JsonNode first = organiserOnB.call("once-1", "announce", new JsonObject().put("text", "sent through B"));
        assertThat(first.path("type").asText()).isEqualTo("ack");
        // The same command again (a retry after a lost answer), through a third node: answered, not applied again.
        LiveClient organiserOnC =
                LiveClient.connect(vertx, c.port, assembly.token("o2")).join(assembly.id());
        JsonNode retry = organiserOnC.call("once-1", "announce", new JsonObject().put("text", "sent through B"));
        assertThat(retry.path("type").asText()).isEqualTo("ack");
        assertThat(retry.path("seq").asLong()).isEqualTo(first.path("seq").asLong());
        JsonNode after = organiserOnA.call("a-2", "announce", new JsonObject().put("text", "after the retry"));
        for (LiveClient client : List.of(memberOnB, observerOnC, organiserOnA)) {
            client.awaitView(view -> texts(view).contains("after the retry"));
            assertThat(texts(client.view()).stream().filter("sent through B"::equals))
                    .as("the command sent through B, retried through C")
                    .hasSize(1);
        }
        assertThat(after.path("seq").asLong()).isGreaterThan(first.path("seq").asLong());

        // A node that dies without a word (kill -9) takes its sockets with it: their people are no longer online.
        LiveClient.connect(vertx, c.port, assembly.token("m2")).join(assembly.id());
        organiserOnA.awaitView(
                view -> view.path("roster").path("m2").path("online").asBoolean());
        c.kill9();
        organiserOnA.awaitView(
                view -> !view.path("roster").path("m2").path("online").asBoolean());
        assertThat(organiserOnA.view().path("roster").path("m1").path("online").asBoolean())
                .as("a member on B, still connected")
                .isTrue();
        System.out.printf(
                "ClusterIT: owner %s, live on B and C, command through B applied once (seq %d)%n",
                a.name, first.path("seq").asLong());
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

    static List<String> texts(JsonNode view) {
        List<String> texts = new ArrayList<>();
        view.path("announcements").forEach(a -> texts.add(a.path("text").asText()));
        return texts;
    }

    static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            HubNode.sleep(50);
        }
    }
}
