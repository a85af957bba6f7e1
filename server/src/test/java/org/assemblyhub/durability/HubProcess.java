package org.assemblyhub.durability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The packaged hub (server/target/assembly-hub.jar) as a separate OS process that a test can kill -9. */
final class HubProcess {
    static final Path JAR = Path.of(System.getProperty("hub.jar", "target/assembly-hub.jar"));

    private final Process process;
    private final Path log;

    private HubProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static HubProcess start(int port, Path dataDir, String bootstrapToken, Path log) throws IOException {
        HubProcess hub =
                new HubProcess(builder(port, dataDir, bootstrapToken, log).start(), log);
        hub.awaitHealthy(port);
        return hub;
    }

    /** The command line of a hub on {@code port} and {@code dataDir}, its output appended to {@code log}. */
    static ProcessBuilder builder(int port, Path dataDir, String bootstrapToken, Path log) {
        if (!Files.exists(JAR)) throw new IllegalStateException(JAR + " is missing: run mvn package first");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
                        "127.0.0.1"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HUB_BOOTSTRAP_TOKEN", bootstrapToken);
        builder.environment().put("HUB_COMMANDS_PER_SECOND", "5000");
        return builder;
    }

    private void awaitHealthy(int port) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("hub exited early; see " + log);
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("hub did not become healthy; see " + log);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
