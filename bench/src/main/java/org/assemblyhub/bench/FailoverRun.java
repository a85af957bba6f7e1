package org.assemblyhub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Scenario "failover": three hub processes clustered over loopback, sharing one durable {@code redis-server}
 * journal. {@code voters} members on the two surviving nodes vote in turn (together one vote every 50 ms, each
 * changing the tally); the owner of the assembly (the node whose {@code /health} lists it as running) is killed with
 * SIGKILL; measured: the time from the kill to the first acknowledged command sent after it, to the moment every
 * voter has had one acknowledged (all of them carry on), and which node owns the assembly then.
 */
final class FailoverRun {
    /** What one failover measured. */
    record Figures(
            int voters,
            double killToFirstAckSeconds,
            double killToEveryVoterAckedSeconds,
            int refused,
            int unanswered,
            String killed,
            String newOwner) {}

    private final Path hubJar;
    private final Path work;
    private final long leaseMs;
    private final int voters;

    FailoverRun(Path hubJar, Path work, long leaseMs, int voters) {
        this.hubJar = hubJar;
        this.work = work;
        this.leaseMs = leaseMs;
        this.voters = voters;
    }

    Figures run(int attempt) throws Exception {
        try (HubCluster cluster =
                        HubCluster.start(hubJar, work, "failover-" + attempt, leaseMs, List.of("-Xms256m", "-Xmx1g"));
                Sockets sockets = new Sockets()) {
            int[] ports = cluster.ports;
            HubSetup setup = HubSetup.create(ports[0], AssemblyRun.BOOTSTRAP, Math.max(2, voters), 0);
            Conn first = AssemblyRun.join(sockets, ports[0], setup, setup.organiserToken, false);
            int owner = cluster.awaitOwner(setup.assemblyId, -1, Duration.ofSeconds(60));
            first.ws.close();
            int survivor = (owner + 1) % 3;
            Conn organiser = AssemblyRun.join(sockets, ports[survivor], setup, setup.organiserToken, false);
            List<Conn> members = new ArrayList<>();
            for (int i = 1; i <= voters; i++) {
                int node = i % 2 == 0 ? survivor : (owner + 2) % 3;
                members.add(AssemblyRun.join(sockets, ports[node], setup, setup.tokens.get("m" + i), false));
            }
            organiser.command("open", "open-poll", AssemblyRun.POLL).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < members.size(); i++)
                vote(members.get(i), "warm-" + i, i).get(30, TimeUnit.SECONDS);

            long killedAt = System.nanoTime();
            cluster.kill(owner);
            List<List<CompletableFuture<long[]>>> sent = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) sent.add(new ArrayList<>());
            long deadline = killedAt + TimeUnit.SECONDS.toNanos(120);
            long firstAck = -1;
            long everyoneAcked = -1;
            for (int k = 0; everyoneAcked < 0 && System.nanoTime() < deadline; k++) {
                int who = k % members.size();
                sent.get(who).add(vote(members.get(who), "after-" + k, k));
                TimeUnit.MILLISECONDS.sleep(50);
                long latestFirst = 0;
                for (List<CompletableFuture<long[]>> mine : sent) {
                    long own = firstAck(mine);
                    if (own >= 0) firstAck = firstAck < 0 ? own : Math.min(firstAck, own);
                    latestFirst = own < 0 || latestFirst < 0 ? -1 : Math.max(latestFirst, own);
                }
                if (latestFirst > 0) everyoneAcked = latestFirst;
            }
            List<CompletableFuture<long[]>> all =
                    sent.stream().flatMap(List::stream).toList();
            int refused = (int) all.stream()
                    .filter(CompletableFuture::isCompletedExceptionally)
                    .count();
            int unanswered = (int) all.stream().filter(f -> !f.isDone()).count();
            int newOwner = cluster.awaitOwner(setup.assemblyId, owner, Duration.ofSeconds(30));
            return new Figures(
                    voters,
                    firstAck < 0 ? -1 : (firstAck - killedAt) / 1e9,
                    everyoneAcked < 0 ? -1 : (everyoneAcked - killedAt) / 1e9,
                    refused,
                    unanswered,
                    "node" + owner,
                    newOwner < 0 ? "none" : "node" + newOwner);
        }
    }

    /** When the first of these commands was acknowledged (nanoTime), or -1. */
    private static long firstAck(List<CompletableFuture<long[]>> commands) {
        long first = -1;
        for (CompletableFuture<long[]> f : commands) {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                long at = f.join()[1];
                first = first < 0 ? at : Math.min(first, at);
            }
        }
        return first;
    }

    /** A vote for option {@code k % 3}: each changes the tally, so each is a real command for the engine. */
    private static CompletableFuture<long[]> vote(Conn voter, String id, int k) {
        return voter.command(id, "answer-poll", "{\"pollId\":\"p1\",\"choices\":[" + (k % 3) + "]}");
    }
}
