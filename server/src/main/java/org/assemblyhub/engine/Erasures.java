package org.assemblyhub.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.assemblyhub.kernel.ErasesPerson;
import org.assemblyhub.store.Snapshots;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Carries out erasures the journal has recorded: every snapshot of the assembly goes first (a snapshot holds the model
 * in the clear), then the people's keys — in that order, so that a crash in between leaves keys to delete at the next
 * start and never a snapshot that outlives them. Waits for a background snapshot to end before it starts.
 */
final class Erasures {
    private final Vertx vertx;
    private final String assemblyId;
    private final KeyRing keys;
    private final Snapshots snapshots;

    Erasures(Vertx vertx, String assemblyId, KeyRing keys, Snapshots snapshots) {
        this.vertx = vertx;
        this.assemblyId = assemblyId;
        this.keys = keys;
        this.snapshots = snapshots;
    }

    /** The people a batch erases. */
    static Set<String> erasedBy(List<RecordedEvent> events) {
        Set<String> erased = new LinkedHashSet<>();
        for (RecordedEvent e : events) {
            if (e.event() instanceof ErasesPerson p) erased.add(p.personId());
        }
        return erased;
    }

    /** Those erased whose key is still kept. */
    Set<String> pending(Set<String> erased) {
        Set<String> pending = new LinkedHashSet<>();
        if (keys == null) return pending;
        for (String id : erased) if (keys.find(id).isPresent()) pending.add(id);
        return pending;
    }

    Future<Void> carryOut(Set<String> personIds, Snapshotter snapshotter) {
        if (keys == null) return Future.succeededFuture();
        Future<Void> idle = snapshotter == null ? Future.succeededFuture() : snapshotter.idle();
        return idle.compose(v -> vertx.executeBlocking(
                () -> {
                    if (snapshots != null) snapshots.deleteAll(assemblyId);
                    keys.erase(personIds);
                    return null;
                },
                false));
    }
}
