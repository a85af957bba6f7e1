package org.assemblyhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./hub bench --sortition [--quick] [--pools 750/112,300/45,200/30] [--algorithms legacy,maximin,…]
 * [--budget-minutes 4] [--seed 2026]}: each selection algorithm on synthetic pools ({@link SyntheticPool}), each run
 * in a JVM of its own with the hub jar ({@link SortitionRun}), one after the other. Legacy runs first on each pool:
 * its time is the baseline the others are quoted against, measured minutes apart on the same shared machine.
 */
final class SortitionBench {
    /** How a run's last line starts, before its JSON. */
    static final String RESULT = "result ";

    /** Run in another JVM by name: this class must not load the hub's classes, which only that JVM has. */
    private static final String RUN = "org.assemblyhub.bench.SortitionRun";

    private static final List<String> ALGORITHMS = List.of("legacy", "maximin", "leximin", "goldilocks");

    private final Path hubJar;
    private final Path benchJar;
    private final Path work;

    SortitionBench(Path hubJar, Path benchJar, Path work) {
        this.hubJar = hubJar;
        this.benchJar = benchJar;
        this.work = work;
    }

    ObjectNode run(String[] args, boolean quick, String command) throws Exception {
        List<int[]> pools = quick
                ? List.of(new int[] {200, 30})
                : List.of(new int[] {750, 112}, new int[] {300, 45}, new int[] {200, 30});
        List<String> algorithms = ALGORITHMS;
        long budgetSeconds = quick ? 60 : 240;
        long seed = 2026;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--pools" -> pools = Arrays.stream(args[i + 1].split(","))
                        .map(p -> Arrays.stream(p.trim().split("/"))
                                .mapToInt(Integer::parseInt)
                                .toArray())
                        .toList();
                case "--algorithms" -> algorithms =
                        List.of(args[i + 1].toLowerCase(Locale.ROOT).split(","));
                case "--budget-minutes" -> budgetSeconds = Math.round(Double.parseDouble(args[i + 1]) * 60);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> {}
            }
        }
        System.out.printf(
                "%s — %d cores, load average %s; hub %s; work files in %s%n",
                command, Runtime.getRuntime().availableProcessors(), Proc.loadAverage(), hubJar, work);
        ObjectNode root = HubSetup.JSON
                .createObjectNode()
                .put("scenario", "sortition")
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("command", command)
                .put("at", Instant.now().toString())
                .put("seed", seed)
                .put("budgetSeconds", budgetSeconds)
                .put("loadAverageAtStart", Proc.loadAverage());
        ArrayNode runs = root.putArray("runs");
        for (int[] pool : pools) {
            double legacySeconds = Double.NaN;
            for (String algorithm : algorithms) {
                System.out.printf("· pool %d, panel %d: %s…%n", pool[0], pool[1], algorithm);
                ObjectNode r = one(pool[0], pool[1], seed, algorithm, budgetSeconds);
                r.put("loadAverage", Proc.loadAverage());
                if (algorithm.equals("legacy"))
                    legacySeconds = r.path("seconds").asDouble();
                if (!Double.isNaN(legacySeconds) && legacySeconds > 0)
                    r.put("timesLegacy", round(r.path("seconds").asDouble() / legacySeconds, 2));
                runs.add(r);
                System.out.println("  " + line(r));
            }
        }
        root.put("loadAverageAtEnd", Proc.loadAverage());
        return root;
    }

    private ObjectNode one(int size, int panel, long seed, String algorithm, long budgetSeconds) throws Exception {
        Path log = work.resolve("sortition-" + size + "-" + panel + "-" + algorithm + ".log");
        JvmProcess jvm = JvmProcess.start(
                List.of("-Xmx2g", "-cp", benchJar + File.pathSeparator + hubJar),
                List.of(
                        RUN,
                        Integer.toString(size),
                        Integer.toString(panel),
                        Long.toString(seed),
                        algorithm,
                        Long.toString(budgetSeconds)),
                Map.of(),
                log);
        int exit = jvm.waitFor(Duration.ofMinutes(60));
        String result = Files.readString(log)
                .lines()
                .filter(l -> l.startsWith(RESULT))
                .reduce((a, b) -> b)
                .orElse(null);
        if (result == null) {
            return HubSetup.JSON
                    .createObjectNode()
                    .put("pool", size)
                    .put("panel", panel)
                    .put("algorithm", algorithm)
                    .put("outcome", "no result (exit " + exit + "); see " + log);
        }
        return (ObjectNode) HubSetup.JSON.readTree(result.substring(RESULT.length()));
    }

    private static String line(JsonNode r) {
        if (!r.has("minimum"))
            return r.path("algorithm").asText() + ": " + r.path("outcome").asText();
        return String.format(
                Locale.ROOT,
                "%-10s %7.1f s (%6.1f s CPU)%s  min %.4f  max %.4f  (k/n %.4f)  goldilocks %s  %d panels%s",
                r.path("algorithm").asText(),
                r.path("seconds").asDouble(),
                r.path("cpuSeconds").asDouble(),
                r.has("timesLegacy")
                        ? String.format(
                                Locale.ROOT,
                                " %5.2f× legacy",
                                r.path("timesLegacy").asDouble())
                        : "",
                r.path("minimum").asDouble(),
                r.path("maximum").asDouble(),
                r.path("kOverN").asDouble(),
                r.has("goldilocks")
                        ? String.format(
                                Locale.ROOT, "%.2f", r.path("goldilocks").asDouble())
                        : "∞",
                r.path("panels").asInt(),
                !r.path("outcome").asText().equals("cut-short")
                        ? ""
                        : r.has("ratioBound")
                                ? ", CUT SHORT (no ratio below "
                                        + r.path("ratioBound").asDouble() + ")"
                                : ", CUT SHORT (" + r.path("fixedPeople").asInt() + " fixed)");
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    static String summary(JsonNode root) {
        StringBuilder out = new StringBuilder(String.format(
                "sortition, seed %d, budget %d s; load average %s → %s%n",
                root.path("seed").asLong(),
                root.path("budgetSeconds").asLong(),
                root.path("loadAverageAtStart").asText(),
                root.path("loadAverageAtEnd").asText()));
        List<String> lines = new ArrayList<>();
        String pool = "";
        for (JsonNode r : root.path("runs")) {
            String here = r.path("pool").asInt() + " / " + r.path("panel").asInt();
            if (!here.equals(pool)) lines.add("pool / panel " + here);
            pool = here;
            lines.add("  " + line(r));
        }
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
