package org.assemblyhub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import org.assemblyhub.store.redis.RedisEventStore;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.RedisServer;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three hub processes sharing one real Redis journal: the owner of an assembly is killed (SIGKILL) during a live poll
 * and another node takes it over with nothing acknowledged lost; an owner frozen (SIGSTOP) while another took over
 * cannot append when it wakes (SIGCONT).
 */
class FailoverIT {
    /**
     * The ownership lease (-Dfailover.leaseMs; 6 s: shorter leases run out while Hazelcast moves partitions after a
     * member left, and the assembly then moves more than once — safely, but with more refusals).
     */
    private static final String LEASE_MS = System.getProperty("failover.leaseMs", "6000");

    private Vertx vertx;
    private RedisServer redis;
    private final List<HubNode> nodes = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        redis = RedisServer.durable();
        dir = Files.createTempDirectory("failover-it");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (HubNode node : nodes) {
            if (node.alive()) node.thaw();
            node.stop();
        }
        vertx.close();
        redis.close();
    }

    @Test
    void killing_the_owner_during_a_live_poll_moves_it_within_seconds_and_every_acknowledged_vote_is_there()
            throws Exception {
        List<HubNode> cluster = startCluster();
        HubNode a = cluster.get(0);
        int voters = 30;
        ClusterAssembly assembly = ClusterAssembly.create(a.port, people(voters));
        ClusterIT.awaitTrue("A owns the assembly", () -> a.running().contains(assembly.id()));
        LiveClient organiser = LiveClient.connect(vertx, cluster.get(1).port, assembly.token("o1"))
                .join(assembly.id());
        JsonNode opened = organiser.call(
                "open",
                "open-poll",
                new JsonObject()
                        .put("kind", "single")
                        .put("question", "Keep the night buses?")
                        .put("options", new JsonArray().add("yes").add("no"))
                        .put("secret", false));
        assertThat(opened.path("type").asText()).as(opened.toString()).isEqualTo("ack");
        String pollId = opened.path("result").path("pollId").asText();
        LiveClient observerOnC =
                LiveClient.connect(vertx, cluster.get(2).port, null).join(assembly.id());

        // Voters spread over the three nodes; the survivors are B and C.
        AtomicInteger next = new AtomicInteger();
        List<Voter> people = new ArrayList<>();
        for (int i = 1; i <= voters; i++) {
            HubNode node = cluster.get(i % 3);
            people.add(new Voter(vertx, assembly.id(), assembly.token("m" + i), node.port, () -> cluster.get(
                            1 + next.getAndIncrement() % 2)
                    .port));
        }
        Map<String, Long> acked = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(voters);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<Future<?>> votes = new ArrayList<>();
        for (int i = 1; i <= voters; i++) {
            int n = i;
            votes.add(pool.submit(() -> {
                HubNode.sleep(n * 60L);
                JsonObject args = new JsonObject().put("pollId", pollId).put("choices", new JsonArray().add(n % 2));
                JsonNode ack = people.get(n - 1).untilAcked("vote-" + n, "answer-poll", args, deadline);
                acked.put("m" + n, ack.path("seq").asLong());
            }));
        }
        // Kill the owner with votes in flight: some acknowledged, others sent and waiting, others not sent yet.
        ClusterIT.awaitTrue("a few votes acknowledged", () -> acked.size() >= 5);
        int ackedBeforeKill = acked.size();
        long killedAt = System.nanoTime();
        a.kill9();
        HubNode[] newOwner = new HubNode[1];
        ClusterIT.awaitTrue("another node owns the assembly", () -> {
            for (HubNode node : cluster.subList(1, 3)) {
                if (node.running().contains(assembly.id())) newOwner[0] = node;
            }
            return newOwner[0] != null;
        });
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        for (Future<?> vote : votes) vote.get();
        pool.shutdown();

        // Every acknowledged vote is there, with its voter's name under the option chosen.
        JsonNode names = organiser
                .awaitView(view -> countNames(view, pollId) == voters)
                .path("polls")
                .path(pollId)
                .path("names");
        for (int n = 1; n <= voters; n++) {
            assertThat(texts(names.path(String.valueOf(n % 2)))).contains("Person m" + n);
        }
        assertThat(acked).hasSize(voters);
        // Clients on the survivors carried on on the same socket; those of the dead node resumed elsewhere.
        assertThat(organiser.isClosed()).isFalse();
        assertThat(observerOnC.isClosed()).isFalse();
        observerOnC.awaitView(view -> view.path("polls").path(pollId).has("results"));
        int reconnected = people.stream().mapToInt(Voter::reconnects).sum();
        int refused = people.stream().mapToInt(Voter::refusals).sum();
        assertThat(reconnected).as("voters of the dead node reconnected").isGreaterThan(0);
        // The move is counted where operators look (a local scrape of the new owner's /metrics).
        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + newOwner[0].port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).containsPattern("(?m)^hub_owner_moves_total(\\{[^}]*\\})? [1-9]");
        System.out.printf(
                "FailoverIT (lease " + LEASE_MS + " ms): owner killed with %d of %d votes acknowledged;"
                        + " %s owned the assembly %.2f s later;"
                        + " all %d votes there (%d reconnections of voters, %d refusals retried)%n",
                ackedBeforeKill,
                voters,
                newOwner[0].name,
                takeover,
                voters,
                reconnected,
                refused);
    }

    @Test
    void an_owner_frozen_while_another_took_over_cannot_append_when_it_wakes() throws Exception {
        List<HubNode> cluster = startCluster();
        HubNode a = cluster.get(0);
        ClusterAssembly assembly = ClusterAssembly.create(a.port, "o1", "o2", "m1");
        ClusterIT.awaitTrue("A owns the assembly", () -> a.running().contains(assembly.id()));
        LiveClient organiserOnA =
                LiveClient.connect(vertx, a.port, assembly.token("o1")).join(assembly.id());
        LiveClient organiserOnB = LiveClient.connect(vertx, cluster.get(1).port, assembly.token("o2"))
                .join(assembly.id());
        assertThat(organiserOnA
                        .call("before", "announce", new JsonObject().put("text", "before the freeze"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");

        long frozenAt = System.nanoTime();
        a.freeze();
        HubNode[] newOwner = new HubNode[1];
        ClusterIT.awaitTrue("another node owns the assembly", () -> {
            for (HubNode node : cluster.subList(1, 3)) {
                if (node.running().contains(assembly.id())) newOwner[0] = node;
            }
            return newOwner[0] != null;
        });
        double takeover = (System.nanoTime() - frozenAt) / 1e9;
        Voter onB =
                new Voter(vertx, assembly.id(), assembly.token("o2"), cluster.get(1).port, () -> cluster.get(2).port);
        JsonNode ack = onB.untilAcked(
                "after",
                "announce",
                new JsonObject().put("text", "decided by the new owner"),
                System.nanoTime() + Duration.ofSeconds(30).toNanos());
        assertThat(ack.path("type").asText()).isEqualTo("ack");

        // Sent while the old owner is frozen: it reads the command as it wakes, believing for a moment it owns.
        int before = organiserOnA.messages().size();
        organiserOnA.command("stale", "announce", new JsonObject().put("text", "from the frozen owner"));
        a.thaw();
        JsonNode answer =
                organiserOnA.awaitFrom(before, m -> "stale".equals(m.path("id").asText()));
        assertThat(answer.path("type").asText()).as(answer.toString()).isEqualTo("error");

        JsonNode last = onB.untilAcked(
                "last",
                "announce",
                new JsonObject().put("text", "the last word"),
                System.nanoTime() + Duration.ofSeconds(30).toNanos());
        assertThat(last.path("type").asText()).isEqualTo("ack");
        organiserOnB.awaitView(view -> ClusterIT.texts(view).contains("the last word"));
        assertThat(ClusterIT.texts(organiserOnB.view()))
                .contains("before the freeze", "decided by the new owner")
                .doesNotContain("from the frozen owner");
        // And in the journal itself: the thawed owner's command is not there, the new owner's is.
        List<String> journal = journalTexts(assembly.id());
        assertThat(journal).anyMatch(t -> t.contains("decided by the new owner"));
        assertThat(journal).noneMatch(t -> t.contains("from the frozen owner"));
        System.out.printf(
                "FailoverIT (lease " + LEASE_MS + " ms): owner frozen; %s owned the assembly %.2f s later;"
                        + " the thawed owner's command: %s%n",
                newOwner[0].name,
                takeover,
                answer.path("code").asText());
    }

    /** Every record of the assembly's journal in Redis, read with the hub's own store, as text. */
    private List<String> journalTexts(String assemblyId) throws Exception {
        RedisEventStore store = new RedisEventStore(vertx, Redis.createClient(vertx, redis.url()), 5_000);
        try {
            return store
                    .read(assemblyId, 0)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS)
                    .stream()
                    .map(record -> new String(record.data(), StandardCharsets.UTF_8))
                    .toList();
        } finally {
            store.close();
        }
    }

    private List<HubNode> startCluster() throws Exception {
        List<Integer> hazelcast = List.of(TestHub.freePort(), TestHub.freePort(), TestHub.freePort());
        String name = "failover-" + UUID.randomUUID();
        Map<String, String> env =
                Map.of("HUB_STORE", "redis", "HUB_REDIS_URL", redis.url(), "HUB_CLUSTER_LEASE_MS", LEASE_MS);
        List<HubNode> started = new ArrayList<>();
        String[] names = {"a", "b", "c"};
        for (int i = 0; i < 3; i++) {
            HubNode node = HubNode.start(
                    names[i], TestHub.freePort(), hazelcast.get(i), hazelcast, name, dir.resolve(names[i]), env);
            nodes.add(node);
            started.add(node);
        }
        return started;
    }

    private static String[] people(int voters) {
        List<String> people = new ArrayList<>(List.of("o1"));
        for (int i = 1; i <= voters; i++) people.add("m" + i);
        return people.toArray(String[]::new);
    }

    private static int countNames(JsonNode view, String pollId) {
        int count = 0;
        for (JsonNode list : view.path("polls").path(pollId).path("names")) count += list.size();
        return count;
    }

    private static Set<String> texts(JsonNode list) {
        Set<String> texts = new TreeSet<>();
        list.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
