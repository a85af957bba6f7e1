package org.assemblyhub.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/** The result file (fields documented in docs/benchmarks.md) and the one-screen summary. */
final class Results {
    private Results() {}

    static ObjectNode json(
            String command, boolean quick, List<AssemblyRun.Figures> hub, List<BaselineRun.Figures> base) {
        ObjectNode root = HubSetup.JSON.createObjectNode();
        int last = hub.size() - 1;
        AssemblyRun.Figures h = hub.get(last);
        BaselineRun.Figures b = base.get(last);
        root.put("cores", Runtime.getRuntime().availableProcessors())
                .put("command", command)
                .put("quick", quick)
                .put("at", Instant.now().toString())
                .put("observers", h.observers())
                .put("members", h.members());
        fill(root, h, b);
        ArrayNode runs = root.putArray("runs");
        for (int i = 0; i < hub.size(); i++)
            fill(runs.addObject().put("observers", hub.get(i).observers()), hub.get(i), base.get(i));
        return root;
    }

    private static void fill(ObjectNode node, AssemblyRun.Figures h, BaselineRun.Figures b) {
        node.putObject("voteToScreenMs")
                .put("p50", round(h.p50()))
                .put("p99", round(h.p99()))
                .put("max", round(h.max()));
        node.putObject("baselineBroadcastMs")
                .put("p50", round(b.p50()))
                .put("p99", round(b.p99()))
                .put("max", round(b.max()));
        node.put("p99RatioToBaseline", round(h.p99() / Math.max(0.001, b.p99())));
        node.putObject("voteSentToScreenMs").put("p50", round(h.sendP50())).put("p99", round(h.sendP99()));
        node.putObject("ackToFirstScreenMs").put("p50", round(h.toFirstP50())).put("p99", round(h.toFirstP99()));
        node.putObject("firstToLastScreenMs").put("p50", round(h.spreadP50())).put("p99", round(h.spreadP99()));
        node.put("deliveredMessagesPerSec", Math.round(h.deliveredPerSecond()))
                .put("baselineMessagesPerSec", Math.round(b.pacedPerSecond()))
                .put("deliveryRatioToBaseline", round(h.deliveredPerSecond() / Math.max(1, b.pacedPerSecond())))
                .put("baselineCeilingMessagesPerSec", Math.round(b.floodPerSecond()));
        node.put("messagesPerObserverPerSec", round(h.messagesPerObserverPerSecond()))
                .put("bytesPerObserverPerSec", Math.round(h.bytesPerObserverPerSecond()))
                .put("averageMessageBytes", h.averageMessageBytes());
        node.put("bytesPerIdleConnection", h.bytesPerIdleConnection())
                .put("hubRssBytes", h.rssAfter())
                .put("hubCpuCores", round(h.cpuCores()));
        node.putObject("breakoutMoveMs").put("p99", round(h.breakoutP99())).put("max", round(h.breakoutMax()));
        node.put("heldConnections", h.held())
                .put("refusedConnections", h.refused())
                .put("baselineRefusedConnections", b.refused())
                .put("missedVoteScreenPairs", h.missed())
                .put("voteScreenPairs", h.pairs())
                .put("voteWindowSeconds", round(h.windowSeconds()))
                .put("rounds", h.rounds());
    }

    static String summary(List<AssemblyRun.Figures> hub, List<BaselineRun.Figures> base) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                "%9s %8s | %-23s | %-23s | %6s | %-22s | %7s %6s | %8s%n",
                "observers",
                "refused",
                "vote→screen p50/p99 ms",
                "baseline p50/p99 ms",
                "p99 ×",
                "delivered msg/s (×base)",
                "B/idle",
                "cpu",
                "move p99"));
        for (int i = 0; i < hub.size(); i++) {
            AssemblyRun.Figures h = hub.get(i);
            BaselineRun.Figures b = base.get(i);
            s.append(String.format(
                    "%9d %8d | %10.1f / %-10.1f | %10.1f / %-10.1f | %6.2f | %,12.0f (%4.2f×)   | %7d %6.2f | %8.1f%n",
                    h.observers(),
                    h.refused(),
                    h.p50(),
                    h.p99(),
                    b.p50(),
                    b.p99(),
                    h.p99() / Math.max(0.001, b.p99()),
                    h.deliveredPerSecond(),
                    h.deliveredPerSecond() / Math.max(1, b.pacedPerSecond()),
                    h.bytesPerIdleConnection(),
                    h.cpuCores(),
                    h.breakoutP99()));
        }
        return s.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
