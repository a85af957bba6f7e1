package org.assemblyhub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.outreach.MailServer;
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
 * Two hub processes both given the outreach settings (against docs/outreach.md's advice): one runs the outreach, the
 * other says in its log that it keeps its own off — so invitations asked through either node go once, from one outbox.
 */
class OutreachClusterIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<HubNode> nodes = new ArrayList<>();
    private final MailServer smtp = new MailServer(TestHub.freePort());
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createTempDirectory("outreach-cluster-it");
        smtp.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (HubNode node : nodes) node.stop();
        smtp.stop();
    }

    @Test
    void only_one_node_runs_the_outreach_and_invitations_asked_through_either_go_once() throws Exception {
        List<Integer> hazelcast = List.of(TestHub.freePort(), TestHub.freePort());
        String cluster = "it-" + UUID.randomUUID();
        HubNode a = start("a", hazelcast, 0, cluster);
        HubNode b = start("b", hazelcast, 1, cluster);
        ClusterAssembly assembly = ClusterAssembly.create(a.port, "o1");
        String organiser = assembly.token("organiser");
        HttpResponse<String> imported = send(
                a,
                "/api/assemblies/" + assembly.id() + "/roster",
                organiser,
                "text/csv",
                "id,name,role,contact\nm1,Ana,member,ana@example.org\nm2,Ben,member,ben@example.org\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        String invitations = "/api/assemblies/" + assembly.id() + "/outreach/invitations";
        HttpResponse<String> first = send(a, invitations, organiser, "application/json", "{}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(new JsonObject(first.body()).getJsonArray("queued")).hasSize(2);
        assertThat(smtp.await(2)).hasSize(2);
        for (HubNode through : List.of(b, a, b)) {
            HttpResponse<String> again = send(through, invitations, organiser, "application/json", "{}");
            assertThat(new JsonObject(again.body()).getJsonArray("queued"))
                    .as("asked again through " + through.name + ": the one outbox knows they were sent")
                    .isEmpty();
        }
        HubNode.sleep(6_500); // more than a round of either postman
        assertThat(smtp.getReceivedMessages()).hasSize(2);

        String logs = Files.readString(a.log) + Files.readString(b.log);
        assertThat(logs).containsOnlyOnce("so this node's stays off");
    }

    private HubNode start(String name, List<Integer> hazelcast, int index, String cluster) throws Exception {
        HubNode node = HubNode.start(
                name,
                TestHub.freePort(),
                hazelcast.get(index),
                hazelcast,
                cluster,
                dir.resolve(name),
                Map.of(
                        "HUB_CLUSTER_LEASE_MS", "3000",
                        "HUB_MAIL_HOST", "127.0.0.1",
                        "HUB_MAIL_PORT", Integer.toString(smtp.getSmtp().getPort()),
                        "HUB_MAIL_STARTTLS", "disabled",
                        "HUB_MAIL_FROM", "assembly@hub.example"));
        nodes.add(node);
        return node;
    }

    private static HttpResponse<String> send(HubNode node, String path, String bearer, String type, String body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
