package org.assemblyhub.assembly.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.SnapshotFiles;

import java.lang.System.Logger.Level;

/**
 * Keeps an assembly's snapshots recent: once the journal has grown by a snapshot's worth of events or bytes past the
 * newest snapshot, a new one is made in the background — the newest snapshot plus the journal since, folded on a
 * worker into a model of its own and written there. The engine's live model is never touched from another thread and
 * nothing waits for a snapshot: not a command, not an acknowledgement, not a view. Runs on the engine's context.
 */
final class Snapshotter {
    private static final System.Logger LOG = System.getLogger(Snapshotter.class.getName());

    private final Vertx vertx;
    private final EventStore store;
    private final SnapshotFiles files;
    private final String assemblyId;
    private long base;
    private long bytesSince;
    private boolean running;

    Snapshotter(Vertx vertx, EventStore store, SnapshotFiles files, String assemblyId) {
        this.vertx = vertx;
        this.store = store;
        this.files = files;
        this.assemblyId = assemblyId;
    }

    /** After a replay: writes the snapshot it serialised, if it did, and counts from there. */
    void replayed(EngineReplay.Replayed replayed) {
        base = replayed.fromSnapshot();
        bytesSince = replayed.foldedBytes();
        if (replayed.payload() != null) {
            running = true;
            write(replayed).onComplete(ar -> running = false);
        }
    }

    /** A batch became durable at {@code seq}: a new snapshot starts when enough journal came since the last one. */
    void landed(long seq, long bytes) {
        bytesSince += bytes;
        if (running || (seq - base < files.everyEvents() && bytesSince < files.everyBytes())) return;
        running = true;
        EngineReplay.load(vertx, store, files, assemblyId, EngineReplay.Then.SNAPSHOT)
                .compose(this::write)
                .onComplete(ar -> {
                    running = false;
                    if (ar.failed()) LOG.log(Level.WARNING, "assembly " + assemblyId + ": no snapshot this time", ar.cause());
                });
    }

    private Future<Void> write(EngineReplay.Replayed replayed) {
        if (replayed.payload() == null) return Future.succeededFuture();
        return vertx.executeBlocking(() -> files.write(assemblyId, replayed.seq(), replayed.anchor(), replayed.payload()), false)
                .onSuccess(file -> {
                    base = Math.max(base, replayed.seq());
                    bytesSince = 0;
                    LOG.log(Level.INFO, "assembly {0}: snapshot at seq {1} ({2} bytes)", assemblyId, replayed.seq(), replayed.payload().length);
                })
                .onFailure(e -> LOG.log(Level.WARNING, "assembly " + assemblyId + ": the snapshot could not be written", e))
                .mapEmpty();
    }
}
