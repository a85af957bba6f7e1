package org.assemblyhub.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.TestHub;

import java.io.IOException;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** One hub of a test cluster: the packaged jar in its own JVM on loopback, joined to the others by a member list. */
final class HubNode {
    static final Path JAR = Path.of(System.getProperty("hub.jar", "target/assembly-hub.jar"));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    final String name;
    final int port;
    final int clusterPort;
    final Path log;
    private final Process process;

    private HubNode(String name, int port, int clusterPort, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.clusterPort = clusterPort;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts node {@code name} on {@code port}, with Hazelcast on {@code clusterPort} and the others at
     * {@code members}; {@code env}: more settings (a store, a shorter lease). Returns once it answers /health.
     */
    static HubNode start(
            String name,
            int port,
            int clusterPort,
            List<Integer> members,
            String clusterName,
            Path dataDir,
            Map<String, String> env)
            throws IOException {
        if (!Files.exists(JAR)) throw new IllegalStateException(JAR + " is missing: run mvn package first");
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> memberList = new ArrayList<>();
        for (int member : members) memberList.add("127.0.0.1:" + member);
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        JAR.toString(),
                        "--port",
                        Integer.toString(port),
                        "--data",
                        dataDir.toString(),
                        "--host",
                        "127.0.0.1",
                        "--cluster",
                        "--cluster-host",
                        "127.0.0.1",
                        "--cluster-port",
                        Integer.toString(clusterPort),
                        "--cluster-members",
                        String.join(",", memberList),
                        "--cluster-name",
                        clusterName))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HUB_BOOTSTRAP_TOKEN", TestHub.BOOTSTRAP);
        builder.environment().put("HUB_COMMANDS_PER_SECOND", "5000");
        builder.environment().putAll(env);
        HubNode node = new HubNode(name, port, clusterPort, log, builder.start());
        node.awaitHealthy();
        return node;
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited early; see " + log);
            if (health() != null) return;
            sleep(100);
        }
        throw new IllegalStateException(name + " did not become healthy; see " + log);
    }

    /** What /health says to the operator, or null when the node does not answer. */
    JsonObject health() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .header("Authorization", "Bearer " + TestHub.BOOTSTRAP)
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? new JsonObject(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The assemblies whose engine runs on this node (it owns them). */
    Set<String> running() {
        JsonObject health = health();
        Set<String> running = new TreeSet<>();
        JsonArray list = health == null ? null : health.getJsonArray("running");
        if (list != null) list.forEach(id -> running.add((String) id));
        return running;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no lease given up, nothing. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGSTOP: frozen, sockets open, believing it still owns what it owned. */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: thawed, its clock jumped. */
    void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start().waitFor();
    }

    void stop() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) kill9();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
