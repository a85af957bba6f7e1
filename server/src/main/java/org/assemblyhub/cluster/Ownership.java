package org.assemblyhub.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.AssemblyDirectory;
import org.assemblyhub.engine.AssemblyRegistry;
import org.assemblyhub.engine.EngineAddresses;
import org.assemblyhub.engine.Placement;
import org.assemblyhub.engine.Tenure;
import org.assemblyhub.metrics.HubMetrics;
import org.assemblyhub.store.EventStore;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One owner per assembly across the cluster. Ownership is a lease in a Hazelcast map (the CP subsystem's
 * {@code FencedLock} is not in the community edition), changed only by compare-and-set, with an epoch that grows at
 * every change of owner. Every fifth of a lease this node renews its leases, and takes the assemblies of the shared
 * journal whose lease ran out or whose owner left the cluster (at once when Hazelcast reports a member gone). Taking
 * one means: the lease at the next epoch, then {@link EventStore#claim} (from then on the journal refuses the older
 * owner's appends), then its engine, which replays the journal. A lease it could not renew is given up, and its
 * engine stopped.
 */
public final class Ownership extends VerticleBase implements Placement, AssemblyDirectory {
    private static final System.Logger LOG = System.getLogger(Ownership.class.getName());
    /** The map of leases: assembly id → {@link Lease#encode()}. */
    static final String LEASES = "assembly-hub.owners";

    private final HazelcastInstance hazelcast;
    private final EventStore store;
    private final Clock clock;
    private final long leaseMs;
    private final int quorum;
    private final Map<String, Hold> held = new ConcurrentHashMap<>();
    private AssemblyRegistry registry;
    private IMap<String, String> leases;
    private String me;
    private UUID listener;
    private boolean running;
    private boolean again;
    private long timer = -1;

    /** {@code quorum}: the members this node must see to renew or take a lease (a majority of the cluster). */
    public Ownership(HazelcastInstance hazelcast, EventStore store, Clock clock, long leaseMs, int quorum) {
        this.quorum = quorum;
        this.hazelcast = hazelcast;
        this.store = store;
        this.clock = clock;
        this.leaseMs = leaseMs;
    }

    /** The registry whose engines this node runs (set before this verticle is deployed). */
    public Ownership attach(AssemblyRegistry registry) {
        this.registry = registry;
        return this;
    }

    @Override
    public Future<?> start() {
        leases = hazelcast.getMap(LEASES);
        me = hazelcast.getCluster().getLocalMember().getUuid().toString();
        listener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {}

            @Override
            public void memberRemoved(MembershipEvent event) {
                // Its assemblies are taken now rather than when their leases run out; its sockets are gone.
                String node = event.getMember().getUuid().toString();
                context.runOnContext(v -> {
                    round();
                    nodeLeft(node);
                });
            }
        });
        return cycle().onComplete(v -> timer = vertx.setPeriodic(Math.max(50, leaseMs / 5), t -> round()));
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
        hazelcast.getCluster().removeMembershipListener(listener);
        List<Hold> mine = List.copyOf(held.values());
        held.clear();
        // Given up on purpose: the others may take them at once instead of waiting for the leases to run out.
        return vertx.executeBlocking(() -> {
            for (Hold hold : mine) {
                hold.lose();
                leases.replace(
                        hold.assemblyId(),
                        hold.lease().encode(),
                        hold.lease().released().encode());
            }
            return null;
        });
    }

    /** The node id the leases name (Hazelcast's member id). */
    public String nodeId() {
        return me;
    }

    /** The assemblies this node owns now. */
    public Set<String> owned() {
        return held.values().stream()
                .filter(Hold::current)
                .map(Hold::assemblyId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Tells the engines this node runs that the sockets of {@code node} are gone. */
    private void nodeLeft(String node) {
        for (String id : registry.running()) {
            vertx.eventBus()
                    .request(
                            EngineAddresses.engine(id),
                            new JsonObject().put("node", node),
                            new DeliveryOptions().addHeader("op", "node-left").setLocalOnly(true));
        }
    }

    @Override
    public String node() {
        return me;
    }

    /** One renewal and takeover round at a time; one asked meanwhile runs right after. */
    private void round() {
        if (running) {
            again = true;
            return;
        }
        cycle().onComplete(v -> {
            if (again) {
                again = false;
                round();
            }
        });
    }

    private Future<Void> cycle() {
        running = true;
        return store.assemblyIds()
                .compose(ids -> vertx.executeBlocking(() -> renewAndTake(ids)))
                .compose(this::apply)
                .onFailure(failure -> LOG.log(Level.WARNING, "ownership round failed: " + failure))
                .eventually(() -> {
                    running = false;
                    return Future.succeededFuture();
                })
                .recover(failure -> Future.succeededFuture());
    }

    /** {@code retryAt}: when a lease of a node that left may be taken (0: none waits). */
    private record Changes(List<Hold> lost, List<Hold> taken, long retryAt) {}

    /** On a worker: Hazelcast's map calls block. */
    private Changes renewAndTake(Set<String> ids) {
        List<Hold> lost = new ArrayList<>();
        Set<String> members = hazelcast.getCluster().getMembers().stream()
                .map(Member::getUuid)
                .map(UUID::toString)
                .collect(Collectors.toSet());
        if (members.size() < quorum) {
            // Cut off from the majority: renew nothing (the engines stop acknowledging at half the lease) and give up
            // what ran out — the majority side takes it over.
            long now = clock.millis();
            for (Hold hold : held.values()) {
                if (hold.lease().expired(now)) {
                    hold.lose();
                    lost.add(hold);
                }
            }
            return new Changes(lost, List.of(), 0);
        }
        for (Hold hold : held.values()) {
            long started = clock.millis();
            Lease renewed = hold.lease().renewed(started, leaseMs);
            if (!hold.lost() && leases.replace(hold.assemblyId(), hold.lease().encode(), renewed.encode())) {
                hold.renewed(renewed, started);
            } else {
                hold.lose();
                lost.add(hold);
            }
        }
        List<Hold> taken = new ArrayList<>();
        long retryAt = 0;
        for (String id : ids) {
            if (held.containsKey(id)) continue;
            long started = clock.millis();
            String raw = leases.get(id);
            Lease current = Lease.decode(raw);
            var next = Lease.takeOver(current, me, started, leaseMs, members);
            if (next.isEmpty()) {
                if (current != null && !members.contains(current.nodeId())) {
                    long at = current.stopsAcknowledgingAt(leaseMs);
                    retryAt = retryAt == 0 ? at : Math.min(retryAt, at);
                }
                continue;
            }
            boolean won = raw == null
                    ? leases.putIfAbsent(id, next.get().encode()) == null
                    : leases.replace(id, raw, next.get().encode());
            if (won) taken.add(new Hold(id, next.get(), started, clock, leaseMs, () -> fenced(id)));
        }
        return new Changes(lost, taken, retryAt);
    }

    private Future<Void> apply(Changes changes) {
        if (changes.retryAt() > 0) {
            // The owner that left stops acknowledging then: take its assemblies at that moment, not a round later.
            vertx.setTimer(Math.max(1, changes.retryAt() - clock.millis()), t -> round());
        }
        for (Hold hold : changes.lost()) {
            held.remove(hold.assemblyId(), hold);
            LOG.log(Level.WARNING, "assembly " + hold.assemblyId() + ": ownership lost; stopping its engine here");
            registry.close(hold.assemblyId());
        }
        List<Future<Void>> opened = new ArrayList<>();
        for (Hold hold : changes.taken()) {
            held.put(hold.assemblyId(), hold);
            opened.add(takeOver(hold));
        }
        return Future.join(opened).mapEmpty();
    }

    private Future<Void> takeOver(Hold hold) {
        String id = hold.assemblyId();
        LOG.log(Level.INFO, "assembly " + id + ": taking ownership at epoch " + hold.epoch());
        return store.claim(id, hold.epoch())
                .compose(v -> registry.open(id, hold))
                .onSuccess(v -> {
                    // Epoch 1 is the creating node's; any later epoch is an assembly that moved here.
                    if (hold.epoch() > 1) HubMetrics.of(vertx).ownerMoved();
                })
                .onFailure(failure -> {
                    LOG.log(
                            Level.ERROR,
                            "assembly " + id + ": cannot take it at epoch " + hold.epoch() + ": " + failure);
                    hold.lose();
                    held.remove(id, hold);
                });
    }

    /** The journal refused an append of ours: a newer owner has it. */
    private void fenced(String assemblyId) {
        context.runOnContext(v -> {
            Hold hold = held.remove(assemblyId);
            if (hold != null) hold.lose();
            registry.close(assemblyId);
        });
    }

    @Override
    public boolean opensEveryJournal() {
        return false;
    }

    @Override
    public Future<Tenure> admit(String assemblyId) {
        return vertx.executeBlocking(() -> {
                    if (hazelcast.getCluster().getMembers().size() < quorum) {
                        throw new IllegalStateException("this node is cut off from most of the cluster");
                    }
                    long started = clock.millis();
                    Lease lease = new Lease(me, 1, started + leaseMs);
                    if (leases.putIfAbsent(assemblyId, lease.encode()) != null) {
                        throw new IllegalStateException("assembly " + assemblyId + " is owned already");
                    }
                    return new Hold(assemblyId, lease, started, clock, leaseMs, () -> fenced(assemblyId));
                })
                .compose(hold -> store.claim(assemblyId, hold.epoch()).map(v -> {
                    held.put(assemblyId, hold);
                    return (Tenure) hold;
                }));
    }

    @Override
    public void release(String assemblyId) {
        Hold hold = held.remove(assemblyId);
        if (hold == null) return;
        hold.lose();
        vertx.executeBlocking(() -> leases.remove(assemblyId, hold.lease().encode()));
    }

    @Override
    public Future<Boolean> known(String assemblyId) {
        return vertx.executeBlocking(() -> leases.containsKey(assemblyId));
    }
}
