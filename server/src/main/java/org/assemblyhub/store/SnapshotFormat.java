package org.assemblyhub.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The bytes of a snapshot, wherever it is kept: a header — {@code "AHSNAP" | int format | UTF hub version | long seq |
 * int anchor | long payload length | int payload CRC32C | int header CRC32C} — then the payload. The anchor is the
 * checksum of the journal record at {@code seq}: a snapshot taken from another journal, or from this one before it
 * was restored from an older backup, does not match. The payload is opaque here (the engine's serialised model).
 * The header's size depends only on the hub version, so a writer reserves it, streams the payload, then fills it in.
 */
public final class SnapshotFormat {
    private static final byte[] MAGIC = "AHSNAP".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;

    private SnapshotFormat() {}

    /** The size of the header (its checksum included) that a snapshot of this hub version starts with. */
    public static int headerSize(String hubVersion) throws IOException {
        return header(hubVersion, 0, 0, 0, 0).length;
    }

    /** The complete header, checksum included, for a payload of {@code length} bytes with checksum {@code crc}. */
    public static byte[] header(String hubVersion, long seq, int anchor, long length, int payloadCrc)
            throws IOException {
        byte[] header = fields(hubVersion, seq, anchor, length, payloadCrc);
        byte[] whole = Arrays.copyOf(header, header.length + 4);
        int crc = crc(header);
        for (int i = 0; i < 4; i++) whole[header.length + i] = (byte) (crc >>> (24 - 8 * i));
        return whole;
    }

    /**
     * Reads a whole snapshot of {@code size} bytes from {@code in} and checks it: magic, format, checksums, the hub
     * version, the length. {@code assemblyId} and {@code name} only go into the result.
     */
    public static Snapshots.Snapshot check(InputStream in, long size, String hubVersion, String assemblyId, String name)
            throws IOException {
        try (DataInputStream data = new DataInputStream(in)) {
            byte[] magic = data.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) throw new Snapshots.Unusable("not a snapshot");
            int format = data.readInt();
            if (format != FORMAT) throw new Snapshots.Unusable("format " + format + ", this hub reads " + FORMAT);
            String version = data.readUTF();
            long seq = data.readLong();
            int anchor = data.readInt();
            long length = data.readLong();
            int payloadCrc = data.readInt();
            int headerCrc = data.readInt();
            byte[] header = fields(version, seq, anchor, length, payloadCrc);
            if (headerCrc != crc(header)) throw new Snapshots.Unusable("its header is damaged");
            if (!version.equals(hubVersion))
                throw new Snapshots.Unusable("written by hub " + version + ", this is " + hubVersion);
            long offset = header.length + 4L;
            if (length < 0 || offset + length != size) throw new Snapshots.Unusable("its length is wrong");
            CRC32C crc = new CRC32C();
            byte[] buffer = new byte[1 << 16];
            for (long left = length; left > 0; ) {
                int n = data.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) throw new EOFException();
                crc.update(buffer, 0, n);
                left -= n;
            }
            if ((int) crc.getValue() != payloadCrc) throw new Snapshots.Unusable("its content is damaged");
            return new Snapshots.Snapshot(assemblyId, name, seq, anchor, offset, length);
        } catch (EOFException e) {
            throw new Snapshots.Unusable("it is cut short");
        }
    }

    private static byte[] fields(String version, long seq, int anchor, long length, int payloadCrc) throws IOException {
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

    /** Counts and checksums the payload that goes through; closing it only flushes (the writer closes the sink). */
    public static final class Counted extends FilterOutputStream {
        private final CRC32C crc = new CRC32C();
        private long length;

        public Counted(OutputStream out) {
            super(out);
        }

        public long length() {
            return length;
        }

        public int crc() {
            return (int) crc.getValue();
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
}
