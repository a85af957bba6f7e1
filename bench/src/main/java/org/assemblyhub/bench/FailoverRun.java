package org.assemblyhub.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Scenario "failover": three hub processes clustered over loopback, sharing one durable {@code redis-server}
 * journal. A member on a surviving node votes every 50 ms; the owner of the assembly (the node whose {@code /health}
 * lists it as running) is killed with SIGKILL; measured: the time from the kill to the first acknowledged command
 * sent after it, and which node owns the assembly then.
 */
final class FailoverRun {
    /** What one failover measured. */
    record Figures(double killToFirstAckSeconds, int refused, int unanswered, String killed, String newOwner) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Path hubJar;
    private final Path work;
    private final long leaseMs;

    FailoverRun(Path hubJar, Path work, long leaseMs) {
        this.hubJar = hubJar;
        this.work = work;
        this.leaseMs = leaseMs;
    }

    Figures run(int attempt) throws Exception {
        Path dir = Files.createTempDirectory(work, "failover-");
        int redisPort = Bench.freePort();
        Process redis = new ProcessBuilder(
                        "redis-server",
                        "--port", String.valueOf(redisPort),
                        "--bind", "127.0.0.1",
                        "--appendonly", "yes",
                        "--appendfsync", "always",
                        "--save", "",
                        "--dir", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        List<JvmProcess> nodes = new ArrayList<>();
        int[] ports = new int[3];
        try (Sockets sockets = new Sockets()) {
            awaitPort(redisPort, Duration.ofSeconds(20));
            int[] hazelcast = new int[3];
            for (int i = 0; i < 3; i++) {
                ports[i] = Bench.freePort();
                hazelcast[i] = Bench.freePort();
            }
            String members = "127.0.0.1:" + hazelcast[0] + ",127.0.0.1:" + hazelcast[1] + ",127.0.0.1:" + hazelcast[2];
            for (int i = 0; i < 3; i++)
                nodes.add(startNode(dir, i, ports[i], hazelcast[i], members, redisPort, attempt));
            for (int i = 0; i < 3; i++)
                nodes.get(i).awaitHealthy("http://127.0.0.1:" + ports[i] + "/health", Duration.ofSeconds(120));

            HubSetup setup = HubSetup.create(ports[0], AssemblyRun.BOOTSTRAP, 2, 0);
            Conn first = AssemblyRun.join(sockets, ports[0], setup, setup.organiserToken, false);
            int owner = awaitOwner(ports, setup.assemblyId, -1, Duration.ofSeconds(60));
            first.ws.close();
            int survivor = (owner + 1) % 3;
            Conn organiser = AssemblyRun.join(sockets, ports[survivor], setup, setup.organiserToken, false);
            Conn voter = AssemblyRun.join(sockets, ports[survivor], setup, setup.tokens.get("m1"), false);
            organiser.command("open", "open-poll", AssemblyRun.POLL).get(30, TimeUnit.SECONDS);
            for (int k = 0; k < 5; k++) vote(voter, "warm-" + k, k).get(30, TimeUnit.SECONDS);

            long killedAt = System.nanoTime();
            new ProcessBuilder("kill", "-9", String.valueOf(nodes.get(owner).pid())).start().waitFor();
            List<CompletableFuture<long[]>> sent = new ArrayList<>();
            long deadline = killedAt + TimeUnit.SECONDS.toNanos(120);
            long firstAck = -1;
            for (int k = 0; firstAck < 0 && System.nanoTime() < deadline; k++) {
                sent.add(vote(voter, "after-" + k, k));
                TimeUnit.MILLISECONDS.sleep(50);
                for (CompletableFuture<long[]> f : sent) {
                    if (f.isDone() && !f.isCompletedExceptionally()) {
                        long at = f.join()[1];
                        firstAck = firstAck < 0 ? at : Math.min(firstAck, at);
                    }
                }
            }
            int refused = (int) sent.stream().filter(CompletableFuture::isCompletedExceptionally).count();
            int unanswered = (int) sent.stream().filter(f -> !f.isDone()).count();
            int newOwner = awaitOwner(ports, setup.assemblyId, owner, Duration.ofSeconds(30));
            return new Figures(
                    firstAck < 0 ? -1 : (firstAck - killedAt) / 1e9,
                    refused,
                    unanswered,
                    "node" + owner,
                    newOwner < 0 ? "none" : "node" + newOwner);
        } finally {
            for (JvmProcess node : nodes) node.close();
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private JvmProcess startNode(Path dir, int i, int port, int hazelcast, String members, int redisPort, int attempt)
            throws IOException {
        Path data = Files.createDirectories(dir.resolve("node" + i));
        return JvmProcess.start(
                List.of("-Xms256m", "-Xmx1g"),
                List.of(
                        "-jar",
                        hubJar.toString(),
                        "--port",
                        String.valueOf(port),
                        "--host",
                        "127.0.0.1",
                        "--data",
                        data.toString(),
                        "--store",
                        "redis",
                        "--redis-url",
                        "redis://127.0.0.1:" + redisPort,
                        "--cluster",
                        "--cluster-host",
                        "127.0.0.1",
                        "--cluster-port",
                        String.valueOf(hazelcast),
                        "--cluster-members",
                        members,
                        "--cluster-name",
                        "bench-failover-" + attempt + "-" + redisPort),
                Map.of(
                        "HUB_BOOTSTRAP_TOKEN", AssemblyRun.BOOTSTRAP,
                        "HUB_COMMANDS_PER_SECOND", "50",
                        "HUB_CLUSTER_LEASE_MS", String.valueOf(leaseMs),
                        "HUB_SOCKETS_PER_ADDRESS", "100000",
                        "HUB_HTTP_PER_SECOND", "100000"),
                work.resolve("failover-" + attempt + "-node" + i + ".log"));
    }

    /** A vote for option {@code k % 3}: each changes the tally, so each is a real command for the engine. */
    private static CompletableFuture<long[]> vote(Conn voter, String id, int k) {
        return voter.command(id, "answer-poll", "{\"pollId\":\"p1\",\"choices\":[" + (k % 3) + "]}");
    }

    /** The node (other than {@code not}) whose /health lists the assembly as running, or -1 at the deadline. */
    private static int awaitOwner(int[] ports, String assemblyId, int not, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < ports.length; i++) {
                if (i != not && running(ports[i], assemblyId)) return i;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return -1;
    }

    private static boolean running(int port, String assemblyId) throws InterruptedException {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .header("Authorization", "Bearer " + AssemblyRun.BOOTSTRAP)
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return false;
            for (JsonNode id : HubSetup.JSON.readTree(r.body()).path("running"))
                if (id.asText().equals(assemblyId)) return true;
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitPort(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not open port " + port);
    }
}
