package org.assemblyhub.store;

import static org.assemblyhub.store.JournalFormat.HEADER;
import static org.assemblyhub.store.JournalFormat.SEQ;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-checks a journal file's hash chain ({@link JournalChain}) from its first record: each record must name the head
 * before it. Records from before the chain existed (no {@code prev}) are accepted only before the first chained one.
 * Read-only, safe while a hub runs; the checksums and the batch structure are {@link JournalScan}'s to check first.
 */
final class ChainCheck {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * What the check found. {@code breakSeq}: the first record that does not follow the chain (0: none), with
     * {@code problem} saying how; {@code unchained}: records before the chain began; {@code pinnedAt}: the seq whose
     * head is the published head asked about (0: not found or not asked).
     */
    record Result(long records, long unchained, String head, long breakSeq, String problem, long pinnedAt) {
        boolean ok() {
            return breakSeq == 0;
        }

        List<String> describe(String published) {
            List<String> lines = new ArrayList<>();
            if (!ok()) {
                lines.add("chain broken at seq " + breakSeq + ": " + problem);
                return lines;
            }
            lines.add("hash chain intact over " + records + " records"
                    + (unchained > 0 ? " (the first " + unchained + " were written before the chain, unchained)" : "")
                    + "; head " + head);
            if (published != null) {
                lines.add(
                        pinnedAt > 0
                                ? "the published head " + published + " is the head at seq " + pinnedAt
                                : "the published head " + published + " is NOT in this journal");
            }
            return lines;
        }
    }

    private ChainCheck() {}

    /** Checks the whole records of {@code channel} (up to {@code validBytes}, as the scan found them). */
    static Result check(String assemblyId, Path file, FileChannel channel, long validBytes, String published)
            throws IOException {
        ChannelReader reader = new ChannelReader(channel, validBytes);
        String head = JournalChain.genesis(assemblyId);
        long pos = 0;
        long records = 0;
        long unchained = 0;
        long pinnedAt = 0;
        boolean chained = false;
        while (pos < validBytes) {
            int length = JournalFormat.length(reader.getInt(pos));
            long seq = reader.getLong(pos + HEADER);
            byte[] data = reader.bytes(pos + HEADER + SEQ, length - SEQ);
            String prev = prevOf(data);
            if (prev == null) {
                if (chained) return broken(records, unchained, seq, "the record names no head before it");
                unchained++;
            } else {
                chained = true;
                if (!prev.equals(head)) {
                    return broken(
                            records,
                            unchained,
                            seq,
                            "it follows head " + prev + " but the records before it end at head " + head
                                    + " (a record at or before seq " + (seq - 1)
                                    + " was changed, removed or inserted)");
                }
            }
            head = JournalChain.next(head, seq, data);
            records++;
            if (head.equals(published)) pinnedAt = seq;
            pos += HEADER + length;
        }
        return new Result(records, unchained, head, 0, null, pinnedAt);
    }

    private static Result broken(long records, long unchained, long seq, String problem) {
        return new Result(records, unchained, null, seq, problem, 0);
    }

    /** The top-level {@code prev} of a record's envelope, or null (not there, or not an envelope at all). */
    static String prevOf(byte[] data) {
        try (JsonParser parser = JSON.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("prev".equals(name)) return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
