package org.assemblyhub.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * What the journal reader promises for any bytes at all, checked against a reference reader written the plain way
 * (no window, no index, a brute-force search). Shared by the fuzz tests ({@link JournalFuzzTest}) and the plain tests
 * that pin down what the fuzzer found.
 */
final class JournalProperties {
    private JournalProperties() {}

    /**
     * Any bytes as a journal file: scanning and opening never throw anything but {@link JournalDamaged}; the valid
     * journal reported is exactly the reference's; damage is reported if and only if a valid later record exists; an
     * open either refuses a damaged file and leaves it untouched, or serves exactly the valid records.
     */
    static void anyBytesAsAJournal(byte[] bytes, Path dir) throws IOException {
        clean(dir);
        Path file = Files.write(dir.resolve("fuzz.journal"), bytes);
        Reference expected = Reference.of(bytes);
        JournalReport report;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            report = JournalScan.scan(file, channel, null);
        }
        check(
                report.records() == expected.records && report.lastSeq() == expected.records,
                "records",
                report,
                expected);
        check(report.batches() == expected.batches, "batches", report, expected);
        check(report.validBytes() == expected.validBytes, "valid bytes", report, expected);
        check(report.totalBytes() == bytes.length, "total bytes", report, expected);
        boolean later = expected.laterValidRecord();
        JournalReport.State state = expected.validBytes == bytes.length
                ? JournalReport.State.OK
                : later || !expected.unfinished() ? JournalReport.State.DAMAGED : JournalReport.State.TORN;
        check(report.state() == state, "state " + state, report, expected);
        if (later) check(report.validRecordsAfter() >= 1, "records after damage", report, expected);
        opened(file, bytes, expected, state);
    }

    /**
     * A valid journal with arbitrary bytes written after a complete batch: no complete batch is ever lost — the open
     * serves every record it had (and perhaps more, if the bytes hold the next ones), or refuses it as damaged and
     * leaves the file as it was.
     */
    static void damageAfterACompleteBatch(byte[] input, Path dir) throws IOException {
        clean(dir);
        Draw data = new Draw(input);
        JournalBytes journal = new JournalBytes();
        int batches = data.number(1, 5);
        List<JournalRecord> written = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<JournalRecord> batch = new ArrayList<>();
            int records = data.number(1, 4);
            for (int r = 0; r < records; r++) {
                batch.add(new JournalRecord(written.size() + batch.size() + 1, data.bytes(data.number(0, 40))));
            }
            journal.batch(batch);
            written.addAll(batch);
        }
        byte[] damage = data.rest();
        journal.raw(damage);
        byte[] bytes = journal.bytes();
        Path file = Files.write(dir.resolve("fuzz.journal"), bytes);
        try {
            List<JournalRecord> read = readAll(file);
            check(read.size() >= written.size(), "every record is still there", null, null);
            for (int i = 0; i < written.size(); i++) {
                check(
                        Arrays.equals(read.get(i).data(), written.get(i).data()),
                        "record " + (i + 1) + " unchanged",
                        null,
                        null);
            }
        } catch (JournalDamaged e) {
            check(Arrays.equals(Files.readAllBytes(file), bytes), "a damaged journal is left untouched", null, null);
            check(
                    e.report().lastSeq() >= written.size(),
                    "the whole journal before the damage is kept",
                    e.report(),
                    null);
        }
    }

    private static void opened(Path file, byte[] bytes, Reference expected, JournalReport.State state)
            throws IOException {
        try {
            List<JournalRecord> read = readAll(file);
            check(state != JournalReport.State.DAMAGED, "a damaged journal does not open", null, expected);
            check(read.size() == expected.records, "records served", null, expected);
            for (int i = 0; i < read.size(); i++) {
                check(
                        read.get(i).seq() == i + 1 && Arrays.equals(read.get(i).data(), expected.data.get(i)),
                        "record " + (i + 1),
                        null,
                        expected);
            }
            check(Files.size(file) == expected.validBytes, "the torn tail is cut", null, expected);
            if (state == JournalReport.State.TORN) {
                byte[] copy = onlyCopy(file.resolveSibling(DamagedCopies.DIR));
                check(
                        Arrays.equals(copy, Arrays.copyOfRange(bytes, (int) expected.validBytes, bytes.length)),
                        "the cut bytes are kept",
                        null,
                        expected);
            }
        } catch (JournalDamaged e) {
            check(state == JournalReport.State.DAMAGED, "only damage refuses an open", e.report(), expected);
            check(
                    Arrays.equals(Files.readAllBytes(file), bytes),
                    "a damaged journal is left untouched",
                    e.report(),
                    expected);
        }
    }

    private static List<JournalRecord> readAll(Path file) throws IOException {
        List<JournalRecord> read = new ArrayList<>();
        JournalFile.Opened opened = JournalFile.open(
                "fuzz", file, JournalChannels.DEFAULT, new DamagedCopies(file.getParent(), Clock.systemUTC()));
        try (JournalFile journal = opened.file()) {
            JournalFile.Cursor cursor = journal.cursor(0);
            for (List<JournalRecord> chunk = cursor.next(1 << 16); !chunk.isEmpty(); chunk = cursor.next(1 << 16))
                read.addAll(chunk);
        }
        return read;
    }

    private static byte[] onlyCopy(Path dir) throws IOException {
        try (Stream<Path> copies = Files.list(dir)) {
            List<Path> all = copies.toList();
            check(all.size() == 1, "one copy", null, null);
            return Files.readAllBytes(all.get(0));
        }
    }

    private static void clean(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) if (!p.equals(dir)) Files.delete(p);
        }
    }

    private static void check(boolean holds, String what, JournalReport report, Reference expected) {
        if (!holds) throw new AssertionError(what + " — reader: " + report + ", reference: " + expected);
    }

    /** Numbers and bytes drawn from the front of a fuzzer's input (zeros once it runs out). */
    private static final class Draw {
        private final byte[] input;
        private int pos;

        Draw(byte[] input) {
            this.input = input;
        }

        int number(int min, int max) {
            int b = pos < input.length ? input[pos++] & 0xFF : 0;
            return min + b % (max - min + 1);
        }

        byte[] bytes(int n) {
            int take = Math.max(0, Math.min(n, input.length - pos));
            byte[] out = Arrays.copyOfRange(input, pos, pos + take);
            pos += take;
            return out;
        }

        byte[] rest() {
            return bytes(input.length - pos);
        }
    }

    /** The journal read the slow, obvious way. */
    static final class Reference {
        final byte[] bytes;
        long records;
        long batches;
        long validBytes;
        long lastSeqSeen;
        long badAt;
        final List<byte[]> data = new ArrayList<>();

        private Reference(byte[] bytes) {
            this.bytes = bytes;
        }

        static Reference of(byte[] bytes) {
            Reference r = new Reference(bytes);
            int pos = 0;
            long seq = 0;
            List<byte[]> pending = new ArrayList<>();
            while (true) {
                int length = r.validAt(pos, seq + 1, seq + 1);
                if (length < 0) break;
                seq++;
                pending.add(Arrays.copyOfRange(bytes, pos + 16, pos + 8 + length));
                boolean continues = (ByteBuffer.wrap(bytes, pos, 4).getInt() & (1 << 30)) != 0;
                pos += 8 + length;
                if (!continues) {
                    r.batches++;
                    r.records = seq;
                    r.validBytes = pos;
                    r.data.addAll(pending);
                    pending.clear();
                }
            }
            r.lastSeqSeen = seq;
            r.badAt = pos;
            return r;
        }

        /**
         * Whether any position from the first bad record holds a valid record with a later seq this file could hold.
         */
        boolean laterValidRecord() {
            long most = lastSeqSeen + 1 + bytes.length / 16;
            for (long p = badAt; p + 16 <= bytes.length; p++) {
                if (validAt((int) p, lastSeqSeen + 1, most) >= 0) return true;
            }
            return false;
        }

        /** Whether the bytes from the first bad record look like a write that never finished (see JournalScan). */
        boolean unfinished() {
            int pos = (int) badAt;
            if (bytes.length - pos < 8) return true;
            boolean zeros = true;
            for (int i = pos; i < bytes.length; i++) zeros &= bytes[i] == 0;
            if (zeros) return true;
            int word = ByteBuffer.wrap(bytes).getInt(pos);
            if (word < 0 || ((word >>> 25) & 0x1F) != 0) return false;
            int length = word & ~(1 << 30);
            return length >= 8 && length <= 16 * 1024 * 1024 && pos + 8L + length > bytes.length;
        }

        private int validAt(int pos, long minSeq, long maxSeq) {
            if (pos < 0 || pos + 16 > bytes.length) return -1;
            ByteBuffer in = ByteBuffer.wrap(bytes);
            int word = in.getInt(pos);
            if (word < 0 || ((word >>> 25) & 0x1F) != 0) return -1; // only the batch bit and 25 length bits may be set
            int length = word & ~(1 << 30);
            if (length < 8 || length > 16 * 1024 * 1024 || pos + 8L + length > bytes.length) return -1;
            long seq = in.getLong(pos + 8);
            if (seq < minSeq || seq > maxSeq) return -1;
            CRC32C crc = new CRC32C();
            crc.update(bytes, pos + 8, length);
            return (int) crc.getValue() == in.getInt(pos + 4) ? length : -1;
        }

        @Override
        public String toString() {
            return "Reference[records=" + records + ", batches=" + batches + ", validBytes=" + validBytes + ", size="
                    + bytes.length + "]";
        }
    }
}
