package org.assemblyhub.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Journal files made byte by byte for tests: batches of records "event N", then whatever damage a test adds. */
final class JournalBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Long> offsets = new ArrayList<>();
    private long lastSeq;

    /** Appends a batch of {@code count} records with the next seqs. */
    JournalBytes batch(int count) {
        List<JournalRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seq = lastSeq + 1 + i;
            records.add(new JournalRecord(seq, ("event " + seq).getBytes(StandardCharsets.UTF_8)));
        }
        return batch(records);
    }

    /** Appends records as one batch, whatever their seqs (to make a broken chain on purpose). */
    JournalBytes batch(List<JournalRecord> records) {
        long offset = out.size();
        for (JournalRecord r : records) {
            offsets.add(offset);
            offset += JournalFormat.size(r);
        }
        ByteBuffer bytes = JournalFormat.encode(records, records.get(0).seq() - 1);
        out.write(bytes.array(), 0, bytes.limit());
        lastSeq = records.get(records.size() - 1).seq();
        return this;
    }

    JournalBytes raw(byte... bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    /** Where the record with this 1-based position in the file starts. */
    long offsetOf(int record) {
        return offsets.get(record - 1);
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes());
    }

    /** Flips one bit of the byte at {@code offset} in a file. */
    static void flip(Path file, long offset, int bit) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= (byte) (1 << bit);
        Files.write(file, bytes);
    }
}
