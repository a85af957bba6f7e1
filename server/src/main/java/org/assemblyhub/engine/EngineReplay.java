package org.assemblyhub.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.JournalChain;
import org.assemblyhub.store.JournalRecord;
import org.assemblyhub.store.Snapshots;

import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Rebuilds an engine's model: from the newest snapshot that proves it belongs to this journal, else from seq 1, then
 * record by record — each decoded and folded as it is read, on a worker, so a journal of any length replays in the
 * memory of its model. The model is owned by the replay until the returned future completes: the engine takes it
 * then, and nothing else ever touches it.
 * <p>
 * A snapshot is used only if its file checks, it comes from this hub version and this code, and the journal record
 * at its seq has the checksum it names; otherwise it is ignored with a log line and the replay is full.
 */
final class EngineReplay {
    private static final System.Logger LOG = System.getLogger(EngineReplay.class.getName());
    static final int KEYS = AssemblyEngine.COMMAND_LOG_SIZE;

    private EngineReplay() {}

    /**
     * The model at the journal's end. {@code fromSnapshot}: the snapshot's seq (0: full replay); {@code anchor}: the
     * checksum of the record at {@code seq}; {@code foldedBytes}: journal bytes folded past the snapshot;
     * {@code snapshotWritten}: the seq of the snapshot this load wrote when asked to (0: none); {@code head}: the
     * journal's hash-chain head at {@code seq} ({@link JournalChain}).
     */
    record Replayed(
            Model model,
            KeyLog keys,
            long seq,
            long fromSnapshot,
            int anchor,
            long foldedBytes,
            long snapshotWritten,
            String head) {}

    /** When to write the replayed model as a new snapshot (streamed to the file from the worker, before hand-over). */
    enum Then {
        /** never (no snapshots kept) */
        NOTHING,
        /** when at least a snapshot's worth of journal was folded (at start: the model is still the replay's own) */
        SNAPSHOT_IF_DUE,
        /** whenever the journal went past the snapshot it started from (the background refresh) */
        SNAPSHOT
    }

    /** {@code seals}: what opens the journal's personal fields (null: they read as erased). */
    static Future<Replayed> load(
            Vertx vertx,
            Rules rules,
            EventStore store,
            Snapshots snapshots,
            PersonalSeals seals,
            String assemblyId,
            Then then) {
        Future<Replayed> replayed;
        if (snapshots == null) {
            replayed = fold(rules, store, seals, assemblyId, start(rules, assemblyId), null);
        } else {
            replayed = vertx.executeBlocking(() -> newestUsable(snapshots, assemblyId), false)
                    .compose(restored -> {
                        if (restored == null)
                            return fold(rules, store, seals, assemblyId, start(rules, assemblyId), null);
                        return fold(rules, store, seals, assemblyId, restored, restored)
                                .recover(failure -> {
                                    if (!(failure instanceof NotThisJournal)) return Future.failedFuture(failure);
                                    LOG.log(
                                            Level.WARNING,
                                            "assembly {0}: {1}; replaying the whole journal",
                                            assemblyId,
                                            failure.getMessage());
                                    return fold(rules, store, seals, assemblyId, start(rules, assemblyId), null);
                                });
                    });
        }
        if (snapshots == null || then == Then.NOTHING) return replayed;
        return replayed.compose(r -> {
            boolean due = r.seq() > r.fromSnapshot()
                    && (then == Then.SNAPSHOT
                            || r.seq() - r.fromSnapshot() >= snapshots.everyEvents()
                            || r.foldedBytes() >= snapshots.everyBytes());
            if (!due) return Future.succeededFuture(r);
            return vertx.executeBlocking(
                            () -> {
                                long started = System.nanoTime();
                                Snapshots.Snapshot written = snapshots.write(
                                        assemblyId,
                                        r.seq(),
                                        r.anchor(),
                                        out -> ModelSnapshot.write(r.model(), r.keys(), out));
                                LOG.log(
                                        Level.INFO,
                                        "assembly {0}: snapshot at seq {1} ({2} MB in {3} s)",
                                        assemblyId,
                                        r.seq(),
                                        written.size() >> 20,
                                        String.format("%.1f", (System.nanoTime() - started) / 1e9));
                                return new Replayed(
                                        r.model(),
                                        r.keys(),
                                        r.seq(),
                                        r.fromSnapshot(),
                                        r.anchor(),
                                        r.foldedBytes(),
                                        r.seq(),
                                        r.head());
                            },
                            false)
                    .recover(failure -> {
                        // A snapshot is an optimisation: failing to make one (even out of memory) never stops the
                        // assembly.
                        LOG.log(Level.WARNING, "assembly " + assemblyId + ": no snapshot this time", failure);
                        return Future.succeededFuture(r);
                    });
        });
    }

    private static Replayed start(Rules rules, String assemblyId) {
        return new Replayed(rules.newModel(), new KeyLog(KEYS), 0, 0, 0, 0, 0, JournalChain.genesis(assemblyId));
    }

    /** The newest snapshot whose file and content check (the journal anchor is checked while folding). */
    private static Replayed newestUsable(Snapshots snapshots, String assemblyId) throws IOException {
        for (String name : snapshots.candidates(assemblyId)) {
            try {
                Snapshots.Snapshot snapshot = snapshots.read(assemblyId, name);
                ModelSnapshot.Content content = ModelSnapshot.read(snapshots, snapshot);
                return new Replayed(
                        content.model(), content.keys(), snapshot.seq(), snapshot.seq(), snapshot.anchor(), 0, 0, null);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "assembly {0}: snapshot {1} ignored: {2}", assemblyId, name, e.getMessage());
            }
        }
        return null;
    }

    /**
     * Thrown when a record does not name the chain head before it: a record was changed, removed, inserted or
     * reordered although every checksum holds — damage the engine reports and never folds past.
     */
    static final class ChainBroken extends IllegalStateException {
        final long seq;

        ChainBroken(String assemblyId, long seq) {
            super("the journal of " + assemblyId + " breaks its hash chain at seq " + seq
                    + ": a record before it was changed, removed or inserted (./hub verify journal names it)");
            this.seq = seq;
        }
    }

    /** Thrown when a snapshot's seq has another record in this journal, or none. */
    static final class NotThisJournal extends RuntimeException {
        NotThisJournal(String message) {
            super(message);
        }
    }

    /**
     * Folds the records after {@code from} into its model. From a snapshot, the journal is read from the snapshot's own
     * seq, whose record must carry the snapshot's anchor.
     */
    private static Future<Replayed> fold(
            Rules rules, EventStore store, PersonalSeals seals, String assemblyId, Replayed from, Replayed snapshot) {
        Folding folding = new Folding(rules, seals, assemblyId, from, snapshot);
        long after = snapshot == null ? from.seq() : from.seq() - 1;
        return store.replay(assemblyId, after, folding::accept).map(last -> folding.result());
    }

    /** The replay's state while records stream in; used on the replaying worker only. */
    private static final class Folding {
        private final Rules rules;
        private final PersonalSeals seals;
        private final String assemblyId;
        private final Replayed from;
        private final Replayed snapshot;
        private boolean anchored;
        private JournalRecord last;
        private long bytes;
        /** The chain head after the last record folded (null: unknown, past a snapshot of an unchained record). */
        private String head;

        private boolean sawChain;

        Folding(Rules rules, PersonalSeals seals, String assemblyId, Replayed from, Replayed snapshot) {
            this.rules = rules;
            this.seals = seals;
            this.assemblyId = assemblyId;
            this.from = from;
            this.snapshot = snapshot;
            this.head = from.head();
        }

        void accept(JournalRecord record) {
            if (snapshot != null && !anchored) {
                if (record.seq() != snapshot.seq() || Snapshots.anchorOf(record) != snapshot.anchor()) {
                    throw new NotThisJournal("the snapshot at seq " + snapshot.seq() + " belongs to another journal");
                }
                // The snapshot's own record names the head before it: the chain goes on from there.
                String prev = rules.codec().decodeChained(record, null).prev();
                if (prev == null) throw new NotThisJournal("the snapshot's record predates the journal's hash chain");
                head = JournalChain.next(prev, record);
                sawChain = true;
                anchored = true;
                return;
            }
            EventCodec.Chained chained = rules.codec().decodeChained(record, seals);
            // Records from before the chain (no prev) may only come first: one without it later was put there.
            if (chained.prev() == null ? sawChain : !chained.prev().equals(head))
                throw new ChainBroken(assemblyId, record.seq());
            sawChain |= chained.prev() != null;
            head = JournalChain.next(head, record);
            RecordedEvent recorded = chained.recorded();
            rules.evolve(from.model(), recorded.event());
            if (recorded.commandKey() != null) from.keys().put(recorded.commandKey(), recorded.seq());
            last = record;
            bytes += record.data().length;
        }

        Replayed result() {
            if (snapshot != null && !anchored) {
                throw new NotThisJournal("the journal ends before the snapshot's seq " + snapshot.seq());
            }
            if (last == null) {
                return new Replayed(
                        from.model(), from.keys(), from.seq(), from.fromSnapshot(), from.anchor(), 0, 0, head);
            }
            return new Replayed(
                    from.model(),
                    from.keys(),
                    last.seq(),
                    from.fromSnapshot(),
                    Snapshots.anchorOf(last),
                    bytes,
                    0,
                    head);
        }
    }
}
