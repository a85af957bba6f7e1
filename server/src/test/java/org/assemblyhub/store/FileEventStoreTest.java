package org.assemblyhub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

class FileEventStoreTest extends EventStoreContract {
    private Path dir;

    @Override
    protected EventStore newStore(Vertx vertx) throws Exception {
        dir = Files.createTempDirectory("journal-test");
        return new FileEventStore(vertx, dir);
    }

    @Override
    protected EventStore reopen(Vertx vertx) {
        return new FileEventStore(vertx, dir);
    }

    private Path journal(String id) {
        return dir.resolve("journal").resolve(id + ".journal");
    }

    private void reopenStore() throws Exception {
        await(store.close());
        store = reopen(vertx);
    }

    @Test
    void a_torn_last_record_is_dropped_on_recovery_and_the_journal_stays_appendable() throws Exception {
        await(store.append("a1", 0, records(1, 3)));
        long goodSize = Files.size(journal("a1"));
        await(store.append("a1", 3, records(4, 1)));
        reopenStore();
        try (RandomAccessFile file = new RandomAccessFile(journal("a1").toFile(), "rw")) {
            file.setLength(Files.size(journal("a1")) - 5); // the crash tore the last write
        }

        assertThat(texts(await(store.read("a1", 0)))).containsExactly("1:event 1", "2:event 2", "3:event 3");
        assertThat(Files.size(journal("a1"))).isEqualTo(goodSize);
        await(store.append("a1", 3, records(4, 1)));
        reopenStore();
        assertThat(await(store.read("a1", 0))).hasSize(4);
    }

    @Test
    void a_batch_torn_after_its_first_records_is_dropped_whole_so_no_command_is_half_applied() throws Exception {
        await(store.append("a1", 0, records(1, 2)));
        long goodSize = Files.size(journal("a1"));
        await(store.append("a1", 2, records(3, 3)));
        await(store.close());
        try (RandomAccessFile file = new RandomAccessFile(journal("a1").toFile(), "rw")) {
            file.setLength(Files.size(journal("a1")) - 3); // records 3 and 4 are whole, 5 is torn
        }
        store = reopen(vertx);

        assertThat(texts(await(store.read("a1", 0)))).containsExactly("1:event 1", "2:event 2");
        assertThat(Files.size(journal("a1"))).isEqualTo(goodSize);
        await(store.append("a1", 2, records(3, 1)));
        assertThat(await(store.read("a1", 0))).hasSize(3);
    }

    @Test
    void a_last_record_written_whole_whose_checksum_fails_is_damage_and_is_not_cut() throws Exception {
        await(store.append("a1", 0, records(1, 2)));
        await(store.append("a1", 2, records(3, 1)));
        await(store.close());
        try (RandomAccessFile file = new RandomAccessFile(journal("a1").toFile(), "rw")) {
            file.seek(file.length() - 2);
            file.write(new byte[] {'X', 'Y'}); // change bytes inside the last record's data: it was acknowledged
        }
        long size = Files.size(journal("a1"));
        store = reopen(vertx);

        assertThatThrownBy(() -> await(store.read("a1", 0))).hasRootCauseInstanceOf(JournalDamaged.class);
        assertThat(Files.size(journal("a1"))).isEqualTo(size);
    }

    @Test
    void garbage_after_the_last_record_is_cut_off() throws Exception {
        await(store.append("a1", 0, records(1, 2)));
        await(store.close());
        Files.write(journal("a1"), new byte[] {0, 0, 0, 42, 1, 2, 3}, StandardOpenOption.APPEND);
        store = reopen(vertx);

        assertThat(await(store.read("a1", 0))).hasSize(2);
        await(store.append("a1", 2, records(3, 1)));
        reopenStore();
        assertThat(texts(await(store.read("a1", 0)))).containsExactly("1:event 1", "2:event 2", "3:event 3");
    }

    @Test
    void a_length_field_no_write_of_the_hub_could_make_is_damage_not_a_torn_tail() throws Exception {
        await(store.append("a1", 0, records(1, 1)));
        await(store.close());
        Files.write(
                journal("a1"),
                new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0},
                StandardOpenOption.APPEND);
        store = reopen(vertx);

        assertThatThrownBy(() -> await(store.read("a1", 0))).hasRootCauseInstanceOf(JournalDamaged.class);
    }
}
