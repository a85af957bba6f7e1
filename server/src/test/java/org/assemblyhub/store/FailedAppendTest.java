package org.assemblyhub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A failed append is dead for good: whatever the disk did with its bytes, they are never read back — not by the next
 * append, not after a restart — and the journal goes on from its last durable batch.
 */
class FailedAppendTest {
    Vertx vertx;
    Path dataDir;
    Path journal;
    FaultyChannels faults;
    FileEventStore store;
    long durableSize;

    @BeforeEach
    void aJournalWithOneDurableBatch() throws Exception {
        vertx = Vertx.vertx();
        dataDir = Files.createTempDirectory("failed-append");
        journal = dataDir.resolve("journal").resolve("a1.journal");
        faults = new FaultyChannels();
        store = new FileEventStore(vertx, dataDir, faults, Clock.systemUTC());
        await(store.append("a1", 0, records(1, 2)));
        durableSize = Files.size(journal);
    }

    @AfterEach
    void close() throws Exception {
        await(store.close());
        await(vertx.close());
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static List<JournalRecord> records(long from, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new JournalRecord(
                        from + i, ("event " + (from + i) + " " + "x".repeat(200)).getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    private List<Long> seqsAfterRestart() throws Exception {
        await(store.close());
        store = new FileEventStore(vertx, dataDir);
        return await(store.read("a1", 0)).stream().map(JournalRecord::seq).toList();
    }

    private void theFailedBatchIsGoneAndTheJournalGoesOn() throws Exception {
        assertThat(Files.size(journal)).as("cut back to the last durable size").isEqualTo(durableSize);
        assertThat(await(store.read("a1", 0))).hasSize(2);
        await(store.append("a1", 2, records(3, 1)));
        assertThat(seqsAfterRestart()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_write_error_leaves_nothing_and_the_next_append_lands() throws Exception {
        faults.failingWrites.set(1);

        assertThatThrownBy(() -> await(store.append("a1", 2, records(3, 3))))
                .hasMessageContaining("Input/output error");

        theFailedBatchIsGoneAndTheJournalGoesOn();
    }

    @Test
    void a_failed_fsync_cuts_the_written_batch_back_so_it_cannot_reach_the_disk_later() throws Exception {
        faults.failingForces.set(1);

        assertThatThrownBy(() -> await(store.append("a1", 2, records(3, 3)))).hasMessageContaining("fsync failed");

        theFailedBatchIsGoneAndTheJournalGoesOn();
    }

    @Test
    void a_short_write_then_an_error_leaves_no_half_batch() throws Exception {
        faults.shortWrites.set(1);

        assertThatThrownBy(() -> await(store.append("a1", 2, records(3, 3)))).hasMessageContaining("short write");

        theFailedBatchIsGoneAndTheJournalGoesOn();
    }

    @Test
    void a_full_disk_refuses_the_batch_and_leaves_nothing() throws Exception {
        faults.fullDisks.set(1);

        assertThatThrownBy(() -> await(store.append("a1", 2, records(3, 3))))
                .hasMessageContaining("No space left on device");

        theFailedBatchIsGoneAndTheJournalGoesOn();
    }

    @Test
    void when_the_cut_back_fails_too_the_journal_is_broken_until_restart_and_the_refused_batch_never_comes_back()
            throws Exception {
        faults.failingForces.set(1);
        faults.failingTruncates.set(1);

        assertThatThrownBy(() -> await(store.append("a1", 2, records(3, 3)))).hasMessageContaining("fsync failed");
        assertThat(Files.size(journal))
                .as("the whole refused batch is still in the file")
                .isGreaterThan(durableSize);

        assertThatThrownBy(() -> await(store.append("a1", 2, records(3, 1))))
                .hasMessageContaining("unusable until the hub restarts");
        assertThatThrownBy(() -> await(store.read("a1", 0))).hasMessageContaining("unusable until the hub restarts");

        assertThat(seqsAfterRestart())
                .as("a complete batch that was refused is not resurrected")
                .containsExactly(1L, 2L);
        assertThat(Files.size(journal)).isEqualTo(durableSize);
        assertThat(journal.resolveSibling("a1.journal.refused")).doesNotExist();
        try (Stream<Path> copies = Files.list(journal.resolveSibling("damaged"))) {
            assertThat(copies.map(p -> p.getFileName().toString()).toList())
                    .singleElement()
                    .asString()
                    .endsWith(".tail");
        }
        await(store.append("a1", 2, records(3, 1)));
        assertThat(seqsAfterRestart()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void an_append_interrupted_by_a_stopping_hub_is_cut_at_the_next_start() throws Exception {
        await(store.close());
        Path file = journal;
        JournalFile.Opened opened =
                JournalFile.open("a1", file, faults, new DamagedCopies(file.getParent(), Clock.systemUTC()));
        faults.interruptions.set(1);
        try (JournalFile journalFile = opened.file()) {
            assertThatThrownBy(() -> journalFile.append(records(3, 3))).isInstanceOf(ClosedByInterruptException.class);
            assertThat(Thread.interrupted())
                    .as("the interrupt is kept for whoever stops the thread")
                    .isTrue();
        }
        assertThat(Files.size(journal)).as("half a batch was written").isGreaterThan(durableSize);
        assertThat(journal.resolveSibling("a1.journal.refused")).hasContent(durableSize + "\n");

        store = new FileEventStore(vertx, dataDir);
        assertThat(seqsAfterRestart()).containsExactly(1L, 2L);
        assertThat(Files.size(journal)).isEqualTo(durableSize);
    }
}
