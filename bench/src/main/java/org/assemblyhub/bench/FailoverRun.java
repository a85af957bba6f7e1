package org.assemblyhub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Scenario "failover": three hub processes clustered over loopback, sharing one durable {@code redis-server}
 * journal. A member on a surviving node votes every 50 ms; the owner of the assembly (the node whose {@code /health}
 * lists it as running) is killed with SIGKILL; measured: the time from the kill to the first acknowledged command
 * sent after it, and which node owns the assembly then.
 */
final class FailoverRun {
    /** What one failover measured. */
    record Figures(double killToFirstAckSeconds, int refused, int unanswered, String killed, String newOwner) {}

    private final Path hubJar;
    private final Path work;
    private final long leaseMs;

    FailoverRun(Path hubJar, Path work, long leaseMs) {
        this.hubJar = hubJar;
        this.work = work;
        this.leaseMs = leaseMs;
    }

    Figures run(int attempt) throws Exception {
        try (HubCluster cluster =
                        HubCluster.start(hubJar, work, "failover-" + attempt, leaseMs, List.of("-Xms256m", "-Xmx1g"));
                Sockets sockets = new Sockets()) {
            int[] ports = cluster.ports;
            HubSetup setup = HubSetup.create(ports[0], AssemblyRun.BOOTSTRAP, 2, 0);
            Conn first = AssemblyRun.join(sockets, ports[0], setup, setup.organiserToken, false);
            int owner = cluster.awaitOwner(setup.assemblyId, -1, Duration.ofSeconds(60));
            first.ws.close();
            int survivor = (owner + 1) % 3;
            Conn organiser = AssemblyRun.join(sockets, ports[survivor], setup, setup.organiserToken, false);
            Conn voter = AssemblyRun.join(sockets, ports[survivor], setup, setup.tokens.get("m1"), false);
            organiser.command("open", "open-poll", AssemblyRun.POLL).get(30, TimeUnit.SECONDS);
            for (int k = 0; k < 5; k++) vote(voter, "warm-" + k, k).get(30, TimeUnit.SECONDS);

            long killedAt = System.nanoTime();
            cluster.kill(owner);
            List<CompletableFuture<long[]>> sent = new ArrayList<>();
            long deadline = killedAt + TimeUnit.SECONDS.toNanos(120);
            long firstAck = -1;
            for (int k = 0; firstAck < 0 && System.nanoTime() < deadline; k++) {
                sent.add(vote(voter, "after-" + k, k));
                TimeUnit.MILLISECONDS.sleep(50);
                for (CompletableFuture<long[]> f : sent) {
                    if (f.isDone() && !f.isCompletedExceptionally()) {
                        long at = f.join()[1];
                        firstAck = firstAck < 0 ? at : Math.min(firstAck, at);
                    }
                }
            }
            int refused = (int) sent.stream()
                    .filter(CompletableFuture::isCompletedExceptionally)
                    .count();
            int unanswered = (int) sent.stream().filter(f -> !f.isDone()).count();
            int newOwner = cluster.awaitOwner(setup.assemblyId, owner, Duration.ofSeconds(30));
            return new Figures(
                    firstAck < 0 ? -1 : (firstAck - killedAt) / 1e9,
                    refused,
                    unanswered,
                    "node" + owner,
                    newOwner < 0 ? "none" : "node" + newOwner);
        }
    }

    /** A vote for option {@code k % 3}: each changes the tally, so each is a real command for the engine. */
    private static CompletableFuture<long[]> vote(Conn voter, String id, int k) {
        return voter.command(id, "answer-poll", "{\"pollId\":\"p1\",\"choices\":[" + (k % 3) + "]}");
    }
}
