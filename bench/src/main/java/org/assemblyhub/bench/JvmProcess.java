package org.assemblyhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server JVM started by the harness (the hub, or the raw baseline), with its output in a log file. */
final class JvmProcess implements AutoCloseable {
    private final Process process;
    final Path log;

    private JvmProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static JvmProcess start(List<String> jvmArgs, List<String> args, Map<String, String> env, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        // BENCH_SERVER_CPUS=0 runs the hub and the baseline on those CPUs only (start the load generator itself with
        // taskset on the others): a way to see how much of a tail is two processes fighting over the same cores.
        String cpus = System.getenv("BENCH_SERVER_CPUS");
        if (cpus != null && !cpus.isBlank()) command.addAll(List.of("taskset", "-c", cpus.trim()));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new JvmProcess(builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the process to end by itself; its exit code. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("still running after " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** Waits until {@code url} answers 200. */
    void awaitHealthy(String url, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the server exited; see " + log);
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no answer from " + url + " within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
