package org.assemblyhub.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Snapshots of assemblies under {@code <data>/snapshots/<id>/<seq>.snapshot}, the two newest kept. A snapshot only
 * speeds up a start: the journal stays the truth, and a snapshot is used only when it proves it belongs to it.
 * <p>
 * File: {@code "AHSNAP" | int format | UTF hub version | long seq | int anchor | long payload length |
 * int payload CRC32C | int header CRC32C | payload}. The anchor is the checksum of the journal record at {@code seq}
 * as the journal stores it: a snapshot taken from another journal, or from this one before it was restored from an
 * older backup, does not match. The payload is opaque here (the engine's serialised model).
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
    public record Snapshot(Path file, long seq, int anchor, byte[] payload) {}

    /** Thrown for a snapshot that cannot be used; the message says why (for the log line that ignores it). */
    public static final class Unusable extends IOException {
        public Unusable(Path file, String why) {
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
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    /** Reads and checks one file: magic, format, checksums, and the hub version that wrote it. */
    public Snapshot read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DataInputStream data = new DataInputStream(in);
            byte[] magic = data.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw new Unusable(file, "not a snapshot file");
            int format = data.readInt();
            if (format != FORMAT) throw new Unusable(file, "format " + format + ", this hub reads " + FORMAT);
            String version = data.readUTF();
            long seq = data.readLong();
            int anchor = data.readInt();
            long length = data.readLong();
            int payloadCrc = data.readInt();
            int headerCrc = data.readInt();
            if (headerCrc != crc(header(version, seq, anchor, length, payloadCrc))) throw new Unusable(file, "its header is damaged");
            if (!version.equals(hubVersion)) throw new Unusable(file, "written by hub " + version + ", this is " + hubVersion);
            if (length < 0 || length > Files.size(file)) throw new Unusable(file, "its length is wrong");
            byte[] payload = data.readNBytes((int) length);
            if (payload.length != length || crc(payload) != payloadCrc) throw new Unusable(file, "its content is damaged");
            return new Snapshot(file, seq, anchor, payload);
        } catch (java.io.EOFException e) {
            throw new Unusable(file, "it is cut short");
        }
    }

    /**
     * Writes a snapshot atomically — a private temporary file, fsync'd, renamed, the directory fsync'd — then keeps
     * only the newest two. Blocking: call it on a worker.
     */
    public Path write(String assemblyId, long seq, int anchor, byte[] payload) throws IOException {
        Path folder = PrivateFiles.directory(PrivateFiles.directory(dir).resolve(AssemblyIds.require(assemblyId)));
        byte[] header = header(hubVersion, seq, anchor, payload.length, crc(payload));
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + 4 + payload.length);
        out.write(header);
        new DataOutputStream(out).writeInt(crc(header));
        out.write(payload);
        Path file = folder.resolve(String.format("%020d", seq) + SUFFIX);
        PrivateFiles.writeAtomically(file, out.toByteArray());
        List<Path> all = new ArrayList<>(candidates(assemblyId));
        for (Path old : all.subList(Math.min(KEPT, all.size()), all.size())) Files.deleteIfExists(old);
        return file;
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
