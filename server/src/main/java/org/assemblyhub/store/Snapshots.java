package org.assemblyhub.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Where snapshots of assemblies are kept: files in the data directory ({@link SnapshotFiles}) for a single node, or
 * beside the journal in Redis so that any node taking an assembly over finds them. A snapshot only speeds up a start:
 * the journal stays the truth, and a snapshot is used only when it proves it belongs to it (its anchor). Both keep
 * the same bytes ({@link SnapshotFormat}) and the two newest snapshots of each assembly. Every method blocks: call
 * them on a worker.
 */
public interface Snapshots {
    /** How many events the journal may grow past the newest snapshot before the next one. */
    long everyEvents();

    /** How many bytes the journal may grow past the newest snapshot before the next one. */
    long everyBytes();

    /** The names of this assembly's snapshots, newest first (not yet checked). */
    List<String> candidates(String assemblyId) throws IOException;

    /** The size of this assembly's newest snapshot (0: none): what a model of it takes, give or take. */
    long newestSize(String assemblyId) throws IOException;

    /** Reads and checks one snapshot: format, checksums (the whole payload is read once), the hub version. */
    Snapshot read(String assemblyId, String name) throws IOException;

    /** The payload of a checked snapshot, from {@code from} (0: its start); the caller closes it. */
    InputStream payload(Snapshot snapshot, long from) throws IOException;

    /**
     * Writes a snapshot whole or not at all, then keeps only the newest two (and drops any newer than this one: it
     * came from another journal, one replaced by a shorter restore). The payload streams out; it is never held whole.
     */
    Snapshot write(String assemblyId, long seq, int anchor, PayloadWriter payload) throws IOException;

    /**
     * Deletes every snapshot of this assembly (after a person is erased: a snapshot holds the model in the clear).
     */
    void deleteAll(String assemblyId) throws IOException;

    /**
     * A snapshot whose header and payload checked (the journal anchor is still to be compared by the reader).
     *
     * @param name what {@link #candidates} calls it
     */
    record Snapshot(String assemblyId, String name, long seq, int anchor, long payloadOffset, long payloadLength) {
        public long size() {
            return payloadOffset + payloadLength;
        }
    }

    /** Writes a payload to a stream (the stream is closed by the caller). */
    @FunctionalInterface
    interface PayloadWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Thrown for a snapshot that cannot be used; the message says why (for the log line that ignores it). */
    final class Unusable extends IOException {
        public Unusable(String why) {
            super(why);
        }
    }

    /** The checksum a snapshot anchors to: that of the journal record at its seq, as stored. */
    static int anchorOf(JournalRecord record) {
        return JournalFormat.checksum(record);
    }
}
