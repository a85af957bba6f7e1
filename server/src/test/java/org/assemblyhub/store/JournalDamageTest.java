package org.assemblyhub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Only an unacknowledged last batch may be cut; damage anywhere else stops the assembly, leaves the file alone and is
 * reported with its offset and how much valid journal follows it. Every cut keeps a copy of what it cut.
 */
class JournalDamageTest {
    Vertx vertx;
    Path dataDir;
    Path journal;
    FileEventStore store;

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        dataDir = Files.createTempDirectory("journal-damage");
        journal = dataDir.resolve("journal").resolve("a1.journal");
        store = new FileEventStore(vertx, dataDir);
    }

    @AfterEach
    void close() throws Exception {
        await(store.close());
        await(vertx.close());
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private List<Long> seqs() throws Exception {
        return await(store.read("a1", 0)).stream().map(JournalRecord::seq).toList();
    }

    private JournalDamaged damageOnRead() {
        Throwable failure = null;
        try {
            seqs();
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).as("reading a damaged journal fails").isInstanceOf(JournalDamaged.class);
        return (JournalDamaged) failure;
    }

    private List<Path> copies(String glob) throws Exception {
        Path dir = dataDir.resolve("journal").resolve("damaged");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p ->
                            p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void a_flipped_bit_in_record_2_of_10_is_damage_and_nothing_is_cut() throws Exception {
        JournalBytes bytes = new JournalBytes();
        for (int i = 0; i < 10; i++) bytes.batch(1);
        bytes.writeTo(journal);
        JournalBytes.flip(journal, bytes.offsetOf(2) + 20, 3);
        byte[] before = Files.readAllBytes(journal);

        JournalDamaged damage = damageOnRead();

        assertThat(damage.report().state()).isEqualTo(JournalReport.State.DAMAGED);
        assertThat(damage.report().damageOffset()).isEqualTo(bytes.offsetOf(2));
        assertThat(damage.report().validRecordsAfter()).isEqualTo(8);
        assertThat(damage.report().firstSeqAfter()).isEqualTo(3);
        assertThat(damage.report().lastSeq()).isEqualTo(1);
        assertThat(damage.getMessage()).contains("a1", "offset " + bytes.offsetOf(2), "8 valid records", "journal cut");
        assertThat(Files.readAllBytes(journal))
                .as("the journal is left untouched")
                .isEqualTo(before);
        assertThat(copies("a1-*.journal")).singleElement().satisfies(copy -> assertThat(Files.readAllBytes(copy))
                .isEqualTo(before));
    }

    @Test
    void a_damaged_journal_is_reported_again_at_each_open_but_copied_aside_only_once() throws Exception {
        JournalBytes bytes = new JournalBytes().batch(2).batch(2).batch(2);
        bytes.writeTo(journal);
        JournalBytes.flip(journal, bytes.offsetOf(3) + 1, 0);

        damageOnRead();
        damageOnRead();

        assertThat(copies("a1-*.journal")).hasSize(1);
    }

    @Test
    void no_append_is_accepted_on_a_damaged_journal() throws Exception {
        JournalBytes bytes = new JournalBytes().batch(1).batch(1).batch(1);
        bytes.writeTo(journal);
        JournalBytes.flip(journal, bytes.offsetOf(2) + 4, 7);
        long size = Files.size(journal);

        assertThatThrownBy(() -> await(store.append("a1", 1, List.of(new JournalRecord(2, new byte[] {1})))))
                .hasCauseInstanceOf(JournalDamaged.class);
        assertThat(Files.size(journal)).isEqualTo(size);
    }

    @Test
    void a_bad_record_inside_a_batch_followed_by_later_batches_is_damage_not_a_torn_tail() throws Exception {
        JournalBytes bytes = new JournalBytes().batch(1).batch(3).batch(1);
        bytes.writeTo(journal);
        JournalBytes.flip(journal, bytes.offsetOf(3) + 18, 1); // the middle record of the batch 2..4

        JournalDamaged damage = damageOnRead();

        assertThat(damage.report().validBytes())
                .as("the whole journal ends before the broken batch")
                .isEqualTo(bytes.offsetOf(2));
        assertThat(damage.report().damageOffset()).isEqualTo(bytes.offsetOf(3));
        assertThat(damage.report().validRecordsAfter())
                .as("record 4 and record 5")
                .isEqualTo(2);
    }

    @Test
    void a_length_word_claiming_an_absurd_size_in_the_middle_is_damage() throws Exception {
        JournalBytes bytes = new JournalBytes().batch(1).batch(1).batch(1).batch(1);
        bytes.writeTo(journal);
        byte[] file = Files.readAllBytes(journal);
        file[(int) bytes.offsetOf(2)] = 0x7f;
        Files.write(journal, file);

        assertThat(damageOnRead().report().validRecordsAfter()).isEqualTo(2);
    }

    @Test
    void a_gap_in_the_seq_chain_with_valid_checksums_is_damage() throws Exception {
        new JournalBytes()
                .batch(1)
                .batch(1)
                .batch(List.of(new JournalRecord(4, "event 4".getBytes(StandardCharsets.UTF_8))))
                .batch(List.of(new JournalRecord(5, "event 5".getBytes(StandardCharsets.UTF_8))))
                .writeTo(journal);

        JournalDamaged damage = damageOnRead();

        assertThat(damage.report().lastSeq()).isEqualTo(2);
        assertThat(damage.report().firstSeqAfter()).isEqualTo(4);
        assertThat(damage.report().validRecordsAfter()).isEqualTo(2);
    }

    @Test
    void valid_records_are_counted_past_a_second_damaged_region() throws Exception {
        JournalBytes bytes = new JournalBytes();
        for (int i = 0; i < 8; i++) bytes.batch(1);
        bytes.writeTo(journal);
        JournalBytes.flip(journal, bytes.offsetOf(3) + 9, 2);
        JournalBytes.flip(journal, bytes.offsetOf(6) + 9, 2);

        JournalDamaged damage = damageOnRead();

        assertThat(damage.report().validRecordsAfter()).as("4, 5, 7, 8").isEqualTo(4);
    }

    @Test
    void a_torn_tail_is_cut_only_after_a_copy_of_the_cut_bytes_is_kept() throws Exception {
        JournalBytes bytes = new JournalBytes().batch(2).batch(3);
        bytes.writeTo(journal);
        byte[] whole = Files.readAllBytes(journal);
        try (var file = new RandomAccessFile(journal.toFile(), "rw")) {
            file.setLength(whole.length - 3); // the crash tore the last record of the last batch
        }

        assertThat(seqs()).containsExactly(1L, 2L);
        assertThat(Files.size(journal)).isEqualTo(bytes.offsetOf(3));
        assertThat(copies("a1-*.tail")).singleElement().satisfies(copy -> assertThat(Files.readAllBytes(copy))
                .isEqualTo(Arrays.copyOfRange(whole, (int) bytes.offsetOf(3), whole.length - 3)));
    }

    @Test
    void garbage_after_the_last_batch_is_reported_as_damage_not_cut_even_without_a_valid_record_after_it()
            throws Exception {
        new JournalBytes().batch(3).writeTo(journal);
        long end = Files.size(journal);
        byte[] garbage = new byte[50_000];
        new Random(7).nextBytes(garbage);
        Files.write(journal, garbage, StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(journal);

        JournalDamaged damage = damageOnRead();

        assertThat(damage.report().damageOffset()).isEqualTo(end);
        assertThat(damage.report().validRecordsAfter()).isZero();
        assertThat(Files.readAllBytes(journal))
                .as("nothing cut: the operator decides")
                .isEqualTo(before);
    }

    @Test
    void a_flipped_bit_in_the_last_acknowledged_batch_is_damage_not_a_torn_tail() throws Exception {
        JournalBytes bytes = new JournalBytes().batch(2).batch(3);
        bytes.writeTo(journal);
        long end = Files.size(journal);
        JournalBytes.flip(journal, end - 10, 4); // inside the last record, written whole: it was acknowledged
        byte[] before = Files.readAllBytes(journal);

        JournalDamaged damage = damageOnRead();

        assertThat(damage.report().state()).isEqualTo(JournalReport.State.DAMAGED);
        assertThat(damage.report().lastSeq()).isEqualTo(2);
        assertThat(Files.readAllBytes(journal))
                .as("the acknowledged batch is not cut away")
                .isEqualTo(before);
        assertThat(copies("a1-*.tail")).isEmpty();
    }

    @Test
    void zeros_after_the_last_batch_are_a_write_that_never_finished_and_are_cut_with_a_copy() throws Exception {
        JournalBytes bytes = new JournalBytes().batch(2).batch(3);
        bytes.raw(new byte[4096]).writeTo(journal);

        assertThat(seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(copies("a1-*.tail")).singleElement().satisfies(copy -> assertThat(Files.size(copy))
                .isEqualTo(4096));
    }

    @Test
    void a_journal_and_its_copies_are_readable_by_the_hub_user_only() throws Exception {
        JournalBytes bytes = new JournalBytes().batch(2).raw(new byte[] {0, 0, 0, 42, 1});
        bytes.writeTo(journal);
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(journal.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

        seqs();
        await(store.append("a1", 2, List.of(new JournalRecord(3, new byte[] {1}))));
        await(store.append("b2", 0, List.of(new JournalRecord(1, new byte[] {1}))));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.resolveSibling("b2.journal"))))
                .isEqualTo("rw-------");
        Path damaged = journal.resolveSibling("damaged");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(damaged)))
                .isEqualTo("rwx------");
        assertThat(copies("a1-*.tail")).singleElement().satisfies(copy -> assertThat(
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
                .isEqualTo("rw-------"));
    }
}
