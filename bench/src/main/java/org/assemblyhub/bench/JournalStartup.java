package org.assemblyhub.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./hub bench --journal [--events 1000000]}: how long the real hub jar takes to start on one assembly's journal
 * of that many events (until {@code /health} answers, i.e. until every engine has replayed) and how much heap it
 * needs, without a snapshot (a full replay, after which the hub writes one) and with it, under the default heap and
 * under {@code -Xmx256m}. Peak heap is the largest heap occupancy the GC log shows before a collection, or the heap
 * in use when {@code /health} first answers, whichever is larger.
 */
final class JournalStartup {
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    record Figures(
            String heap,
            boolean snapshot,
            double seconds,
            long peakHeapMb,
            long heapAtHealthMb,
            String replayed,
            String snapshotWritten) {}

    private final Path hubJar;
    private final Path benchJar;
    private final Path work;

    JournalStartup(Path hubJar, Path benchJar, Path work) {
        this.hubJar = hubJar;
        this.benchJar = benchJar;
        this.work = work;
    }

    ObjectNode run(long events, String command) throws Exception {
        Path data = work.resolve("journal-data");
        Path log = work.resolve("generate.log");
        long started = System.nanoTime();
        JvmProcess generator = JvmProcess.start(
                List.of("-Xmx1g", "-cp", benchJar + File.pathSeparator + hubJar),
                List.of("org.assemblyhub.bench.JournalGenerator", data.toString(), Long.toString(events)),
                Map.of(),
                log);
        if (generator.waitFor(Duration.ofMinutes(30)) != 0)
            throw new IllegalStateException("the generator failed; see " + log);
        System.out.printf(
                "· %s (%.0f s)%n",
                Files.readString(log)
                        .lines()
                        .filter(l -> l.startsWith("generated"))
                        .findFirst()
                        .orElse("?"),
                (System.nanoTime() - started) / 1e9);
        long journalBytes = Files.size(data.resolve("journal").resolve(JournalGenerator.ASSEMBLY + ".journal"));

        List<Figures> runs = new ArrayList<>();
        Path empty = Files.createDirectories(work.resolve("empty-data"));
        Figures baseline = start(empty, "default", true);
        long snapshotBytes = 0;
        for (String heap : List.of("default", "-Xmx256m")) {
            deleteSnapshots(data);
            runs.add(start(data, heap, false));
            snapshotBytes = snapshotSize(data);
            runs.add(start(data, heap, true));
        }
        ObjectNode root = HubSetup.JSON.createObjectNode();
        root.put("cores", Runtime.getRuntime().availableProcessors())
                .put("command", command)
                .put("at", Instant.now().toString())
                .put("events", events)
                .put("journalBytes", journalBytes)
                .put("emptyStartSeconds", Math.round(baseline.seconds() * 100) / 100.0)
                .put("snapshotBytes", snapshotBytes);
        ArrayNode out = root.putArray("runs");
        for (Figures f : runs) {
            out.addObject()
                    .put("heap", f.heap())
                    .put("snapshot", f.snapshot())
                    .put("secondsToHealth", Math.round(f.seconds() * 100) / 100.0)
                    .put("peakHeapMb", f.peakHeapMb())
                    .put("heapAtHealthMb", f.heapAtHealthMb())
                    .put("replayed", f.replayed())
                    .put("snapshotWritten", f.snapshotWritten());
        }
        return root;
    }

    /** One start: waits for /health, reads the heap, and (without a snapshot) waits for the one the hub writes. */
    private Figures start(Path data, String heap, boolean withSnapshot) throws Exception {
        String name = (withSnapshot ? "with-snapshot" : "full") + "-" + (heap.equals("default") ? "default" : "256m");
        Path gcLog = work.resolve(name + "-gc.log");
        Path log = work.resolve(name + ".log");
        List<String> jvm = new ArrayList<>(List.of("-Xlog:gc:file=" + gcLog));
        if (!heap.equals("default")) jvm.add(heap);
        int port = Bench.freePort();
        long started = System.nanoTime();
        JvmProcess hub = JvmProcess.start(
                jvm,
                List.of(
                        "-jar",
                        hubJar.toString(),
                        "--port",
                        Integer.toString(port),
                        "--data",
                        data.toString(),
                        "--host",
                        "127.0.0.1"),
                Map.of("HUB_BOOTSTRAP_TOKEN", "journal-bench-bootstrap-token-0123456789"),
                log);
        try {
            hub.awaitHealthy("http://127.0.0.1:" + port + "/health", Duration.ofMinutes(20));
            double seconds = (System.nanoTime() - started) / 1e9;
            long atHealth = heapInUseMb(hub.pid());
            if (!withSnapshot) awaitSnapshot(data, hub);
            long peak = Math.max(atHealth, peakFromGcLog(gcLog));
            String replayed = Files.readString(log)
                    .lines()
                    .filter(l -> l.contains("replayed"))
                    .findFirst()
                    .orElse("replayed nothing");
            String written = Files.readString(log)
                    .lines()
                    .filter(l -> l.contains(": snapshot at seq"))
                    .findFirst()
                    .orElse("");
            Figures figures = new Figures(
                    heap,
                    withSnapshot,
                    seconds,
                    peak,
                    atHealth,
                    replayed.substring(replayed.indexOf("replayed")),
                    written.isEmpty() ? "" : written.substring(written.indexOf("snapshot at seq")));
            System.out.printf(
                    "· %-8s %-16s %6.2f s to /health, peak heap %,d MB (%,d MB in use at /health) — %s%n",
                    heap,
                    withSnapshot ? "from a snapshot" : "full replay",
                    seconds,
                    peak,
                    atHealth,
                    figures.replayed());
            return figures;
        } finally {
            hub.close();
        }
    }

    private static void awaitSnapshot(Path data, JvmProcess hub) throws Exception {
        Path dir = data.resolve("snapshots").resolve(JournalGenerator.ASSEMBLY);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    if (files.anyMatch(p -> p.toString().endsWith(".snapshot"))) return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the hub wrote no snapshot; see " + hub.log);
    }

    private static long snapshotSize(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("snapshots"))) {
            return files.filter(p -> p.toString().endsWith(".snapshot"))
                    .mapToLong(p -> p.toFile().length())
                    .max()
                    .orElse(0);
        }
    }

    private static void deleteSnapshots(Path data) throws IOException {
        Path dir = data.resolve("snapshots");
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static long peakFromGcLog(Path gcLog) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC.matcher(line);
            if (m.find()) peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
    }

    private static long heapInUseMb(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(pid),
                        "GC.heap_info")
                .redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        Matcher m = USED.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    static String summary(ObjectNode result) {
        StringBuilder s = new StringBuilder(String.format(
                "journal of %,d events (%,d bytes), snapshot of %,d bytes; a hub on an empty" + " directory: %.2f s%n",
                result.get("events").asLong(),
                result.get("journalBytes").asLong(),
                result.get("snapshotBytes").asLong(),
                result.get("emptyStartSeconds").asDouble()));
        for (var run : result.get("runs")) {
            s.append(String.format(
                    "  %-8s %-16s %6.2f s   peak heap %,5d MB%n",
                    run.get("heap").asText(),
                    run.get("snapshot").asBoolean() ? "from a snapshot" : "full replay",
                    run.get("secondsToHealth").asDouble(),
                    run.get("peakHeapMb").asLong()));
        }
        return s.toString();
    }
}
