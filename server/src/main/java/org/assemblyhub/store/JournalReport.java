package org.assemblyhub.store;

import java.nio.file.Path;

/**
 * What a scan found in a journal file. {@code records}, {@code batches} and {@code lastSeq} count the valid journal
 * (complete batches from the start, up to {@code validBytes}); what follows it is either a torn tail — an interrupted
 * write, never acknowledged — or damage: bytes that break the journal with {@code validRecordsAfter} valid records
 * still behind them, which only a person may decide to give up.
 */
public record JournalReport(
        Path file,
        long records,
        long batches,
        long lastSeq,
        long validBytes,
        long totalBytes,
        State state,
        long damageOffset,
        long validRecordsAfter,
        long firstSeqAfter) {

    public enum State {
        OK,
        TORN,
        DAMAGED
    }

    public long tailBytes() {
        return totalBytes - validBytes;
    }

    /** One line for logs and {@code ./hub journal check}. */
    public String describe() {
        String counts = String.format(
                "%,d records in %,d batches, last seq %,d, %,d bytes", records, batches, lastSeq, validBytes);
        return switch (state) {
            case OK -> "ok: " + counts;
            case TORN -> String.format(
                    "torn tail of %,d bytes at offset %d (an interrupted write, never acknowledged; the hub"
                            + " cuts it when it opens the journal and keeps a copy); before it %s",
                    tailBytes(), validBytes, counts);
            case DAMAGED -> String.format(
                    "DAMAGED at offset %d: %,d valid records (from seq %,d) follow the damage; the"
                            + " journal is whole up to offset %d (%s)",
                    damageOffset, validRecordsAfter, firstSeqAfter, validBytes, counts);
        };
    }
}
