package org.assemblyhub.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One assembly's journal on disk. Record layout: {@code int length | int crc32c | long seq | data}, where length
 * counts seq + data and the checksum covers them too; bit 30 of the length word ({@link #CONTINUES}) says that the
 * next record belongs to the same batch. Opening the file scans it; the first record that is short, oversized, fails
 * its checksum or breaks the seq chain marks a torn or corrupt tail, which is cut off together with the rest of its
 * batch — a batch is one or more commands decided together, so it is all in or all out (a crash can only tear the
 * last batch, which was never acknowledged). Not thread-safe: {@link FileEventStore} serialises access.
 */
final class JournalFile implements AutoCloseable {
    static final int MAX_RECORD = 16 * 1024 * 1024;
    private static final int HEADER = 8;
    static final int CONTINUES = 1 << 30;

    private final Path path;
    private final FileChannel channel;
    private final List<Long> offsets = new ArrayList<>();
    private long lastSeq;
    private long size;

    private JournalFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    record Recovery(JournalFile file, long droppedBytes, long validBytes) {}

    static Recovery open(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        JournalFile file = new JournalFile(path, channel);
        long total = channel.size();
        long valid = file.scan(total);
        if (valid < total) {
            channel.truncate(valid);
            channel.force(true);
        }
        file.size = valid;
        return new Recovery(file, total - valid, valid);
    }

    /** Reads records from the start, stopping at the first invalid one; returns the length of the valid prefix. */
    private long scan(long total) throws IOException {
        long pos = 0;
        long committed = 0;
        long seqCommitted = 0;
        int offsetsCommitted = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (pos + HEADER <= total) {
            header.clear();
            readFully(header, pos);
            header.flip();
            int word = header.getInt();
            int length = word & ~CONTINUES;
            int crc = header.getInt();
            if (length < 8 || length > MAX_RECORD || pos + HEADER + length > total) break;
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(body, pos + HEADER);
            body.flip();
            if (checksum(body) != crc) break;
            long seq = body.getLong(0);
            if (seq != lastSeq + 1) break;
            offsets.add(pos);
            lastSeq = seq;
            pos += HEADER + length;
            if ((word & CONTINUES) == 0) {
                committed = pos;
                seqCommitted = seq;
                offsetsCommitted = offsets.size();
            }
        }
        // Records of a batch whose last record is missing were never acknowledged: drop them all.
        offsets.subList(offsetsCommitted, offsets.size()).clear();
        lastSeq = seqCommitted;
        return committed;
    }

    long lastSeq() {
        return lastSeq;
    }

    Path path() {
        return path;
    }

    /** Writes the batch after the last record and forces it to disk before returning. */
    void append(List<JournalRecord> records) throws IOException {
        int bytes = 0;
        for (JournalRecord r : records) bytes += HEADER + 8 + r.data().length;
        ByteBuffer out = ByteBuffer.allocate(bytes);
        long expected = lastSeq;
        for (int i = 0; i < records.size(); i++) {
            JournalRecord r = records.get(i);
            if (r.seq() != ++expected) throw new IllegalArgumentException("seq " + r.seq() + " breaks the chain at " + expected);
            if (r.data().length + 8 > MAX_RECORD) throw new IllegalArgumentException("record over " + MAX_RECORD + " bytes");
            ByteBuffer body = ByteBuffer.allocate(8 + r.data().length).putLong(r.seq()).put(r.data());
            body.flip();
            int word = body.remaining() | (i < records.size() - 1 ? CONTINUES : 0);
            out.putInt(word).putInt(checksum(body.duplicate())).put(body);
        }
        out.flip();
        long pos = size;
        while (out.hasRemaining()) pos += channel.write(out, pos);
        channel.force(false);
        long offset = size;
        for (JournalRecord r : records) {
            offsets.add(offset);
            offset += HEADER + 8 + r.data().length;
        }
        size = pos;
        lastSeq = expected;
    }

    List<JournalRecord> readAfter(long afterSeq) throws IOException {
        List<JournalRecord> result = new ArrayList<>();
        for (long seq = Math.max(afterSeq, 0) + 1; seq <= lastSeq; seq++) {
            long pos = offsets.get((int) (seq - 1));
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            readFully(header, pos);
            header.flip();
            int length = header.getInt() & ~CONTINUES;
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(body, pos + HEADER);
            body.flip();
            long storedSeq = body.getLong();
            byte[] data = new byte[body.remaining()];
            body.get(data);
            result.add(new JournalRecord(storedSeq, data));
        }
        return result;
    }

    private void readFully(ByteBuffer buffer, long pos) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, pos + buffer.position());
            if (n < 0) throw new IOException("unexpected end of " + path);
        }
    }

    private static int checksum(ByteBuffer body) {
        CRC32C crc = new CRC32C();
        crc.update(body.duplicate());
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
