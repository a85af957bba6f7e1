package org.assemblyhub.engine;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Observers' updates this node's gateways are still writing, per assembly: a gateway counts one in when it starts
 * writing an update to its observers' sockets and out when the last of them has it. The engine holds the observers'
 * next update while any is in progress here ({@link ObserverRelease}), so a crowd's updates never pile up on the
 * event loops: each one that goes out carries everything since the last, and arrives sooner than a queue of them
 * would. One per Vert.x instance (a node); gateways on other nodes of a cluster are not counted.
 */
public final class ObserverBacklog implements Shareable {
    private static final String SHARED_MAP = "assembly-hub.observer-backlog";
    private final ConcurrentHashMap<String, AtomicInteger> writing = new ConcurrentHashMap<>();

    public static ObserverBacklog of(Vertx vertx) {
        return (ObserverBacklog) vertx.sharedData()
                .<String, ObserverBacklog>getLocalMap(SHARED_MAP)
                .computeIfAbsent("backlog", k -> new ObserverBacklog());
    }

    /** A gateway starts writing an observers' update of {@code assemblyId}. */
    public void started(String assemblyId) {
        writing.computeIfAbsent(assemblyId, id -> new AtomicInteger()).incrementAndGet();
    }

    /** That gateway handed the update to its last observer's socket. */
    public void finished(String assemblyId) {
        AtomicInteger count = writing.get(assemblyId);
        if (count != null) count.decrementAndGet();
    }

    /** Whether some gateway of this node is still writing an observers' update of {@code assemblyId}. */
    public boolean busy(String assemblyId) {
        AtomicInteger count = writing.get(assemblyId);
        return count != null && count.get() > 0;
    }
}
