package org.assemblyhub.bench;

import org.HdrHistogram.ConcurrentHistogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The raw broadcast baseline at N clients: the hub's message stream replayed (paced), then a flood for the ceiling. */
final class BaselineRun {
    record Figures(
            int clients,
            int refused,
            double p50,
            double p99,
            double max,
            double pacedPerSecond,
            double floodPerSecond,
            long pacedDelivered,
            long expected) {}

    private final Path benchJar;
    private final Path work;

    BaselineRun(Path benchJar, Path work) {
        this.benchJar = benchJar;
        this.work = work;
    }

    /** {@code rounds} times {@code messages} of {@code size} bytes to every client over {@code seconds}, pooled. */
    Figures run(int clients, int port, int messages, int size, double seconds, int rounds) throws Exception {
        try (JvmProcess server = JvmProcess.start(
                        List.of("-Xms1g", "-Xmx4g"),
                        List.of("-cp", benchJar.toString(), BaselineServer.class.getName(), String.valueOf(port)),
                        Map.of(),
                        work.resolve("baseline-" + clients + ".log"));
                Sockets sockets = new Sockets()) {
            server.awaitHealthy("http://127.0.0.1:" + port + "/health", Duration.ofSeconds(60));
            ConcurrentHistogram micros = new ConcurrentHistogram(600_000_000L, 3);
            AtomicLong received = new AtomicLong();
            AtomicLong firstSent = new AtomicLong(Long.MAX_VALUE);
            AtomicLong lastArrival = new AtomicLong();
            boolean[] timing = {false};
            int refused = Sockets.openAll(
                    clients,
                    250,
                    i -> sockets.connect(port, "/ws", null, text -> {
                                long now = System.nanoTime();
                                long sent = FrameLog.number(text, "t");
                                received.incrementAndGet();
                                firstSent.accumulateAndGet(sent, Math::min);
                                lastArrival.accumulateAndGet(now, Math::max);
                                if (timing[0])
                                    micros.recordValue(Math.min(
                                            Math.max(0, now - sent) / 1_000, micros.getHighestTrackableValue()));
                            })
                            .toCompletionStage()
                            .toCompletableFuture(),
                    60);
            int held = clients - refused;
            Thread.sleep(1_000);

            long interval = Math.max(1, Math.round(seconds * 1000 / messages));
            // Warm-up, not measured, like the hub's.
            int warmUp = Math.max(1, messages / 3);
            broadcast(port, warmUp, size, interval);
            awaitCount(received, (long) held * warmUp, Duration.ofSeconds((long) seconds + 60));
            timing[0] = true;
            long paced = 0;
            double pacedSeconds = 0;
            long expected = 0;
            for (int round = 0; round < rounds; round++) {
                received.set(0);
                firstSent.set(Long.MAX_VALUE);
                lastArrival.set(0);
                broadcast(port, messages, size, interval);
                expected += (long) held * messages;
                awaitCount(received, (long) held * messages, Duration.ofSeconds((long) seconds + 60));
                paced += received.get();
                pacedSeconds += Math.max(1e-3, (lastArrival.get() - firstSent.get()) / 1e9);
            }
            double pacedRate = paced / pacedSeconds;

            timing[0] = false;
            int flood = 20;
            received.set(0);
            firstSent.set(Long.MAX_VALUE);
            lastArrival.set(0);
            broadcast(port, flood, size, 0);
            awaitCount(received, (long) held * flood, Duration.ofSeconds(60));
            double floodRate = received.get() / Math.max(1e-3, (lastArrival.get() - firstSent.get()) / 1e9);
            return new Figures(
                    held,
                    refused,
                    micros.getValueAtPercentile(50) / 1000.0,
                    micros.getValueAtPercentile(99) / 1000.0,
                    micros.getMaxValue() / 1000.0,
                    pacedRate,
                    floodRate,
                    paced,
                    expected);
        }
    }

    private static void broadcast(int port, int count, int size, long intervalMs) throws Exception {
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/broadcast?count=" + count
                                        + "&size=" + size + "&intervalMs=" + intervalMs))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
    }

    private static void awaitCount(AtomicLong counter, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counter.get() < expected && System.nanoTime() < deadline) TimeUnit.MILLISECONDS.sleep(5);
        TimeUnit.MILLISECONDS.sleep(200);
    }
}
