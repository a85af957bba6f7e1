package org.assemblyhub.store;

import static org.assemblyhub.store.JournalFormat.HEADER;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One assembly's journal on disk (layout in {@link JournalFormat}), locked against other processes while open.
 * <p>
 * Opening scans it ({@link JournalScan}): a torn tail — the unacknowledged last batch of a crashed process — is copied
 * aside and cut; damage in the middle stops the open ({@link JournalDamaged}) and leaves the file as it is.
 * <p>
 * An append that fails (write, fsync, full disk) is undone before anything else happens: the file is cut back to its
 * last durable size, so the refused batch can never come back — not at the next append, not at the next start. If even
 * that fails the journal is <em>broken</em>: every further append and read fails until the hub restarts, and a
 * {@code .refused} marker tells the next open where the durable journal ended.
 * <p>
 * Not thread-safe: {@link FileEventStore} serialises access.
 */
final class JournalFile implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JournalFile.class.getName());
    static final String REFUSED = ".refused";

    private final String assemblyId;
    private final Path path;
    private final LockedFile locked;
    private final FileChannel channel;
    private final JournalIndex index;
    private long lastSeq;
    private long size;
    private volatile IOException broken;

    private JournalFile(String assemblyId, Path path, LockedFile locked, JournalIndex index, JournalReport report) {
        this.assemblyId = assemblyId;
        this.path = path;
        this.locked = locked;
        this.channel = locked.channel();
        this.index = index;
        this.lastSeq = report.lastSeq();
        this.size = report.validBytes();
    }

    /** An open journal, what its scan found, and the copy of the tail that was cut (if any). */
    record Opened(JournalFile file, JournalReport report, Path tailCopy) {}

    static Opened open(String assemblyId, Path path, JournalChannels channels, DamagedCopies copies)
            throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        PrivateFiles.directory(dir);
        boolean existed = Files.exists(path);
        LockedFile locked = LockedFile.open(
                path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE), channels);
        try {
            PrivateFiles.restrict(path);
            // A new journal's directory entry is made durable now: an assembly acknowledged as created must not vanish.
            if (!existed) PrivateFiles.fsyncDirectory(dir);
            FileChannel channel = locked.channel();
            Path refusedCopy = cutRefused(assemblyId, path, channel, copies);
            JournalIndex index = new JournalIndex();
            JournalReport report = JournalScan.scan(path, channel, index);
            if (report.state() == JournalReport.State.DAMAGED) {
                throw new JournalDamaged(assemblyId, report, copies.keepWhole(channel, assemblyId));
            }
            Path tailCopy = refusedCopy;
            if (report.state() == JournalReport.State.TORN) {
                tailCopy = copies.keep(channel, assemblyId, report.validBytes(), report.totalBytes(), "tail");
                channel.truncate(report.validBytes());
                channel.force(true);
            }
            return new Opened(new JournalFile(assemblyId, path, locked, index, report), report, tailCopy);
        } catch (IOException | RuntimeException | Error e) {
            locked.close();
            throw e;
        }
    }

    /**
     * A previous process could not undo a failed append and left a marker with the durable size: whatever lies past
     * it was refused (never acknowledged), even if it looks like a whole batch. It is copied aside and cut.
     */
    private static Path cutRefused(String assemblyId, Path path, FileChannel channel, DamagedCopies copies)
            throws IOException {
        Path marker = path.resolveSibling(path.getFileName() + REFUSED);
        if (!Files.exists(marker)) return null;
        long durable = Long.parseLong(Files.readString(marker).trim());
        Path copy = null;
        long refused = channel.size() - durable;
        if (refused > 0) {
            copy = copies.keep(channel, assemblyId, durable, channel.size(), "tail");
            channel.truncate(durable);
            channel.force(true);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "journal {0}: cut {1} bytes of an append that failed and was refused,"
                            + " at offset {2} (copy in {3})",
                    path,
                    refused,
                    Long.toString(durable),
                    copy);
        }
        Files.delete(marker);
        PrivateFiles.fsyncDirectory(marker.toAbsolutePath().getParent());
        return copy;
    }

    long lastSeq() {
        return lastSeq;
    }

    Path path() {
        return path;
    }

    /** Writes the batch after the last record and forces it to disk; on any failure, nothing of it remains. */
    void append(List<JournalRecord> records) throws IOException {
        usable();
        // Closed by a stopping hub before this append got its turn: nothing was written, nothing to undo.
        if (!channel.isOpen()) throw new ClosedChannelException();
        ByteBuffer out = JournalFormat.encode(records, lastSeq);
        long pos = size;
        try {
            while (out.hasRemaining()) pos += channel.write(out, pos);
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            undo(e);
            throw e;
        }
        long offset = size;
        for (JournalRecord r : records) {
            index.add(r.seq(), offset);
            offset += JournalFormat.size(r);
        }
        size = pos;
        lastSeq += records.size();
    }

    /** Cuts the file back to its last durable size; when even that fails, the journal is broken until restart. */
    private void undo(Exception failure) {
        if (!channel.isOpen()) {
            // Closed under the write, typically by the interrupt of a stopping hub (NIO closes an interrupted channel):
            // nothing can be cut now, so the next start cuts whatever this append left.
            IOException dead = new IOException(
                    "journal of " + assemblyId + " was closed during an append (" + failure + ")", failure);
            broken = dead;
            markRefused(dead);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "journal {0}: an append was interrupted (the hub is stopping); whatever it"
                            + " wrote after offset {1} is cut at the next start",
                    path,
                    Long.toString(size));
            return;
        }
        try {
            channel.truncate(size);
            channel.force(true);
        } catch (IOException | RuntimeException cut) {
            IOException dead = new IOException(
                    "journal of " + assemblyId + " is unusable until the hub restarts: a failed"
                            + " append could not be undone (" + cut.getMessage() + ")",
                    failure);
            dead.addSuppressed(cut);
            broken = dead;
            markRefused(dead);
            LOG.log(System.Logger.Level.ERROR, dead.getMessage(), dead);
        }
    }

    /**
     * Leaves the durable size next to the journal, for the next open. Written with the thread's interrupt set aside:
     * an interrupted thread cannot write through NIO at all.
     */
    private void markRefused(IOException dead) {
        boolean interrupted = Thread.interrupted();
        try {
            Path marker = path.resolveSibling(path.getFileName() + REFUSED);
            PrivateFiles.writeAtomically(marker, (size + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException markerFailure) {
            dead.addSuppressed(markerFailure);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private void usable() throws IOException {
        IOException dead = broken;
        if (dead != null) throw new IOException(dead.getMessage(), dead);
    }

    /** Reads records after {@code afterSeq}, in chunks, up to the last record at the time of this call. */
    Cursor cursor(long afterSeq) throws IOException {
        usable();
        return new Cursor(Math.max(0, afterSeq), lastSeq, size);
    }

    /**
     * A reader of the records that were durable when it was made. Records below that size never change (appends go
     * after it, undoing a failed append cuts only after it), so a cursor can be read chunk by chunk.
     */
    final class Cursor {
        private final long endSeq;
        private final ChannelReader reader;
        private long nextSeq;
        private long pos = -1;

        private Cursor(long afterSeq, long endSeq, long endBytes) {
            this.nextSeq = afterSeq + 1;
            this.endSeq = endSeq;
            this.reader = new ChannelReader(channel, endBytes);
        }

        /** The next records, about {@code maxBytes} of them (at least one); empty at the end. */
        List<JournalRecord> next(int maxBytes) throws IOException {
            usable();
            List<JournalRecord> out = new ArrayList<>();
            if (nextSeq > endSeq) return out;
            if (pos < 0) pos = locate(nextSeq);
            long bytes = 0;
            while (nextSeq <= endSeq && (out.isEmpty() || bytes < maxBytes)) {
                int length = checkedLength(pos, nextSeq);
                byte[] data = reader.bytes(pos + HEADER + JournalFormat.SEQ, length - JournalFormat.SEQ);
                out.add(new JournalRecord(nextSeq, data));
                pos += HEADER + length;
                bytes += HEADER + length;
                nextSeq++;
            }
            return out;
        }

        /** Walks from the nearest indexed record to {@code seq}. */
        private long locate(long seq) throws IOException {
            long at = index.seqAtOrBefore(seq);
            long offset = index.offsetOf(at);
            for (; at < seq; at++) offset += HEADER + checkedLength(offset, at);
            return offset;
        }

        /** The record's length, checked again: a journal changed on disk under a running hub is refused, not served. */
        private int checkedLength(long offset, long seq) throws IOException {
            int length = JournalFormat.length(reader.getInt(offset));
            if (length < 0
                    || reader.getLong(offset + HEADER) != seq
                    || reader.crc(offset + HEADER, length) != reader.getInt(offset + 4)) {
                throw new IOException(
                        "journal " + path + ": the record at offset " + offset + " is not seq " + seq
                                + " any more (the file was changed on disk while the hub ran); check it with ./hub journal check");
            }
            return length;
        }
    }

    @Override
    public void close() throws IOException {
        locked.close();
    }
}
