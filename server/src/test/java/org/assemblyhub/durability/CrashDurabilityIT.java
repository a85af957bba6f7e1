package org.assemblyhub.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.Capabilities;
import org.assemblyhub.assembly.domain.Announcement;
import org.assemblyhub.assembly.domain.AssemblyEvent;
import org.assemblyhub.assembly.domain.AssemblyState;
import org.assemblyhub.engine.Rules;
import org.assemblyhub.store.FileEventStore;
import org.assemblyhub.store.JournalRecord;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The durability contract (DESIGN.md §5) against the real jar in its own process: several clients send commands as
 * fast as they can, the hub is killed with SIGKILL at a random moment, restarted, and every acknowledged command must
 * be in the replayed state — 20 times over. Then a torn record is written on purpose and the hub must recover.
 */
class CrashDurabilityIT {
    static final int ROUNDS = 20;
    static final int CLIENTS = 3;
    static final long SEED = Long.getLong("crash.seed", System.nanoTime());

    static Path dataDir;
    static Path log;
    static int port;
    static Vertx vertx;
    static String assemblyId;
    static Map<String, String> organiserTokens = new HashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        dataDir = Files.createTempDirectory("crash-test");
        log = dataDir.resolve("hub.log");
        port = TestHub.freePort();
        vertx = Vertx.vertx();
        System.out.println(
                "CrashDurabilityIT seed " + SEED + " (rerun with -Dcrash.seed=" + SEED + "), data " + dataDir);
    }

    @AfterAll
    static void tearDown() {
        vertx.close();
    }

    @Test
    void every_acknowledged_command_survives_kill_9_at_random_moments_and_a_torn_tail_is_recovered() throws Exception {
        Random random = new Random(SEED);
        Set<String> acknowledged = new HashSet<>();
        HubProcess hub = HubProcess.start(port, dataDir, TestHub.BOOTSTRAP, log);
        createAssembly();

        int productiveRounds = 0;
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) hub = HubProcess.start(port, dataDir, TestHub.BOOTSTRAP, log);
            int before = acknowledged.size();
            assertReplayedViewHolds(acknowledged);
            acknowledged.addAll(driveUntilKilled(hub, round, 100 + random.nextInt(900)));
            if (acknowledged.size() > before) productiveRounds++;
        }
        // An early kill (100 ms) on a busy machine may come before any acknowledgement; most rounds must have some.
        assertThat(productiveRounds).as("rounds that acknowledged commands").isGreaterThanOrEqualTo(ROUNDS * 3 / 4);

        System.out.printf(
                "CrashDurabilityIT: %d acknowledged commands over %d kill -9 rounds, all replayed%n",
                acknowledged.size(), ROUNDS);
        assertThat(replayedAnnouncements())
                .as("journal replay after %d crashes", ROUNDS)
                .containsAll(acknowledged);
        assertNoDuplicates();

        Path journal = dataDir.resolve("journal").resolve(assemblyId + ".journal");
        long sizeBefore = Files.size(journal);
        Files.write(
                journal,
                new byte[] {0, 0, 1, 0, 0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0, 0, 0, 0, 99, '{', '"', 't'},
                StandardOpenOption.APPEND);
        hub = HubProcess.start(port, dataDir, TestHub.BOOTSTRAP, log);
        assertThat(Files.readString(log)).contains("cut a torn tail");
        // The garbage is gone: records appended after recovery replay (a tail left in place would hide them).
        assertThat(Files.size(journal)).isGreaterThanOrEqualTo(sizeBefore);
        assertReplayedViewHolds(acknowledged);
        LiveClient organiser =
                LiveClient.connect(vertx, port, organiserTokens.get("o1")).join(assemblyId);
        assertThat(organiser
                        .call("after-torn", "announce", new JsonObject().put("text", "after the torn tail"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        organiser.close();
        hub.kill9();
        assertThat(replayedAnnouncements()).containsAll(acknowledged).contains("after the torn tail");
    }

    private static void createAssembly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/assemblies"))
                        .header("Authorization", "Bearer " + TestHub.BOOTSTRAP)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Crash\",\"public\":true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject body = new JsonObject(created.body());
        assemblyId = body.getString("id");
        String organiser = TestHub.tokenOf(body.getString("organiserLink"));
        StringBuilder csv = new StringBuilder("id,name,role\n");
        for (int i = 1; i <= CLIENTS; i++)
            csv.append("o").append(i).append(",Organiser ").append(i).append(",organiser\n");
        HttpResponse<String> imported = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/assemblies/" + assemblyId + "/roster"))
                        .header("Authorization", "Bearer " + organiser)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var people = new JsonObject(imported.body()).getJsonArray("people");
        for (int i = 0; i < people.size(); i++) {
            organiserTokens.put(
                    people.getJsonObject(i).getString("id"),
                    TestHub.tokenOf(people.getJsonObject(i).getString("link")));
        }
    }

    /** Clients pipeline announcements; after {@code killAfterMs} the hub is killed. Returns the acknowledged texts. */
    private static Set<String> driveUntilKilled(HubProcess hub, int round, long killAfterMs) throws Exception {
        List<LiveClient> clients = new ArrayList<>();
        for (int c = 1; c <= CLIENTS; c++)
            clients.add(LiveClient.connect(vertx, port, organiserTokens.get("o" + c))
                    .join(assemblyId));
        Map<String, String> sent = new ConcurrentHashMap<>();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            LiveClient client = clients.get(c);
            int index = c;
            Thread sender = new Thread(() -> {
                for (int n = 0; !client.isClosed() && n < 100_000; n++) {
                    String id = "r" + round + "-c" + index + "-" + n;
                    String text = "announcement " + id;
                    sent.put(id, text);
                    client.command(id, "announce", new JsonObject().put("text", text));
                    HubProcess.sleep(2);
                }
            });
            sender.setDaemon(true);
            sender.start();
            senders.add(sender);
        }
        Thread.sleep(killAfterMs);
        hub.kill9();
        for (LiveClient client : clients) client.awaitClose();
        for (Thread sender : senders) sender.join(TimeUnit.SECONDS.toMillis(10));
        Set<String> acked = new HashSet<>();
        for (LiveClient client : clients) {
            for (JsonNode m : client.messages()) {
                if (m.path("type").asText().equals("ack"))
                    acked.add(sent.get(m.path("id").asText()));
            }
        }
        return acked;
    }

    /** The restarted hub serves a view whose announcement count covers everything acknowledged so far. */
    private static void assertReplayedViewHolds(Set<String> acknowledged) {
        LiveClient observer = LiveClient.connect(vertx, port, null).join(assemblyId);
        JsonNode announcements = observer.view().path("announcements");
        int highest = 0;
        for (JsonNode a : announcements)
            highest = Math.max(highest, a.path("order").asInt());
        assertThat(highest).as("announcements after restart").isGreaterThanOrEqualTo(acknowledged.size());
        observer.close();
    }

    /** Replays the journal with the hub's own code, as the hub does at start. */
    private static List<String> replayedAnnouncements() throws Exception {
        Vertx local = Vertx.vertx();
        try {
            FileEventStore store = new FileEventStore(local, dataDir);
            List<JournalRecord> records = store.read(assemblyId, 0)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            store.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            List<AssemblyEvent> events = records.stream()
                    .map(new Rules(Capabilities.standard()).codec()::decode)
                    .map(r -> r.event())
                    .filter(e -> e instanceof AssemblyEvent)
                    .map(e -> (AssemblyEvent) e)
                    .toList();
            return AssemblyState.fold(events).announcements().stream()
                    .map(Announcement::text)
                    .toList();
        } finally {
            local.close();
        }
    }

    private static void assertNoDuplicates() throws Exception {
        List<String> all = replayedAnnouncements();
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(counts.values()).as("each command applied once").allMatch(n -> n == 1);
    }
}
