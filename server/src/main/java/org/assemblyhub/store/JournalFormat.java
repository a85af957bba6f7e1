package org.assemblyhub.store;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The journal's bytes. A record is {@code int word | int crc32c | long seq | data}: the low bits of the word give the
 * length of seq + data, bit 30 ({@link #CONTINUES}) says the next record belongs to the same batch, and the checksum
 * covers seq + data. A batch is one or more records decided together: it is all in or all out.
 */
final class JournalFormat {
    static final int HEADER = 8;
    static final int SEQ = 8;
    static final int CONTINUES = 1 << 30;
    static final int MAX_RECORD = 16 * 1024 * 1024;
    /** The smallest record on disk: a header and a seq with no data. */
    static final int MIN_RECORD = HEADER + SEQ;

    private JournalFormat() {}

    /** The length a word announces, or -1 when no valid record could have it (stray high bits, too short, too long). */
    static int length(int word) {
        if ((word & ~(CONTINUES | (MAX_RECORD * 2 - 1))) != 0) return -1;
        int length = word & ~CONTINUES;
        return length < SEQ || length > MAX_RECORD ? -1 : length;
    }

    static boolean continues(int word) {
        return (word & CONTINUES) != 0;
    }

    static int checksum(ByteBuffer body) {
        CRC32C crc = new CRC32C();
        crc.update(body.duplicate());
        return (int) crc.getValue();
    }

    /** The checksum a record has on disk: the same bytes a snapshot names to say which journal it belongs to. */
    static int checksum(JournalRecord record) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(SEQ).putLong(0, record.seq()));
        crc.update(record.data());
        return (int) crc.getValue();
    }

    static int size(JournalRecord record) {
        return HEADER + SEQ + record.data().length;
    }

    /** One batch as it goes to disk; every record but the last carries {@link #CONTINUES}. */
    static ByteBuffer encode(List<JournalRecord> records, long lastSeq) {
        int bytes = 0;
        for (JournalRecord r : records) {
            if (r.data().length + SEQ > MAX_RECORD)
                throw new IllegalArgumentException("record over " + MAX_RECORD + " bytes");
            bytes += size(r);
        }
        ByteBuffer out = ByteBuffer.allocate(bytes);
        long expected = lastSeq;
        for (int i = 0; i < records.size(); i++) {
            JournalRecord r = records.get(i);
            if (r.seq() != ++expected)
                throw new IllegalArgumentException("seq " + r.seq() + " breaks the chain at " + expected);
            ByteBuffer body =
                    ByteBuffer.allocate(SEQ + r.data().length).putLong(r.seq()).put(r.data());
            body.flip();
            int word = body.remaining() | (i < records.size() - 1 ? CONTINUES : 0);
            out.putInt(word).putInt(checksum(body)).put(body);
        }
        return out.flip();
    }
}
