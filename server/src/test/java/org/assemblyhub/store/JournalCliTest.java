package org.assemblyhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code ./hub journal check} and {@code ./hub journal cut}, through the command's main class. */
class JournalCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return JournalCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Path dataDir() throws Exception {
        return Files.createTempDirectory("journal-cli");
    }

    @Test
    void check_reports_each_journal_and_changes_nothing() throws Exception {
        Path data = dataDir();
        Path dir = data.resolve("journal");
        new JournalBytes().batch(2).batch(1).writeTo(dir.resolve("good.journal"));
        new JournalBytes().batch(2).raw(new byte[] {0, 0, 1, 0, 9, 9}).writeTo(dir.resolve("torn.journal"));
        JournalBytes damaged = new JournalBytes().batch(1).batch(1).batch(1).batch(1);
        damaged.writeTo(dir.resolve("hurt.journal"));
        JournalBytes.flip(dir.resolve("hurt.journal"), damaged.offsetOf(2) + 17, 4);
        FileTime before = Files.getLastModifiedTime(dir.resolve("torn.journal"));
        byte[] tornBytes = Files.readAllBytes(dir.resolve("torn.journal"));

        int status = run("check", data.toString());

        assertThat(status).as("exit code when a journal is damaged").isEqualTo(1);
        assertThat(out())
                .contains("good.journal: ok: 3 records in 2 batches, last seq 3, "
                        + new JournalBytes().batch(2).batch(1).size() + " bytes")
                .contains("torn.journal: torn tail of 6 bytes at offset "
                        + new JournalBytes().batch(2).size())
                .contains("hurt.journal: DAMAGED at offset " + damaged.offsetOf(2) + ": 2 valid records (from seq 3)")
                .contains("./hub journal cut " + dir.resolve("hurt.journal") + " " + damaged.offsetOf(2));
        assertThat(Files.readAllBytes(dir.resolve("torn.journal"))).isEqualTo(tornBytes);
        assertThat(Files.getLastModifiedTime(dir.resolve("torn.journal"))).isEqualTo(before);
        assertThat(dir.resolve("damaged")).doesNotExist();
    }

    @Test
    void check_exits_0_when_nothing_is_damaged_and_takes_a_single_file() throws Exception {
        Path file = new JournalBytes()
                .batch(3)
                .raw(new byte[] {1, 2, 3})
                .writeTo(dataDir().resolve("journal").resolve("a.journal"));

        assertThat(run("check", file.toString())).isZero();
        assertThat(out()).startsWith("a.journal: torn tail of 3 bytes");
    }

    @Test
    void cut_refuses_any_offset_but_the_end_of_the_whole_journal() throws Exception {
        JournalBytes bytes = new JournalBytes().batch(1).batch(1).batch(1);
        Path file = bytes.writeTo(dataDir().resolve("journal").resolve("a.journal"));
        JournalBytes.flip(file, bytes.offsetOf(2) + 10, 0);
        long size = Files.size(file);

        assertThat(run("cut", file.toString(), "3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("whole up to offset " + bytes.offsetOf(2));
        assertThat(Files.size(file)).isEqualTo(size);
    }

    @Test
    void cut_keeps_a_copy_of_what_it_cuts_and_the_journal_opens_again() throws Exception {
        Path data = dataDir();
        JournalBytes bytes = new JournalBytes().batch(1).batch(1).batch(1);
        Path file = bytes.writeTo(data.resolve("journal").resolve("a.journal"));
        JournalBytes.flip(file, bytes.offsetOf(2) + 10, 0);
        byte[] before = Files.readAllBytes(file);

        assertThat(run("cut", file.toString(), Long.toString(bytes.offsetOf(2))))
                .isZero();

        assertThat(out())
                .contains(
                        "cut " + (before.length - bytes.offsetOf(2)) + " bytes",
                        "1 valid records were after the damage");
        try (Stream<Path> copies = Files.list(data.resolve("journal").resolve("damaged"))) {
            assertThat(copies.toList()).singleElement().satisfies(copy -> {
                assertThat(copy.getFileName().toString()).startsWith("a-").endsWith(".cut");
                assertThat(Files.readAllBytes(copy))
                        .isEqualTo(Arrays.copyOfRange(before, (int) bytes.offsetOf(2), before.length));
            });
        }
        Vertx vertx = Vertx.vertx();
        FileEventStore store = new FileEventStore(vertx, data);
        List<JournalRecord> records =
                store.read("a", 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(records).extracting(JournalRecord::seq).containsExactly(1L);
        store.close();
        vertx.close();
    }

    @Test
    void cut_refuses_a_journal_that_a_store_in_this_process_holds_open() throws Exception {
        Path data = dataDir();
        Vertx vertx = Vertx.vertx();
        FileEventStore store = new FileEventStore(vertx, data);
        store.append("a", 0, List.of(new JournalRecord(1, new byte[] {1})))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(run("cut", data.resolve("journal").resolve("a.journal").toString(), "0"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stop the hub first");
        store.close();
        vertx.close();
    }
}
