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
import java.util.concurrent.TimeUnit;

/**
 * Three hub processes clustered over loopback ({@code --cluster}, Hazelcast), sharing one durable {@code
 * redis-server} journal (append-only, fsync always) started for the run.
 */
final class HubCluster implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final int[] ports = new int[3];
    /** Each node's observers' endpoint ({@code /watch}, {@code --observer-port}). */
    final int[] watchPorts = new int[3];

    final List<JvmProcess> nodes = new ArrayList<>();
    private final Process redis;

    private HubCluster(Process redis) {
        this.redis = redis;
    }

    /** Starts Redis and the three nodes; returns once every node answers /health. */
    static HubCluster start(Path hubJar, Path work, String label, long leaseMs, List<String> jvm) throws Exception {
        Path dir = Files.createTempDirectory(work, label + "-");
        int redisPort = Bench.freePort();
        HubCluster cluster = new HubCluster(new ProcessBuilder(
                        "redis-server",
                        "--port",
                        String.valueOf(redisPort),
                        "--bind",
                        "127.0.0.1",
                        "--appendonly",
                        "yes",
                        "--appendfsync",
                        "always",
                        "--save",
                        "",
                        "--dir",
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start());
        try {
            awaitPort(redisPort, Duration.ofSeconds(20));
            int[] hazelcast = new int[3];
            for (int i = 0; i < 3; i++) {
                cluster.ports[i] = Bench.freePort();
                cluster.watchPorts[i] = Bench.freePort();
                hazelcast[i] = Bench.freePort();
            }
            String members = "127.0.0.1:" + hazelcast[0] + ",127.0.0.1:" + hazelcast[1] + ",127.0.0.1:" + hazelcast[2];
            for (int i = 0; i < 3; i++) {
                Path data = Files.createDirectories(dir.resolve("node" + i));
                cluster.nodes.add(JvmProcess.start(
                        jvm,
                        List.of(
                                "-jar",
                                hubJar.toString(),
                                "--port",
                                String.valueOf(cluster.ports[i]),
                                "--observer-port",
                                String.valueOf(cluster.watchPorts[i]),
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
                                String.valueOf(hazelcast[i]),
                                "--cluster-members",
                                members,
                                "--cluster-name",
                                label + "-" + redisPort),
                        Map.of(
                                "HUB_BOOTSTRAP_TOKEN", AssemblyRun.BOOTSTRAP,
                                "HUB_COMMANDS_PER_SECOND", "50",
                                "HUB_CLUSTER_LEASE_MS", String.valueOf(leaseMs),
                                "HUB_SOCKETS_PER_ADDRESS", "100000",
                                "HUB_HTTP_PER_SECOND", "100000"),
                        work.resolve(label + "-node" + i + ".log")));
            }
            for (int i = 0; i < 3; i++)
                cluster.nodes
                        .get(i)
                        .awaitHealthy("http://127.0.0.1:" + cluster.ports[i] + "/health", Duration.ofSeconds(120));
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /** The node (other than {@code not}) whose /health lists the assembly as running, or -1 at the deadline. */
    int awaitOwner(String assemblyId, int not, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < ports.length; i++) {
                if (i != not && running(ports[i], assemblyId)) return i;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return -1;
    }

    /** SIGKILL: no shutdown hook, no lease given up. */
    void kill(int node) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-9", String.valueOf(nodes.get(node).pid()))
                .start()
                .waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        for (JvmProcess node : nodes) node.close();
        redis.destroy();
        redis.waitFor(10, TimeUnit.SECONDS);
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
