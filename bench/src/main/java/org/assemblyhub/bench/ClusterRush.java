package org.assemblyhub.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Scenario "cluster closing rush": three clustered hub processes ({@link HubCluster}); the organiser and the 200
 * members on the node that owns the assembly, or (members elsewhere) on another node, so that every command and its
 * ack cross the event bus; N observers spread evenly over the three nodes' observers' endpoints ({@code /watch}).
 * Every member votes within one second, as in {@link ClosingRush}. Per node: vote sent → screen and ack → first
 * screen on that node, frames delivered and CPU seconds used. The owner's observers get updates without crossing the
 * event bus, the other nodes' after one crossing: the difference is the crossing's cost per update; CPU per frame
 * sizes nodes.
 */
final class ClusterRush {
    /** One node's share. */
    record Node(
            int node,
            boolean owner,
            int held,
            double sentP50,
            double sentP99,
            double toFirstP50,
            double toFirstP99,
            long frames,
            double cpuSeconds) {
        double cpuMicrosPerFrame() {
            return frames == 0 ? 0 : cpuSeconds * 1e6 / frames;
        }
    }

    record Figures(
            int observers,
            int rounds,
            /** The members' node: the owner's, or another one (their commands forwarded over the event bus). */
            boolean membersOnOwner,
            double ackP50,
            double ackP99,
            double windowSeconds,
            List<Node> nodes) {}

    private final Path hubJar;
    private final Path work;
    private final int members;
    private final int rounds;

    ClusterRush(Path hubJar, Path work, int members, int rounds) {
        this.hubJar = hubJar;
        this.work = work;
        this.members = members;
        this.rounds = rounds;
    }

    /** {@code membersOnOwner}: the members connect to the owner's node; otherwise to the next node after it. */
    Figures run(int observers, boolean membersOnOwner) throws Exception {
        try (HubCluster cluster =
                        HubCluster.start(hubJar, work, "cluster-rush", 12_000, List.of("-Xms512m", "-Xmx2g"));
                Sockets sockets = new Sockets();
                Sockets watching = new Sockets()) {
            int[] ports = cluster.ports;
            HubSetup setup = HubSetup.create(ports[0], AssemblyRun.BOOTSTRAP, members, 0);
            Conn first = AssemblyRun.join(sockets, ports[0], setup, setup.organiserToken, false);
            int owner = cluster.awaitOwner(setup.assemblyId, -1, Duration.ofSeconds(60));
            if (owner < 0) throw new IllegalStateException("no node runs the assembly");
            int membersNode = membersOnOwner ? owner : (owner + 1) % 3;
            Conn organiser = membersNode == 0
                    ? first
                    : AssemblyRun.join(sockets, ports[membersNode], setup, setup.organiserToken, false);
            List<Conn> voters = new ArrayList<>();
            for (int i = 1; i <= members; i++)
                voters.add(AssemblyRun.join(sockets, ports[membersNode], setup, setup.tokens.get("m" + i), false));
            List<List<Conn>> screens = new ArrayList<>();
            List<Conn> all = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                List<Conn> here = Collections.synchronizedList(new ArrayList<>());
                AssemblyRun.observe(watching, cluster.watchPorts[n], "/watch", setup.assemblyId, observers / 3, here);
                screens.add(here);
                all.addAll(here);
            }
            AssemblyRun.settle();

            int poll = 0;
            ClosingRush.rush(organiser, voters, all, ++poll);
            Histogram acks = new Histogram(600_000_000L, 3);
            LatencyBook[] fromSend = new LatencyBook[3];
            VoteSpread[] spread = new VoteSpread[3];
            long[] frames = new long[3];
            double[] cpu = new double[3];
            for (int n = 0; n < 3; n++) {
                fromSend[n] = new LatencyBook();
                spread[n] = new VoteSpread();
            }
            double window = 0;
            for (int round = 0; round < rounds; round++) {
                double[] before = new double[3];
                for (int n = 0; n < 3; n++)
                    before[n] = Proc.cpuSeconds(cluster.nodes.get(n).pid());
                ClosingRush.Rush r = ClosingRush.rush(organiser, voters, all, ++poll);
                for (int n = 0; n < 3; n++)
                    cpu[n] += Proc.cpuSeconds(cluster.nodes.get(n).pid()) - before[n];
                window += r.seconds();
                for (LatencyBook.Vote v : r.votes())
                    acks.recordValue(Math.min(
                            Math.max(0, v.ackNanos() - v.sentNanos()) / 1_000, acks.getHighestTrackableValue()));
                List<LatencyBook.Vote> sent =
                        r.votes().stream().map(LatencyBook.Vote::asSent).toList();
                for (int n = 0; n < 3; n++) {
                    spread[n].begin(r.votes());
                    for (Conn s : screens.get(n)) {
                        synchronized (s.log) {
                            long[] arrivals = LatencyBook.arrivals(r.votes(), s.log.seqs, s.log.times, s.log.count);
                            fromSend[n].add(sent, arrivals);
                            spread[n].screen(arrivals);
                            frames[n] += s.log.messages;
                        }
                    }
                    spread[n].end();
                }
            }
            List<Node> nodes = new ArrayList<>();
            for (int n = 0; n < 3; n++)
                nodes.add(new Node(
                        n,
                        n == owner,
                        screens.get(n).size(),
                        fromSend[n].percentileMs(50),
                        fromSend[n].percentileMs(99),
                        spread[n].toFirstMs(50),
                        spread[n].toFirstMs(99),
                        frames[n],
                        cpu[n]));
            return new Figures(
                    observers,
                    rounds,
                    membersOnOwner,
                    acks.getValueAtPercentile(50) / 1000.0,
                    acks.getValueAtPercentile(99) / 1000.0,
                    window,
                    nodes);
        }
    }

    static ObjectNode json(String command, Figures f) {
        ObjectNode root = HubSetup.JSON
                .createObjectNode()
                .put("scenario", "cluster-closing-rush")
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("command", command)
                .put("loadAverage", Proc.loadAverage())
                .put("observers", f.observers())
                .put("membersOnOwner", f.membersOnOwner())
                .put("rounds", f.rounds())
                .put("rushWindowSeconds", round(f.windowSeconds()));
        root.putObject("memberAckMs").put("p50", round(f.ackP50())).put("p99", round(f.ackP99()));
        ArrayNode nodes = root.putArray("nodes");
        for (Node n : f.nodes())
            nodes.addObject()
                    .put("node", n.node())
                    .put("owner", n.owner())
                    .put("observers", n.held())
                    .put("voteSentToScreenP50Ms", round(n.sentP50()))
                    .put("voteSentToScreenP99Ms", round(n.sentP99()))
                    .put("ackToFirstScreenP50Ms", round(n.toFirstP50()))
                    .put("ackToFirstScreenP99Ms", round(n.toFirstP99()))
                    .put("framesDelivered", n.frames())
                    .put("cpuSeconds", round(n.cpuSeconds()))
                    .put("cpuMicrosPerFrame", round(n.cpuMicrosPerFrame()));
        return root;
    }

    static String summary(Figures f) {
        StringBuilder s = new StringBuilder(String.format(
                "%,d observers, members on %s node: ack p50 %.1f ms, p99 %.1f ms%n",
                f.observers(), f.membersOnOwner() ? "the owner's" : "another", f.ackP50(), f.ackP99()));
        s.append(String.format(
                "%5s %6s %9s | %-21s | %-21s | %9s %8s %9s%n",
                "node",
                "owner",
                "observers",
                "sent→screen p50/p99",
                "ack→first p50/p99",
                "frames",
                "cpu s",
                "µs/frame"));
        for (Node n : f.nodes())
            s.append(String.format(
                    "%5d %6s %9d | %9.1f / %-9.1f | %9.1f / %-9.1f | %9d %8.2f %9.1f%n",
                    n.node(),
                    n.owner() ? "yes" : "",
                    n.held(),
                    n.sentP50(),
                    n.sentP99(),
                    n.toFirstP50(),
                    n.toFirstP99(),
                    n.frames(),
                    n.cpuSeconds(),
                    n.cpuMicrosPerFrame()));
        return s.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
