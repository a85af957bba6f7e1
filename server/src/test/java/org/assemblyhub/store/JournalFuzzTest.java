package org.assemblyhub.store;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.assemblyhub.testing.FuzzSweep;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The journal reader fuzzed (properties in {@link JournalProperties}).
 * <ul>
 *   <li>Tagged {@code fuzz}: Maven runs it in a JVM of its own (the {@code fuzz} execution of surefire).</li>
 *   <li>Every build: each {@code @FuzzTest} runs on its seeds and past findings
 *       ({@code src/test/resources/org/assemblyhub/store/JournalFuzzTestInputs/<method>/}), and each sweep tries the
 *       property on randomly damaged seeds for {@link #SWEEP} ({@link FuzzSweep}).</li>
 *   <li>On demand, coverage-guided with Jazzer (one fuzz test per run; it stops at its {@code maxDuration} or at the
 *       first finding, which it saves in the inputs directory):
 *       {@code JAZZER_FUZZ=1 mvn -B -pl server -am -Dsurefire.failIfNoSpecifiedTests=false
 *       -Dtest='JournalFuzzTest#any_bytes_as_a_journal_are_read_as_the_reference_reads_them' test}.</li>
 * </ul>
 */
@Tag("fuzz")
class JournalFuzzTest {
    static final Duration SWEEP = Duration.ofSeconds(Long.getLong("fuzz.sweep.seconds", 2));
    private static final Path DIR = temporaryDirectory();

    /**
     * In memory where there is a tmpfs: the reader fsyncs every copy it keeps, and a disk makes that the whole cost.
     */
    private static Path temporaryDirectory() {
        try {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "journal-fuzz")
                    : Files.createTempDirectory("journal-fuzz");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void any_bytes_as_a_journal_are_read_as_the_reference_reads_them(byte[] input) throws IOException {
        JournalProperties.anyBytesAsAJournal(input, DIR);
    }

    @FuzzTest(maxDuration = "10m")
    void damage_written_after_a_complete_batch_never_loses_that_batch(byte[] input) throws IOException {
        JournalProperties.damageAfterACompleteBatch(input, DIR);
    }

    @Test
    void a_few_seconds_of_random_bytes_read_as_a_journal_break_no_promise() throws Exception {
        FuzzSweep.run(
                "journal-any-bytes",
                SWEEP,
                FuzzSweep.seeds(JournalFuzzTest.class, "any_bytes_as_a_journal_are_read_as_the_reference_reads_them"),
                input -> JournalProperties.anyBytesAsAJournal(input, DIR));
    }

    @Test
    void a_few_seconds_of_random_damage_after_complete_batches_lose_none() throws Exception {
        FuzzSweep.run(
                "journal-damage-after-batch",
                SWEEP,
                FuzzSweep.seeds(JournalFuzzTest.class, "damage_written_after_a_complete_batch_never_loses_that_batch"),
                input -> JournalProperties.damageAfterACompleteBatch(input, DIR));
    }
}
