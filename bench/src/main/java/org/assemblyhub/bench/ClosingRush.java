package org.assemblyhub.bench;

import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario "closing rush" against the real hub jar in its own JVM: every member votes within one second, first
 * with no observer connected (members' acks alone), then while N anonymous observers watch. Measures members' ack
 * latency (sent → ack) in both, and vote sent → every screen with observers. One hub for both halves, so the two
 * ack figures come from the same process, warmed the same way.
 */
final class ClosingRush {
    /** What one closing rush at N observers measured. */
    record Figures(
            /** {@code watch}: observers on their own endpoint ({@code --observer-port}); {@code live}: on members'. */
            String door,
            int observers,
            int members,
            int held,
            int refused,
            int rounds,
            double ackAloneP50,
            double ackAloneP99,
            double ackAloneMax,
            double ackWatchedP50,
            double ackWatchedP99,
            double ackWatchedMax,
            double sentToScreenP50,
            double sentToScreenP99,
            double sentToScreenMax,
            double ackToScreenP99,
            double toFirstP99,
            double spreadP99,
            long missed,
            long pairs,
            double windowSeconds,
            long observerMessages,
            long observerBytes,
            double cpuCores) {
        /** In one measured rush: what the baseline replays, once per round. */
        int messagesPerObserverPerRound() {
            return (int) Math.max(1, Math.round(observerMessages / (double) Math.max(1, held) / rounds));
        }

        double secondsPerRound() {
            return windowSeconds / rounds;
        }

        int averageMessageBytes() {
            return (int) (observerBytes / Math.max(1, observerMessages));
        }
    }

    private final Path hubJar;
    private final Path work;
    private final int members;
    private final int rounds;
    /** The hub's JVM options (as {@link AssemblyRun}'s). */
    List<String> hubJvmOptions = List.of("-Xms1g", "-Xmx4g");

    ClosingRush(Path hubJar, Path work, int members, int rounds) {
        this.hubJar = hubJar;
        this.work = work;
        this.members = members;
        this.rounds = rounds;
    }

    /**
     * {@code ownDoor}: the observers connect to their own endpoint ({@code /watch} on {@code watchPort}, served on
     * event loops of their own) rather than to {@code /live} beside the members. The hub has the endpoint either way.
     */
    Figures run(int observers, int port, int watchPort, boolean ownDoor) throws Exception {
        // Members and observers on separate client Vert.x instances (event loops): otherwise a member's ack waits, in
        // the load generator, behind the observers' frames read on the same loop, and the figure is the generator's.
        String door = ownDoor ? "watch" : "live";
        try (JvmProcess hub = HubProcess.start(
                        hubJar,
                        work,
                        hubJvmOptions,
                        port,
                        "rush-" + observers + "-" + door,
                        List.of("--observer-port", String.valueOf(watchPort)));
                Sockets sockets = new Sockets();
                Sockets watching = new Sockets()) {
            hub.awaitHealthy("http://127.0.0.1:" + port + "/health", Duration.ofSeconds(60));
            HubSetup setup = HubSetup.create(port, AssemblyRun.BOOTSTRAP, members, 0);
            Conn organiser = AssemblyRun.join(sockets, port, setup, setup.organiserToken, false);
            List<Conn> voters = new ArrayList<>();
            for (int i = 1; i <= members; i++)
                voters.add(AssemblyRun.join(sockets, port, setup, setup.tokens.get("m" + i), false));
            AssemblyRun.settle();

            // Members alone: a warm-up rush (not measured), then the measured ones.
            int poll = 0;
            rush(organiser, voters, List.of(), ++poll);
            Histogram acksAlone = micros();
            for (int round = 0; round < rounds; round++)
                recordAcks(acksAlone, rush(organiser, voters, List.of(), ++poll).votes);

            List<Conn> screens = Collections.synchronizedList(new ArrayList<>());
            int refused = ownDoor
                    ? AssemblyRun.observe(watching, watchPort, "/watch", setup.assemblyId, observers, screens)
                    : AssemblyRun.observe(watching, port, "/live", setup.assemblyId, observers, screens);
            AssemblyRun.settle();

            // Watched: a warm-up rush with the observers (not measured), then the measured ones.
            rush(organiser, voters, screens, ++poll);
            Histogram acksWatched = micros();
            LatencyBook fromAck = new LatencyBook();
            LatencyBook fromSend = new LatencyBook();
            VoteSpread spread = new VoteSpread();
            long messages = 0;
            long bytes = 0;
            double window = 0;
            double cpu = 0;
            for (int round = 0; round < rounds; round++) {
                double cpuBefore = Proc.cpuSeconds(hub.pid());
                Rush r = rush(organiser, voters, screens, ++poll);
                cpu += Proc.cpuSeconds(hub.pid()) - cpuBefore;
                window += r.seconds;
                recordAcks(acksWatched, r.votes);
                List<LatencyBook.Vote> sent =
                        r.votes.stream().map(LatencyBook.Vote::asSent).toList();
                spread.begin(r.votes);
                for (Conn s : screens) {
                    synchronized (s.log) {
                        long[] arrivals = LatencyBook.arrivals(r.votes, s.log.seqs, s.log.times, s.log.count);
                        fromAck.add(r.votes, arrivals);
                        fromSend.add(sent, arrivals);
                        spread.screen(arrivals);
                        messages += s.log.messages;
                        bytes += s.log.bytes;
                    }
                }
                spread.end();
            }
            return new Figures(
                    door,
                    observers,
                    members,
                    screens.size(),
                    refused,
                    rounds,
                    ms(acksAlone, 50),
                    ms(acksAlone, 99),
                    acksAlone.getMaxValue() / 1000.0,
                    ms(acksWatched, 50),
                    ms(acksWatched, 99),
                    acksWatched.getMaxValue() / 1000.0,
                    fromSend.percentileMs(50),
                    fromSend.percentileMs(99),
                    fromSend.maxMs(),
                    fromAck.percentileMs(99),
                    spread.toFirstMs(99),
                    spread.spreadMs(99),
                    fromSend.missed(),
                    fromSend.pairs(),
                    window,
                    messages,
                    bytes,
                    cpu / Math.max(1e-3, window));
        }
    }

    /** One rush's votes (sorted by seq) and its window: first vote sent → last screen updated (or last ack). */
    record Rush(List<LatencyBook.Vote> votes, double seconds) {}

    /**
     * Opens poll {@code p<n>}, waits until every screen shows it, then every member votes once, evenly spread over
     * one second; waits until every screen shows the last vote, and closes the poll.
     */
    static Rush rush(Conn organiser, List<Conn> voters, List<Conn> screens, int n) throws Exception {
        String pollId = "p" + n;
        long openSeq =
                organiser.command("open-" + n, "open-poll", AssemblyRun.POLL).get(30, TimeUnit.SECONDS)[0];
        AssemblyRun.awaitAll(screens, openSeq, Duration.ofSeconds(60));
        screens.forEach(s -> s.log.reset());
        long start = System.nanoTime();
        List<LatencyBook.Vote> votes = new ArrayList<>(AssemblyRun.vote(voters, pollId, 0, 1.0));
        long lastSeq = votes.stream().mapToLong(LatencyBook.Vote::seq).max().orElse(openSeq);
        AssemblyRun.awaitAll(screens, lastSeq, Duration.ofSeconds(120));
        long end = votes.stream().mapToLong(LatencyBook.Vote::ackNanos).max().orElse(start);
        for (Conn s : screens) {
            synchronized (s.log) {
                if (s.log.count > 0) end = Math.max(end, s.log.times[s.log.count - 1]);
            }
        }
        votes.sort(Comparator.comparingLong(LatencyBook.Vote::seq));
        organiser
                .command("close-" + n, "close-poll", "{\"pollId\":\"" + pollId + "\"}")
                .get(30, TimeUnit.SECONDS);
        return new Rush(votes, Math.max(1e-3, (end - start) / 1e9));
    }

    private static void recordAcks(Histogram micros, List<LatencyBook.Vote> votes) {
        for (LatencyBook.Vote v : votes)
            micros.recordValue(
                    Math.min(Math.max(0, v.ackNanos() - v.sentNanos()) / 1_000, micros.getHighestTrackableValue()));
    }

    private static Histogram micros() {
        return new Histogram(600_000_000L, 3);
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1_000.0;
    }
}
