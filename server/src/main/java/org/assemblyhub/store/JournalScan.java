package org.assemblyhub.store;

import static org.assemblyhub.store.JournalFormat.HEADER;
import static org.assemblyhub.store.JournalFormat.MIN_RECORD;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Reads a journal from the start and says what it holds. Only the last batch can be torn by a crash (nothing after it
 * was ever written), so a bad record — short, oversized, failing its checksum or breaking the seq chain — is a torn
 * tail only if no valid record follows it. To tell, the scan searches the rest of the file byte by byte for a record
 * with a valid header and checksum and a later seq; finding one means the journal is damaged in the middle, and
 * cutting there would throw away acknowledged commands. Even at the end, only a tail that is visibly unfinished is
 * torn: a batch whose last record says another follows, a record that runs past the end of the file, a partial
 * header, or zeros. A last record written whole but wrong (a flipped bit in an acknowledged batch) is damage too.
 * Reads only; changes nothing.
 */
final class JournalScan {
    private final ChannelReader reader;
    private final JournalIndex index;

    private JournalScan(ChannelReader reader, JournalIndex index) {
        this.reader = reader;
        this.index = index;
    }

    /** Scans {@code channel} as it is now; notes record offsets in {@code index} when one is given. */
    static JournalReport scan(Path file, FileChannel channel, JournalIndex index) throws IOException {
        return new JournalScan(new ChannelReader(channel, channel.size()), index == null ? new JournalIndex() : index)
                .run(file);
    }

    private JournalReport run(Path file) throws IOException {
        long total = reader.limit();
        long pos = 0;
        long seq = 0;
        long committed = 0;
        long committedSeq = 0;
        long batches = 0;
        int length;
        while ((length = recordAt(pos, seq + 1, seq + 1)) > 0) {
            seq++;
            index.add(seq, pos);
            boolean continues = JournalFormat.continues(reader.getInt(pos));
            pos += HEADER + length;
            if (!continues) {
                committed = pos;
                committedSeq = seq;
                batches++;
            }
        }
        // Records of a batch whose last record is missing were never acknowledged: they are part of the tail.
        index.truncate(committedSeq);
        if (committed == total) {
            return new JournalReport(
                    file, committedSeq, batches, committedSeq, committed, total, JournalReport.State.OK, -1, 0, 0);
        }
        long found = search(pos, seq);
        if (found < 0 && unfinished(pos)) {
            return new JournalReport(
                    file,
                    committedSeq,
                    batches,
                    committedSeq,
                    committed,
                    total,
                    JournalReport.State.TORN,
                    committed,
                    0,
                    0);
        }
        if (found < 0) {
            return new JournalReport(
                    file,
                    committedSeq,
                    batches,
                    committedSeq,
                    committed,
                    total,
                    JournalReport.State.DAMAGED,
                    pos,
                    0,
                    0);
        }
        long firstSeqAfter = reader.getLong(found + HEADER);
        return new JournalReport(
                file,
                committedSeq,
                batches,
                committedSeq,
                committed,
                total,
                JournalReport.State.DAMAGED,
                pos,
                countFrom(found, seq),
                firstSeqAfter);
    }

    /**
     * Whether the bytes from {@code pos} (where the chain stopped, nothing valid after it) look like a write that
     * never finished: nothing at all (the last complete record said its batch continues), less than a header, zeros,
     * or a record whose declared length runs past the end. Anything else was written whole and then changed.
     */
    private boolean unfinished(long pos) throws IOException {
        long total = reader.limit();
        if (total - pos < HEADER || reader.zerosFrom(pos)) return true;
        int length = JournalFormat.length(reader.getInt(pos));
        return length >= 0 && pos + HEADER + length > total;
    }

    /** Valid records from {@code found} on: the chain as far as it goes, then the next valid record, and so on. */
    private long countFrom(long found, long seqBefore) throws IOException {
        long count = 0;
        long seq = seqBefore;
        long pos = found;
        while (pos >= 0) {
            seq = reader.getLong(pos + HEADER);
            int length = recordAt(pos, seq, seq);
            while (length > 0) {
                count++;
                pos += HEADER + length;
                length = recordAt(pos, seq + 1, seq + 1);
                if (length > 0) seq++;
            }
            pos = search(pos, seq);
        }
        return count;
    }

    /**
     * The first position from {@code from} holding a valid record with a seq after {@code after}, or -1. A record is
     * valid only with a seq this file could hold (at most one record per {@link JournalFormat#MIN_RECORD} bytes): that
     * keeps random bytes from passing the cheap checks, so a checksum is computed only where a record could be.
     */
    private long search(long from, long after) throws IOException {
        long most = after + 1 + reader.limit() / MIN_RECORD;
        for (long p = from; p + MIN_RECORD <= reader.limit(); p++) {
            if (recordAt(p, after + 1, most) > 0) return p;
        }
        return -1;
    }

    /** The length of the valid record at {@code pos} whose seq is within the bounds, or -1. */
    private int recordAt(long pos, long minSeq, long maxSeq) throws IOException {
        if (pos + MIN_RECORD > reader.limit()) return -1;
        int word = reader.getInt(pos);
        int length = JournalFormat.length(word);
        if (length < 0 || pos + HEADER + length > reader.limit()) return -1;
        long seq = reader.getLong(pos + HEADER);
        if (seq < minSeq || seq > maxSeq) return -1;
        return reader.crc(pos + HEADER, length) == reader.getInt(pos + 4) ? length : -1;
    }
}
