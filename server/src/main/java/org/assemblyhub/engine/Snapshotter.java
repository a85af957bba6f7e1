package org.assemblyhub.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.Snapshots;

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
    private final Snapshots files;
    private final String assemblyId;
    private long base;
    private long bytesSince;
    private boolean running;
    private boolean warned;

    private final Rules rules;
    private final PersonalSeals seals;
    /** Completed when the background run ends (null: none runs). */
    private Promise<Void> run;

    Snapshotter(Vertx vertx, Rules rules, EventStore store, Snapshots files, PersonalSeals seals, String assemblyId) {
        this.rules = rules;
        this.seals = seals;
        this.vertx = vertx;
        this.store = store;
        this.files = files;
        this.assemblyId = assemblyId;
    }

    /** After a replay: counts from the snapshot it started from, or the one it wrote. */
    void replayed(EngineReplay.Replayed replayed) {
        base = Math.max(replayed.fromSnapshot(), replayed.snapshotWritten());
        bytesSince = replayed.snapshotWritten() > 0 ? 0 : replayed.foldedBytes();
    }

    /** A batch became durable at {@code seq}: a new snapshot starts when enough journal came since the last one. */
    void landed(long seq, long bytes) {
        bytesSince += bytes;
        if (running || (seq - base < files.everyEvents() && bytesSince < files.everyBytes())) return;
        running = true;
        run = Promise.promise();
        vertx.executeBlocking(() -> roomFor(files.newestSize(assemblyId)), false)
                .compose(room -> room
                        ? EngineReplay.load(vertx, rules, store, files, seals, assemblyId, EngineReplay.Then.SNAPSHOT)
                        : Future.<EngineReplay.Replayed>succeededFuture(null))
                .onComplete(ar -> {
                    running = false;
                    if (ar.succeeded() && ar.result() != null && ar.result().snapshotWritten() > 0) {
                        base = Math.max(base, ar.result().snapshotWritten());
                    } else {
                        if (ar.failed())
                            LOG.log(Level.WARNING, "assembly " + assemblyId + ": no snapshot this time", ar.cause());
                        base = seq; // try again after another snapshot's worth, not at every batch
                    }
                    bytesSince = 0;
                    Promise<Void> ended = run;
                    run = null;
                    ended.complete();
                });
    }

    /** Completes once no snapshot is being made (an erasure deletes every snapshot after the last one is written). */
    Future<Void> idle() {
        return run == null ? Future.succeededFuture() : run.future();
    }

    /**
     * Whether the heap has room for the second model the background job builds. A model takes about four times its
     * snapshot file in the heap; with the live one, eight times must fit in the largest heap, else the job could run
     * the whole hub out of memory. Without room, the next start writes the snapshot (from the replay's own model).
     */
    private boolean roomFor(long snapshotBytes) {
        long needed = snapshotBytes * 8;
        if (needed <= Runtime.getRuntime().maxMemory()) return true;
        if (!warned) {
            warned = true;
            LOG.log(
                    Level.WARNING,
                    "assembly {0}: no snapshot in the background: its model needs about {1} MB of heap twice over"
                            + " and the heap is {2} MB (-Xmx); the next start writes one",
                    assemblyId,
                    needed >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        return false;
    }
}
