package org.assemblyhub.bench;

import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.*;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Scenario "assembly" against the real hub jar in its own JVM: members and facilitators join, N anonymous observers
 * join, a live poll opens, members vote at a steady rate (some change their vote), and every observer's arrivals are
 * logged; then scenario "breakouts": all members move into 25 groups and back.
 */
final class AssemblyRun {
    static final String BOOTSTRAP = "bench-bootstrap-token-0123456789abcdef";
    static final String POLL =
            "{\"kind\":\"single\",\"question\":\"Which first?\",\"options\":[\"Trees\",\"Bikes\",\"Buses\"]}";

    /** What one run at N observers measured. */
    record Figures(
            int observers,
            int members,
            int held,
            int refused,
            double p50,
            double p99,
            double max,
            long missed,
            long pairs,
            double sendP50,
            double sendP99,
            double toFirstP50,
            double toFirstP99,
            double spreadP50,
            double spreadP99,
            int rounds,
            double windowSeconds,
            long observerMessages,
            long observerBytes,
            double cpuCores,
            long rssBefore,
            long rssIdle,
            long rssAfter,
            double breakoutP99,
            double breakoutMax) {
        double messagesPerObserverPerSecond() {
            return observerMessages / (double) Math.max(1, held) / windowSeconds;
        }

        double bytesPerObserverPerSecond() {
            return observerBytes / (double) Math.max(1, held) / windowSeconds;
        }

        double deliveredPerSecond() {
            return observerMessages / windowSeconds;
        }

        /** In one measured round: what the baseline replays, once per round. */
        int messagesPerObserverPerRound() {
            return (int) Math.max(1, Math.round(observerMessages / (double) Math.max(1, held) / rounds));
        }

        double secondsPerRound() {
            return windowSeconds / rounds;
        }

        int averageMessageBytes() {
            return (int) (observerBytes / Math.max(1, observerMessages));
        }

        long bytesPerIdleConnection() {
            return held == 0 ? 0 : Math.max(0, rssIdle - rssBefore) / held;
        }
    }

    private final Path hubJar;
    private final Path work;
    private final int members;
    private final int facilitators;
    private final int changes;
    private final double voteSeconds;
    private final int rounds;
    boolean profile;
    /** The hub's JVM options: by default the launcher's own ({@code ./hub start}), so the bench measures what runs. */
    List<String> hubJvmOptions = List.of("-Xms1g", "-Xmx4g");

    AssemblyRun(Path hubJar, Path work, int members, int facilitators, int changes, double voteSeconds, int rounds) {
        this.rounds = rounds;
        this.hubJar = hubJar;
        this.work = work;
        this.members = members;
        this.facilitators = facilitators;
        this.changes = changes;
        this.voteSeconds = voteSeconds;
    }

    Figures run(int observers, int port) throws Exception {
        List<String> jvm = new ArrayList<>(hubJvmOptions);
        if (profile)
            jvm.add("-XX:StartFlightRecording=filename=" + work.resolve("hub-" + observers + ".jfr")
                    + ",settings=profile");
        try (JvmProcess hub = HubProcess.start(hubJar, work, jvm, port, "hub-" + observers);
                Sockets sockets = new Sockets()) {
            hub.awaitHealthy("http://127.0.0.1:" + port + "/health", Duration.ofSeconds(60));
            HubSetup setup = HubSetup.create(port, BOOTSTRAP, members, facilitators);
            Conn organiser = join(sockets, port, setup, setup.organiserToken, false);
            organiser.command("lead", "appoint-lead", "{\"personId\":\"f0\"}").get(30, TimeUnit.SECONDS);
            Conn lead = join(sockets, port, setup, setup.tokens.get("f0"), false);
            List<Conn> voters = new ArrayList<>();
            for (int i = 1; i <= facilitators; i++) join(sockets, port, setup, setup.tokens.get("f" + i), false);
            for (int i = 1; i <= members; i++) voters.add(join(sockets, port, setup, setup.tokens.get("m" + i), false));
            settle();
            long rssBefore = Proc.rssBytes(hub.pid());

            List<Conn> screens = Collections.synchronizedList(new ArrayList<>());
            int refused = observe(sockets, port, setup.assemblyId, observers, screens);
            settle();
            long rssIdle = Proc.rssBytes(hub.pid());

            // Warm-up, not measured: the same work once, so the figures are the steady state, not the JIT's first
            // steps.
            organiser.command("warm-up", "open-poll", POLL).get(30, TimeUnit.SECONDS);
            vote(voters, "p1", 0, Math.max(1, voteSeconds / 3));
            organiser
                    .command("warm-up-close", "close-poll", "{\"pollId\":\"p1\"}")
                    .get(30, TimeUnit.SECONDS);
            // Measured: several polls, one after the other, pooled — a single 10-second window on a shared machine is
            // at the mercy of whatever else runs during it.
            LatencyBook book = new LatencyBook();
            LatencyBook fromSend = new LatencyBook();
            VoteSpread spread = new VoteSpread();
            long messages = 0;
            long bytes = 0;
            double window = 0;
            double cpu = 0;
            for (int round = 0; round < rounds; round++) {
                String pollId = "p" + (round + 2);
                long openSeq =
                        organiser.command("poll-" + round, "open-poll", POLL).get(30, TimeUnit.SECONDS)[0];
                awaitAll(screens, openSeq, Duration.ofSeconds(60));
                screens.forEach(s -> s.log.reset());

                double cpuBefore = Proc.cpuSeconds(hub.pid());
                LocalTime wallStart = LocalTime.now();
                long start = System.nanoTime();
                List<LatencyBook.Vote> votes = vote(voters, pollId, changes, voteSeconds);
                long lastSeq =
                        votes.stream().mapToLong(LatencyBook.Vote::seq).max().orElse(openSeq);
                awaitAll(screens, lastSeq, Duration.ofSeconds(120));
                long end = screens.stream()
                        .mapToLong(s -> s.log.times[Math.max(0, s.log.count - 1)])
                        .max()
                        .orElse(System.nanoTime());
                cpu += Proc.cpuSeconds(hub.pid()) - cpuBefore;
                window += Math.max(1e-3, (end - start) / 1e9);
                if (profile)
                    System.out.printf(
                            "  vote window %d (to read the profile) %s – %s%n", round + 1, wallStart, LocalTime.now());

                votes.sort(Comparator.comparingLong(LatencyBook.Vote::seq));
                List<LatencyBook.Vote> sentVotes =
                        votes.stream().map(LatencyBook.Vote::asSent).toList();
                spread.begin(votes);
                for (Conn s : screens) {
                    synchronized (s.log) {
                        long[] arrivals = LatencyBook.arrivals(votes, s.log.seqs, s.log.times, s.log.count);
                        book.add(votes, arrivals);
                        fromSend.add(sentVotes, arrivals);
                        spread.screen(arrivals);
                        messages += s.log.messages;
                        bytes += s.log.bytes;
                    }
                }
                spread.end();
                organiser
                        .command("close-" + round, "close-poll", "{\"pollId\":\"" + pollId + "\"}")
                        .get(30, TimeUnit.SECONDS);
            }
            long rssAfter = Proc.rssBytes(hub.pid());
            Histogram moves = breakouts(lead, voters);
            return new Figures(
                    observers,
                    members,
                    screens.size(),
                    refused,
                    book.percentileMs(50),
                    book.percentileMs(99),
                    book.maxMs(),
                    book.missed(),
                    book.pairs(),
                    fromSend.percentileMs(50),
                    fromSend.percentileMs(99),
                    spread.toFirstMs(50),
                    spread.toFirstMs(99),
                    spread.spreadMs(50),
                    spread.spreadMs(99),
                    rounds,
                    window,
                    messages,
                    bytes,
                    cpu / window,
                    rssBefore,
                    rssIdle,
                    rssAfter,
                    moves.getValueAtPercentile(99) / 1000.0,
                    moves.getMaxValue() / 1000.0);
        }
    }

    static Conn join(Sockets sockets, int port, HubSetup setup, String token, boolean keepFrames) throws Exception {
        Conn c = new Conn(keepFrames);
        c.ws = sockets.connect(port, "/live", token, c::onText)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        c.hello(setup.assemblyId);
        c.joined.get(30, TimeUnit.SECONDS);
        return c;
    }

    /** Opens {@code count} anonymous observers (250 at a time); those that joined go into {@code screens}. */
    static int observe(Sockets sockets, int port, String assemblyId, int count, List<Conn> screens)
            throws InterruptedException {
        return observe(sockets, port, "/live", assemblyId, count, screens);
    }

    /** The same on {@code path} ({@code /watch}: the observers' own endpoint, on its own port). */
    static int observe(Sockets sockets, int port, String path, String assemblyId, int count, List<Conn> screens)
            throws InterruptedException {
        return Sockets.openAll(
                count,
                250,
                i -> {
                    Conn c = new Conn(true);
                    CompletableFuture<Void> ready = new CompletableFuture<>();
                    sockets.connect(port, path, null, c::onText).onComplete(ar -> {
                        if (ar.failed()) {
                            ready.completeExceptionally(ar.cause());
                            return;
                        }
                        c.ws = ar.result();
                        c.hello(assemblyId);
                        c.joined.whenComplete((v, e) -> {
                            if (e == null) {
                                screens.add(c);
                                ready.complete(null);
                            } else {
                                ready.completeExceptionally(e);
                            }
                        });
                    });
                    return ready;
                },
                60);
    }

    /** Every member votes once, and {@code changes} of them change their vote, evenly spread over {@code seconds}. */
    static List<LatencyBook.Vote> vote(List<Conn> voters, String pollId, int changes, double seconds) throws Exception {
        Random random = new Random(42);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < voters.size(); i++) order.add(i);
        Collections.shuffle(order, random);
        for (int k = 0; k < changes; k++)
            order.add(order.size() / 2 + random.nextInt(order.size() / 2), order.get(random.nextInt(voters.size())));
        long interval = (long) (seconds * 1e9 / order.size());
        List<CompletableFuture<long[]>> answers = new ArrayList<>();
        Map<Integer, Integer> chosen = new HashMap<>();
        List<Long> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int k = 0; k < order.size(); k++) {
            long due = start + k * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            int who = order.get(k);
            Conn voter = voters.get(who);
            // A changed vote picks another option: re-sending the same answer changes no tally, so no screen would
            // ever show it changing, and the bookkeeping would wait for the next vote's update instead.
            Integer before = chosen.get(who);
            int choice = before == null ? random.nextInt(3) : (before + 1 + random.nextInt(2)) % 3;
            chosen.put(who, choice);
            sent.add(System.nanoTime());
            answers.add(voter.command(
                    pollId + "-v" + k, "answer-poll", "{\"pollId\":\"" + pollId + "\",\"choices\":[" + choice + "]}"));
        }
        List<LatencyBook.Vote> votes = new ArrayList<>();
        for (int k = 0; k < answers.size(); k++) {
            long[] ack = answers.get(k).get(60, TimeUnit.SECONDS);
            votes.add(new LatencyBook.Vote(ack[0], ack[1], sent.get(k)));
        }
        return votes;
    }

    /** The lead opens 25 groups and closes them: the time until each member's screen is in its room, then back. */
    private Histogram breakouts(Conn lead, List<Conn> members) throws Exception {
        Histogram micros = new Histogram(600_000_000L, 3);
        lead.command("plan", "plan-breakouts", "{\"minSize\":7,\"maxSize\":8}").get(60, TimeUnit.SECONDS);
        for (String step : List.of("open-breakouts", "close-breakouts")) {
            boolean opening = step.startsWith("open");
            long sent = System.nanoTime();
            lead.command(step, step, "{}").get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (Conn m : members) {
                while (System.nanoTime() < deadline
                        && (m.audience == null
                                || m.audience.startsWith("member@") != opening
                                || m.audienceChangedAt < sent)) {
                    Thread.sleep(5);
                }
                if (System.nanoTime() >= deadline)
                    throw new IllegalStateException("a member never reached its room after " + step);
                micros.recordValue(Math.max(0, m.audienceChangedAt - sent) / 1_000);
            }
        }
        return micros;
    }

    /** Waits until every screen has received a message at or past {@code seq}. */
    static void awaitAll(List<Conn> screens, long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Conn s : screens) {
            while (s.log.lastSeq() < seq && System.nanoTime() < deadline) Thread.sleep(5);
        }
    }

    static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(2_000);
    }
}
