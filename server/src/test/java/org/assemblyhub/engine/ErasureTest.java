package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.StoreConfig;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.recommendation.verify.BallotVerifier;
import org.assemblyhub.store.JournalCli;
import org.assemblyhub.store.StoreOptions;
import org.assemblyhub.support.Jackson;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

/**
 * Crypto-shredding through a running hub: a member's name, contact, attribute, a hand's note and a message are never
 * in the journal in the clear, and once the member is erased no byte of them is readable anywhere — files of the data
 * directory (journal, snapshots, keys), every audience's view, the published records, the log — while the assembly
 * replays, the ballot re-counts against its published head and the journal's chain verifies.
 */
class ErasureTest {
    private static final List<String> CANARIES = List.of(
            "Canaryname-7f3a",
            BusyAssembly.CANARY_CONTACT,
            BusyAssembly.CANARY_AREA,
            "Canarynote-7f3a",
            "Canarymessage-7f3a",
            "Canaryquestion-7f3a",
            "Canaryreworded-7f3a");

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logged.add(format.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureTheLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void after_a_member_is_erased_no_byte_of_their_data_remains_and_the_assembly_replays_and_verifies()
            throws Exception {
        Path dataDir = TestHub.newDataDir();
        int port = TestHub.freePort();
        StoreOptions snapshotsOften = StoreOptions.DEFAULT.withSnapshotsEvery(60, Long.MAX_VALUE);
        String head;
        try (TestHub hub = new TestHub(StoreConfig.FILE, dataDir, port, snapshotsOften)) {
            BusyAssembly busy = new BusyAssembly(hub.vertx(), "erasure").withCanary();
            busy.firstEvening();
            busy.secondEvening();
            JsonObject asked = busy.ask(
                    "m1", "member", "ask-question", new JsonObject().put("text", "Canaryquestion-7f3a: why here?"));
            assertThat(Answers.isError(asked)).as(asked.encode()).isFalse();
            String questionId = asked.getJsonObject("result").getString("questionId");
            JsonObject reworded = busy.ask(
                    "organiser-1",
                    "organiser",
                    "edit-question",
                    new JsonObject()
                            .put("questionId", questionId)
                            .put("text", "Canaryreworded-7f3a: why this place?")
                            .put("note", "shorter"));
            assertThat(Answers.isError(reworded)).as(reworded.encode()).isFalse();
            awaitQuietSnapshots(dataDir);

            assertThat(busy.view("organiser"))
                    .as("before: the organisers see the member's data")
                    .contains(BusyAssembly.CANARY_NAME, BusyAssembly.CANARY_CONTACT, BusyAssembly.CANARY_AREA)
                    .contains("Canaryreworded-7f3a");
            assertThat(Files.readString(
                            dataDir.resolve("journal").resolve("erasure.journal"), StandardCharsets.ISO_8859_1))
                    .as("the journal holds personal data sealed, never in the clear")
                    .doesNotContain(CANARIES)
                    .doesNotContain("Canaryname");
            assertThat(filesHolding(dataDir, "Canaryname-7f3a"))
                    .as("a snapshot holds the model in the clear until the erasure")
                    .isNotEmpty();
            head = ballotHead(busy);

            JsonObject erased =
                    busy.ask("organiser-1", "organiser", "erase-person", new JsonObject().put("personId", "m1"));
            assertThat(Answers.isError(erased)).as(erased.encode()).isFalse();
            assertThat(busy.ask("organiser-1", "organiser", "erase-person", new JsonObject().put("personId", "m1"))
                            .getString("code"))
                    .isEqualTo("already-erased");
            assertThat(busy.ask(
                                    "organiser-1",
                                    "organiser",
                                    "erase-person",
                                    new JsonObject().put("personId", "organiser-1"))
                            .getString("code"))
                    .isEqualTo("cannot-erase-self");
            assertThat(busy.ask("m2", "member", "erase-person", new JsonObject().put("personId", "m3"))
                            .getString("code"))
                    .isEqualTo("forbidden");

            awaitErasedInViews(busy);
            assertNothingLeft(hub, busy, dataDir, head);
            assertThat(busy.view("organiser"))
                    .contains(Person.ERASED_NAME)
                    .contains("\\\"erased\\\":true")
                    .contains("Member 2");
        }

        try (TestHub again = new TestHub(StoreConfig.FILE, dataDir, port, snapshotsOften)) {
            BusyAssembly busy = new BusyAssembly(again.vertx(), "erasure");
            assertThat(busy.view("organiser")).contains(Person.ERASED_NAME).contains("Member 2");
            assertNothingLeft(again, busy, dataDir, head);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int verified = JournalCli.run(
                new String[] {"verify", dataDir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(verified).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(String.join("\n", logged)).as("the log").doesNotContain(CANARIES);
    }

    private static void assertNothingLeft(TestHub hub, BusyAssembly busy, Path dataDir, String head) throws Exception {
        assertThat(filesHolding(dataDir, CANARIES.toArray(String[]::new)))
                .as("files of the data directory holding the member's data")
                .isEmpty();
        assertThat(allViews(busy)).doesNotContain(CANARIES);
        for (String path :
                List.of("/open-data.json", "/results.csv", "/ballots/b1/record.json", "/journal-head.json")) {
            var response = hub.get("/api/assemblies/erasure" + path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain(CANARIES);
        }
        var record = hub.get("/api/assemblies/erasure/ballots/b1/record.json", null);
        var report = BallotVerifier.verify(Jackson.MAPPER.readTree(record.body()), head);
        assertThat(report.ok()).as(String.valueOf(report.problem())).isTrue();
    }

    private static String ballotHead(BusyAssembly busy) {
        return new JsonObject(busy.view("observer"))
                .getJsonArray("messages").stream()
                        .map(m -> new JsonObject((String) m))
                        .map(m -> m.getJsonObject("view")
                                .getJsonObject("ballots")
                                .getJsonObject("b1")
                                .getString("head"))
                        .findFirst()
                        .orElseThrow();
    }

    /** Every plenary audience's view and those of the groups of the last round. */
    private static String allViews(BusyAssembly busy) {
        List<String> views = new ArrayList<>();
        for (Audience audience : Audience.PLENARY) views.add(busy.view(audience.wire()));
        for (int group = 1; group <= 4; group++) {
            views.add(busy.view(Audience.MEMBER.inGroup(group).wire()));
            views.add(busy.view(Audience.FACILITATOR.inGroup(group).wire()));
        }
        return String.join("\n", views);
    }

    private static void awaitErasedInViews(BusyAssembly busy) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (busy.view("organiser").contains("Canaryname-7f3a")) {
            if (System.nanoTime() > deadline) throw new AssertionError("the organiser still sees the erased member");
            Thread.sleep(100);
        }
    }

    /** The files under {@code dir} whose bytes hold any of {@code texts} (as UTF-8). */
    private static List<Path> filesHolding(Path dir, String... texts) throws IOException {
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String text : texts) {
                    String utf8 = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                    if (bytes.contains(utf8)) holding.add(file);
                }
            }
        }
        return holding;
    }

    /** Snapshots are written in the background: waits until one exists and none is being written. */
    private static void awaitQuietSnapshots(Path dataDir) throws Exception {
        Path dir = dataDir.resolve("snapshots").resolve("erasure");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                if (names.stream().anyMatch(n -> n.endsWith(".snapshot"))
                        && names.stream().noneMatch(n -> n.endsWith(".tmp"))) return;
            }
        }
        throw new AssertionError("no snapshot within 30 s");
    }
}
