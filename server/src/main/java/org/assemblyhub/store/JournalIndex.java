package org.assemblyhub.store;

import java.util.Arrays;

/**
 * Where records start, kept for one record in {@link #STRIDE}: a reader seeks to the nearest one and walks the
 * headers from there. A million records cost 125 KB instead of a boxed offset each (about 24 MB).
 */
final class JournalIndex {
    static final int STRIDE = 64;

    private long[] offsets = new long[16];
    private int size;

    /** Notes where the record {@code seq} starts; records are noted in order, from seq 1. */
    void add(long seq, long offset) {
        if ((seq - 1) % STRIDE != 0) return;
        if (size == offsets.length) offsets = Arrays.copyOf(offsets, size * 2);
        offsets[size++] = offset;
    }

    /** Forgets records after {@code lastSeq} (an incomplete batch cut off at open). */
    void truncate(long lastSeq) {
        size = (int) Math.min(size, lastSeq == 0 ? 0 : (lastSeq - 1) / STRIDE + 1);
    }

    /** The indexed record at or before {@code seq}: its seq and offset. */
    long seqAtOrBefore(long seq) {
        return (seq - 1) / STRIDE * STRIDE + 1;
    }

    long offsetOf(long indexedSeq) {
        return offsets[(int) ((indexedSeq - 1) / STRIDE)];
    }
}
