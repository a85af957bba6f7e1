package org.assemblyhub.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Snapshots of assemblies under {@code <data>/snapshots/<id>/<seq>.snapshot}, the two newest kept. A snapshot only
 * speeds up a start: the journal stays the truth, and a snapshot is used only when it proves it belongs to it.
 * <p>
 * File: a header — {@code "AHSNAP" | int format | UTF hub version | long seq | int anchor | long payload length |
 * int payload CRC32C | int header CRC32C} — then the payload. The anchor is the checksum of the journal record at
 * {@code seq} as the journal stores it: a snapshot taken from another journal, or from this one before it was restored
 * from an older backup, does not match. The payload is opaque here (the engine's serialised model); it is streamed in
 * and out, never held whole in memory, so that a large model can be snapshotted in a small heap.
 */
public final class SnapshotFiles {
    public static final String DIR = "snapshots";
    private static final byte[] MAGIC = "AHSNAP".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final String SUFFIX = ".snapshot";
    private static final int KEPT = 2;

    private final Path dir;
    private final String hubVersion;
    private final long everyEvents;
    private final long everyBytes;

    /** {@code everyEvents}/{@code everyBytes}: how much journal may grow past the newest snapshot before the next. */
    public SnapshotFiles(Path dataDir, String hubVersion, long everyEvents, long everyBytes) {
        this.dir = dataDir.resolve(DIR);
        this.hubVersion = hubVersion;
        this.everyEvents = everyEvents;
        this.everyBytes = everyBytes;
    }

    public long everyEvents() {
        return everyEvents;
    }

    public long everyBytes() {
        return everyBytes;
    }

    /** A snapshot whose header and payload checked: the journal anchor is still to be compared by the reader. */
    public record Snapshot(Path file, long seq, int anchor, long payloadOffset, long payloadLength) {}

    /** Writes a payload to a stream (the stream is closed by the caller). */
    @FunctionalInterface
    public interface PayloadWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Thrown for a snapshot that cannot be used; the message says why (for the log line that ignores it). */
    public static final class Unusable extends IOException {
        public Unusable(String why) {
            super(why);
        }
    }

    /** The checksum a snapshot anchors to: that of the journal record at its seq, as stored. */
    public static int anchorOf(JournalRecord record) {
        return JournalFormat.checksum(record);
    }

    /** This assembly's snapshot files, newest first (not yet checked). */
    public List<Path> candidates(String assemblyId) throws IOException {
        Path folder = dir.resolve(AssemblyIds.require(assemblyId));
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList();
        }
    }

    /** The size of this assembly's newest snapshot file (0: none): what a model of it takes, give or take. */
    public long newestSize(String assemblyId) throws IOException {
        List<Path> all = candidates(assemblyId);
        return all.isEmpty() ? 0 : Files.size(all.get(0));
    }

    /** Reads and checks one file: magic, format, checksums (the whole payload is read once), the hub version. */
    public Snapshot read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) throw new Unusable("not a snapshot file");
            int format = in.readInt();
            if (format != FORMAT) throw new Unusable("format " + format + ", this hub reads " + FORMAT);
            String version = in.readUTF();
            long seq = in.readLong();
            int anchor = in.readInt();
            long length = in.readLong();
            int payloadCrc = in.readInt();
            int headerCrc = in.readInt();
            byte[] header = header(version, seq, anchor, length, payloadCrc);
            if (headerCrc != crc(header)) throw new Unusable("its header is damaged");
            if (!version.equals(hubVersion))
                throw new Unusable("written by hub " + version + ", this is " + hubVersion);
            long offset = header.length + 4L;
            if (length < 0 || offset + length != Files.size(file)) throw new Unusable("its length is wrong");
            CRC32C crc = new CRC32C();
            byte[] buffer = new byte[1 << 16];
            for (long left = length; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) throw new EOFException();
                crc.update(buffer, 0, n);
                left -= n;
            }
            if ((int) crc.getValue() != payloadCrc) throw new Unusable("its content is damaged");
            return new Snapshot(file, seq, anchor, offset, length);
        } catch (EOFException e) {
            throw new Unusable("it is cut short");
        }
    }

    /** The payload of a checked snapshot, from {@code from} (0: its start); the caller closes it. */
    public InputStream payload(Snapshot snapshot, long from) throws IOException {
        FileChannel channel = FileChannel.open(snapshot.file(), StandardOpenOption.READ);
        channel.position(snapshot.payloadOffset() + from);
        return new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
    }

    /**
     * Writes a snapshot atomically — a private temporary file, fsync'd, renamed, the directory fsync'd — then keeps
     * only the newest two. The payload streams to the file; its length and checksum go into the header at the end.
     * Blocking: call it on a worker.
     */
    public Path write(String assemblyId, long seq, int anchor, PayloadWriter payload) throws IOException {
        Path folder = PrivateFiles.directory(PrivateFiles.directory(dir).resolve(AssemblyIds.require(assemblyId)));
        Path file = folder.resolve(String.format("%020d", seq) + SUFFIX);
        removeLeftovers(folder);
        Path temp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        int headerSize = header(hubVersion, seq, anchor, 0, 0).length + 4;
        try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            PrivateFiles.restrict(temp);
            channel.position(headerSize);
            Checked out = new Checked(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
            payload.write(out);
            out.flush();
            byte[] header = header(hubVersion, seq, anchor, out.length, (int) out.crc.getValue());
            ByteBuffer head = ByteBuffer.allocate(headerSize)
                    .put(header)
                    .putInt(crc(header))
                    .flip();
            while (head.hasRemaining()) channel.write(head, head.position());
            channel.force(true);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        PrivateFiles.fsyncDirectory(folder);
        // Newer than what was just written means written from another journal (this one was replaced by a shorter
        // one, a restore): it would stay "newest" for ever and push the good ones out.
        List<Path> all = new ArrayList<>(candidates(assemblyId));
        all.removeIf(p -> {
            if (p.getFileName().toString().compareTo(file.getFileName().toString()) <= 0) return false;
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return false;
            }
            return true;
        });
        for (Path old : all.subList(Math.min(KEPT, all.size()), all.size())) Files.deleteIfExists(old);
        return file;
    }

    /** Temporary files of writes that a crash interrupted (an hour old: none is still being written). */
    private static void removeLeftovers(Path folder) throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .toList()) {
                if (Files.getLastModifiedTime(p).toMillis() < hourAgo) Files.deleteIfExists(p);
            }
        }
    }

    /** Counts and checksums what goes through; closing it closes nothing (the file is closed by {@link #write}). */
    private static final class Checked extends FilterOutputStream {
        final CRC32C crc = new CRC32C();
        long length;

        Checked(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            length++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            length += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static byte[] header(String version, long seq, int anchor, long length, int payloadCrc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(version);
        out.writeLong(seq);
        out.writeInt(anchor);
        out.writeLong(length);
        out.writeInt(payloadCrc);
        return bytes.toByteArray();
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
