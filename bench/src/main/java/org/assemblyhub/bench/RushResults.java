package org.assemblyhub.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/** The closing rush's result file and one-screen summary (see docs/benchmarks.md, "Closing rush"). */
final class RushResults {
    private RushResults() {}

    static ObjectNode json(
            String command, boolean quick, List<ClosingRush.Figures> hub, List<BaselineRun.Figures> base) {
        ObjectNode root = HubSetup.JSON
                .createObjectNode()
                .put("scenario", "closing-rush")
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("command", command)
                .put("quick", quick)
                .put("at", Instant.now().toString())
                .put("loadAverage", Proc.loadAverage());
        ArrayNode runs = root.putArray("runs");
        for (int i = 0; i < hub.size(); i++) fill(runs.addObject(), hub.get(i), base.get(i));
        return root;
    }

    private static void fill(ObjectNode node, ClosingRush.Figures h, BaselineRun.Figures b) {
        node.put("door", h.door()).put("observers", h.observers()).put("members", h.members());
        node.putObject("memberAckMsNoObservers")
                .put("p50", round(h.ackAloneP50()))
                .put("p99", round(h.ackAloneP99()))
                .put("max", round(h.ackAloneMax()));
        node.putObject("memberAckMsWithObservers")
                .put("p50", round(h.ackWatchedP50()))
                .put("p99", round(h.ackWatchedP99()))
                .put("max", round(h.ackWatchedMax()));
        node.put("ackP99RatioWithToWithout", round(h.ackWatchedP99() / Math.max(0.001, h.ackAloneP99())));
        node.putObject("voteSentToScreenMs")
                .put("p50", round(h.sentToScreenP50()))
                .put("p99", round(h.sentToScreenP99()))
                .put("max", round(h.sentToScreenMax()));
        node.putObject("baselineBroadcastMs")
                .put("p50", round(b.p50()))
                .put("p99", round(b.p99()))
                .put("max", round(b.max()));
        node.put("sentP99RatioToBaseline", round(h.sentToScreenP99() / Math.max(0.001, b.p99())));
        node.put("voteAckToScreenP99Ms", round(h.ackToScreenP99()))
                .put("ackToFirstScreenP99Ms", round(h.toFirstP99()))
                .put("firstToLastScreenP99Ms", round(h.spreadP99()));
        node.put("messagesPerObserverPerRush", h.messagesPerObserverPerRound())
                .put("averageMessageBytes", h.averageMessageBytes())
                .put("hubCpuCores", round(h.cpuCores()))
                .put("heldConnections", h.held())
                .put("refusedConnections", h.refused())
                .put("baselineRefusedConnections", b.refused())
                .put("missedVoteScreenPairs", h.missed())
                .put("voteScreenPairs", h.pairs())
                .put("rushWindowSeconds", round(h.windowSeconds()))
                .put("rounds", h.rounds());
    }

    static String summary(List<ClosingRush.Figures> hub, List<BaselineRun.Figures> base) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                "%6s %9s %7s | %-21s | %-21s | %-21s | %-17s | %6s%n",
                "door",
                "observers",
                "refused",
                "ack alone p50/p99 ms",
                "ack watched p50/p99",
                "sent→screen p50/p99",
                "baseline p50/p99",
                "p99 ×"));
        for (int i = 0; i < hub.size(); i++) {
            ClosingRush.Figures h = hub.get(i);
            BaselineRun.Figures b = base.get(i);
            s.append(String.format(
                    "%6s %9d %7d | %9.1f / %-9.1f | %9.1f / %-9.1f | %9.1f / %-9.1f | %7.1f / %-7.1f | %6.2f%n",
                    h.door(),
                    h.observers(),
                    h.refused(),
                    h.ackAloneP50(),
                    h.ackAloneP99(),
                    h.ackWatchedP50(),
                    h.ackWatchedP99(),
                    h.sentToScreenP50(),
                    h.sentToScreenP99(),
                    b.p50(),
                    b.p99(),
                    h.sentToScreenP99() / Math.max(0.001, b.p99())));
        }
        return s.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
