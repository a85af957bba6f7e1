package org.assemblyhub.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./hub bench --journal [--events 1000000]}: start-up time and heap on a long journal ({@link JournalStartup}).
 * <p>
 * {@code ./hub bench --sortition [--quick]}: the selection algorithms on synthetic pools ({@link SortitionBench}).
 * <p>
 * {@code ./hub bench [--quick] [--observers 1000,5000,10000] [--members 200] [--seconds 10] [--changes 40] [--rounds
 * 3]}: for each
 * number of observers, the hub scenario then the raw baseline at the same size; writes
 * {@code bench/results/<time>-<mode>.json} and prints a one-screen summary. This JVM is the load generator; the hub
 * and the baseline each run in a JVM of their own.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        List<Integer> observers = quick ? List.of(300) : List.of(1_000, 5_000, 10_000);
        int members = 200;
        int facilitators = 50;
        double seconds = quick ? 3 : 10;
        int changes = quick ? 20 : 40;
        int rounds = quick ? 1 : 3;
        Path hubJar = Path.of("server/target/assembly-hub.jar");
        Path out = Path.of("bench/results");
        String hubJvm = System.getenv("HUB_JAVA_OPTS");
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--observers" -> observers = Arrays.stream(args[i + 1].split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList();
                case "--members" -> members = Integer.parseInt(args[i + 1]);
                case "--facilitators" -> facilitators = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--changes" -> changes = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--hub-jar" -> hubJar = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--hub-jvm" -> hubJvm = args[i + 1];
                default -> {}
            }
        }
        Path benchJar = Path.of(
                Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path work = Files.createTempDirectory("assembly-hub-bench-");
        String command = "./hub bench " + String.join(" ", args);
        if (List.of(args).contains("--cluster-rush")) {
            clusterRush(args, quick, hubJar, work, out, command.trim());
            return;
        }
        if (List.of(args).contains("--failover")) {
            failover(args, hubJar, work, out, command.trim());
            return;
        }
        if (List.of(args).contains("--rush")) {
            rush(args, quick, hubJar, benchJar, work, out, command.trim(), hubJvm);
            return;
        }
        if (List.of(args).contains("--sortition")) {
            sortition(args, quick, hubJar, benchJar, work, out, command.trim());
            return;
        }
        if (List.of(args).contains("--journal")) {
            journal(args, hubJar, benchJar, work, out, command.trim());
            return;
        }
        System.out.printf(
                "%s — %d cores; hub %s; work files in %s%n",
                command.trim(), Runtime.getRuntime().availableProcessors(), hubJar, work);

        List<AssemblyRun.Figures> hubRuns = new ArrayList<>();
        List<BaselineRun.Figures> baseRuns = new ArrayList<>();
        for (int n : observers) {
            System.out.printf("· %,d observers: hub…%n", n);
            AssemblyRun scenario = new AssemblyRun(hubJar, work, members, facilitators, changes, seconds, rounds);
            scenario.profile = List.of(args).contains("--profile");
            if (hubJvm != null) scenario.hubJvmOptions = List.of(hubJvm.trim().split("\\s+"));
            AssemblyRun.Figures hub = scenario.run(n, freePort());
            hubRuns.add(hub);
            System.out.printf(
                    "  vote→screen p50 %.1f ms, p99 %.1f ms (from sending the vote: p50 %.1f, p99 %.1f ms; ack→first screen p99 %.1f ms, first→last screen p99 %.1f ms); %,.0f msg/s delivered; baseline…%n",
                    hub.p50(),
                    hub.p99(),
                    hub.sendP50(),
                    hub.sendP99(),
                    hub.toFirstP99(),
                    hub.spreadP99(),
                    hub.deliveredPerSecond());
            BaselineRun.Figures base = new BaselineRun(benchJar, work)
                    .run(
                            n,
                            freePort(),
                            hub.messagesPerObserverPerRound(),
                            hub.averageMessageBytes(),
                            hub.secondsPerRound(),
                            hub.rounds());
            baseRuns.add(base);
            System.out.printf(
                    "  baseline p50 %.1f ms, p99 %.1f ms; %,.0f msg/s paced, %,.0f msg/s flood%n",
                    base.p50(), base.p99(), base.pacedPerSecond(), base.floodPerSecond());
        }
        ObjectNode result = Results.json(command.trim(), quick, hubRuns, baseRuns);
        Files.createDirectories(out);
        Path file = out.resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now()) + (quick ? "-quick" : "") + ".json");
        Files.writeString(file, HubSetup.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        System.out.println();
        System.out.print(Results.summary(hubRuns, baseRuns));
        System.out.println("written to " + file);
        System.exit(0);
    }

    /**
     * {@code --rush [--observers 10000] [--members 200] [--rounds 5] [--pairs 1] [--door both|watch|live]}: the closing
     * rush ({@link ClosingRush}) with the observers on their own endpoint and then on /live (a pair, repeated), each
     * followed by the raw baseline replaying the same stream at the same N.
     */
    private static void rush(
            String[] args, boolean quick, Path hubJar, Path benchJar, Path work, Path out, String command, String jvm)
            throws Exception {
        List<Integer> observers = quick ? List.of(300) : List.of(10_000);
        int members = 200;
        int rounds = quick ? 2 : 5;
        int pairs = 1;
        // Observers on their own endpoint, then beside the members: the pair shows what the own door buys.
        List<Boolean> doors = List.of(true, false);
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--observers" -> observers = Arrays.stream(args[i + 1].split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList();
                case "--members" -> members = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
                case "--door" -> doors = switch (args[i + 1]) {
                    case "watch" -> List.of(true);
                    case "live" -> List.of(false);
                    default -> List.of(true, false);
                };
                default -> {}
            }
        }
        System.out.printf(
                "%s — %d cores, load average %s; hub %s; work files in %s%n",
                command, Runtime.getRuntime().availableProcessors(), Proc.loadAverage(), hubJar, work);
        List<ClosingRush.Figures> hubRuns = new ArrayList<>();
        List<BaselineRun.Figures> baseRuns = new ArrayList<>();
        for (int n : observers) {
            for (int pair = 0; pair < pairs; pair++) {
                for (boolean ownDoor : doors) {
                    System.out.printf("· closing rush, %,d observers on %s: hub…%n", n, ownDoor ? "/watch" : "/live");
                    ClosingRush scenario = new ClosingRush(hubJar, work, members, rounds);
                    if (jvm != null) scenario.hubJvmOptions = List.of(jvm.trim().split("\\s+"));
                    ClosingRush.Figures hub = scenario.run(n, freePort(), freePort(), ownDoor);
                    hubRuns.add(hub);
                    System.out.printf(
                            "  acks p99 %.1f ms alone, %.1f ms watched; sent→screen p50 %.1f, p99 %.1f ms; baseline…%n",
                            hub.ackAloneP99(), hub.ackWatchedP99(), hub.sentToScreenP50(), hub.sentToScreenP99());
                    baseRuns.add(new BaselineRun(benchJar, work)
                            .run(
                                    n,
                                    freePort(),
                                    hub.messagesPerObserverPerRound(),
                                    hub.averageMessageBytes(),
                                    hub.secondsPerRound(),
                                    hub.rounds()));
                }
            }
        }
        ObjectNode result = RushResults.json(command, quick, hubRuns, baseRuns);
        Files.createDirectories(out);
        Path file = out.resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now()) + "-rush" + (quick ? "-quick" : "") + ".json");
        Files.writeString(file, HubSetup.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        System.out.println();
        System.out.print(RushResults.summary(hubRuns, baseRuns));
        System.out.println("load average at the end: " + Proc.loadAverage());
        System.out.println("written to " + file);
        System.exit(0);
    }

    /**
     * {@code --cluster-rush [--observers 3000] [--rounds 3] [--members-on both|owner|other]}: the closing rush on a
     * 3-node cluster with Redis, the observers spread over the nodes' observers' endpoints, the members on the owner's
     * node and then on another one ({@link ClusterRush}).
     */
    private static void clusterRush(String[] args, boolean quick, Path hubJar, Path work, Path out, String command)
            throws Exception {
        int observers = quick ? 300 : 3_000;
        int members = 200;
        int rounds = quick ? 2 : 3;
        List<Boolean> placements = List.of(true, false);
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--observers" -> observers = Integer.parseInt(args[i + 1]);
                case "--members" -> members = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--members-on" -> placements = switch (args[i + 1]) {
                    case "owner" -> List.of(true);
                    case "other" -> List.of(false);
                    default -> List.of(true, false);
                };
                default -> {}
            }
        }
        System.out.printf(
                "%s — %d cores, load average %s; hub %s; work files in %s%n",
                command, Runtime.getRuntime().availableProcessors(), Proc.loadAverage(), hubJar, work);
        Files.createDirectories(out);
        StringBuilder summaries = new StringBuilder();
        for (boolean onOwner : placements) {
            ClusterRush.Figures f = new ClusterRush(hubJar, work, members, rounds).run(observers, onOwner);
            ObjectNode result = ClusterRush.json(command, f);
            Path file = out.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                            .withZone(ZoneOffset.UTC)
                            .format(Instant.now())
                    + "-cluster-rush-members-on-" + (onOwner ? "owner" : "other") + (quick ? "-quick" : "") + ".json");
            Files.writeString(
                    file, HubSetup.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
            System.out.print(ClusterRush.summary(f));
            summaries
                    .append(ClusterRush.summary(f))
                    .append("written to ")
                    .append(file)
                    .append('\n');
        }
        System.out.println();
        System.out.print(summaries);
        System.out.println("load average at the end: " + Proc.loadAverage());
        System.exit(0);
    }

    /**
     * {@code --failover [--runs 3] [--lease-ms 12000] [--voters 1]}: a 3-node cluster with Redis, the owner killed
     * (SIGKILL) while members on the survivors vote; time to the first acknowledged command on the new owner, and
     * until every voter had one ({@link FailoverRun}).
     */
    private static void failover(String[] args, Path hubJar, Path work, Path out, String command) throws Exception {
        int runs = 3;
        long leaseMs = 12_000;
        int voters = 1;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--voters")) voters = Integer.parseInt(args[i + 1]);
            if (args[i].equals("--runs")) runs = Integer.parseInt(args[i + 1]);
            if (args[i].equals("--lease-ms")) leaseMs = Long.parseLong(args[i + 1]);
        }
        System.out.printf(
                "%s — %d cores, load average %s; hub %s; work files in %s%n",
                command, Runtime.getRuntime().availableProcessors(), Proc.loadAverage(), hubJar, work);
        ObjectNode result = HubSetup.JSON
                .createObjectNode()
                .put("scenario", "failover")
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("command", command)
                .put("at", Instant.now().toString())
                .put("leaseMs", leaseMs)
                .put("voters", voters);
        ArrayNode list = result.putArray("runs");
        for (int r = 1; r <= runs; r++) {
            FailoverRun.Figures f = new FailoverRun(hubJar, work, leaseMs, voters).run(r);
            System.out.printf(
                    "  run %d: %s killed; first acknowledged command %.2f s later, every voter's %.2f s"
                            + " (%d refused, %d unanswered); owner now %s%n",
                    r,
                    f.killed(),
                    f.killToFirstAckSeconds(),
                    f.killToEveryVoterAckedSeconds(),
                    f.refused(),
                    f.unanswered(),
                    f.newOwner());
            list.addObject()
                    .put("killToFirstAckSeconds", Math.round(f.killToFirstAckSeconds() * 1000) / 1000.0)
                    .put("killToEveryVoterAckedSeconds", Math.round(f.killToEveryVoterAckedSeconds() * 1000) / 1000.0)
                    .put("refusedMeanwhile", f.refused())
                    .put("unansweredMeanwhile", f.unanswered())
                    .put("killed", f.killed())
                    .put("newOwner", f.newOwner());
        }
        result.put("loadAverage", Proc.loadAverage());
        Files.createDirectories(out);
        Path file = out.resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now()) + "-failover.json");
        Files.writeString(file, HubSetup.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        System.out.println("load average at the end: " + Proc.loadAverage());
        System.out.println("written to " + file);
        System.exit(0);
    }

    /**
     * {@code --sortition [--quick] [--pools 750/112,300/45,200/30] [--algorithms legacy,maximin,leximin,goldilocks]
     * [--budget-minutes 4]}: the selection algorithms on synthetic pools ({@link SortitionBench}).
     */
    private static void sortition(
            String[] args, boolean quick, Path hubJar, Path benchJar, Path work, Path out, String command)
            throws Exception {
        ObjectNode result = new SortitionBench(hubJar, benchJar, work).run(args, quick, command);
        Files.createDirectories(out);
        Path file = out.resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now()) + "-sortition" + (quick ? "-quick" : "") + ".json");
        Files.writeString(file, HubSetup.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        System.out.println();
        System.out.print(SortitionBench.summary(result));
        System.out.println("written to " + file);
        System.exit(0);
    }

    /** {@code --journal [--events N]}: start-up time and heap on a long journal (see {@link JournalStartup}). */
    private static void journal(String[] args, Path hubJar, Path benchJar, Path work, Path out, String command)
            throws Exception {
        long events = 1_000_000;
        for (int i = 0; i < args.length - 1; i++)
            if (args[i].equals("--events")) events = Long.parseLong(args[i + 1].replace("_", ""));
        System.out.printf(
                "%s — %d cores; hub %s; work files in %s%n",
                command, Runtime.getRuntime().availableProcessors(), hubJar, work);
        ObjectNode result = new JournalStartup(hubJar, benchJar, work).run(events, command);
        Files.createDirectories(out);
        Path file = out.resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now()) + "-journal.json");
        Files.writeString(file, HubSetup.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        System.out.println();
        System.out.print(JournalStartup.summary(result));
        System.out.println("written to " + file);
        System.exit(0);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
