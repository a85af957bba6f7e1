package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.assemblyhub.Capabilities;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.store.FileEventStore;
import org.assemblyhub.store.PersonKeyFiles;
import org.assemblyhub.store.SnapshotFiles;
import org.assemblyhub.store.Snapshots;
import org.assemblyhub.store.StoreOptions;
import org.assemblyhub.testing.TestHub;
import org.assemblyhub.web.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A replay from a snapshot gives every audience exactly the views a full replay gives; a snapshot that is damaged, of
 * another journal, of another hub version or of other code is ignored and the replay is full.
 */
class SnapshotReplayTest {
    private static final Rules RULES = new Rules(Capabilities.standard());
    static final long EVERY = 60;
    static Path dataDir;
    static Vertx vertx;
    static FileEventStore store;

    @BeforeAll
    static void twoEveningsWithSnapshotsOnTheWay() throws Exception {
        dataDir = TestHub.newDataDir();
        try (TestHub hub = new TestHub(
                dataDir,
                TestHub.freePort(),
                100,
                Clock.systemUTC(),
                VideoConfig.MESH,
                StoreOptions.DEFAULT.withSnapshotsEvery(EVERY, Long.MAX_VALUE))) {
            BusyAssembly busy = new BusyAssembly(hub.vertx(), "busy");
            busy.firstEvening();
            BusyAssembly other = new BusyAssembly(hub.vertx(), "other");
            other.firstEvening();
            other.secondEvening();
            busy.secondEvening();
            awaitQuietSnapshots("busy");
            new BusyAssembly(hub.vertx(), "busy").tail(3); // journal after the newest snapshot
        }
        vertx = Vertx.vertx();
        store = new FileEventStore(vertx, dataDir);
    }

    @AfterAll
    static void close() throws Exception {
        await(store.close());
        await(vertx.close());
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** Snapshots are written in the background: waits until one exists and none is being written. */
    private static void awaitQuietSnapshots(String id) throws Exception {
        Path dir = dataDir.resolve("snapshots").resolve(id);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            if (Files.isDirectory(dir) && snapshotsOf(id).size() > 0 && !hasTemporaryFile(dir)) return;
        }
        throw new AssertionError("no snapshot was written for " + id);
    }

    private static boolean hasTemporaryFile(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".tmp"));
        }
    }

    private static List<Path> snapshotsOf(String id) throws Exception {
        Path dir = dataDir.resolve("snapshots").resolve(id);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".snapshot"))
                    .sorted()
                    .toList();
        }
    }

    /** What opens the people's data with the keys the hub kept (the replays compare what the hub itself reads). */
    private static PersonalSeals seals() throws Exception {
        KeyRing keys = new KeyRing("busy", new PersonKeyFiles(dataDir));
        keys.load();
        return new PersonalSeals("busy", keys);
    }

    private static SnapshotFiles files(String version) {
        return new SnapshotFiles(dataDir, version, EVERY, Long.MAX_VALUE);
    }

    private static EngineReplay.Replayed replay(SnapshotFiles snapshots) throws Exception {
        return await(EngineReplay.load(vertx, RULES, store, snapshots, seals(), "busy", EngineReplay.Then.NOTHING));
    }

    /** What each audience's screen would be given on joining: the plenary ones and those of groups 1 to 4. */
    private static Map<String, String> views(EngineReplay.Replayed replayed) {
        Views views = new Views(vertx.eventBus(), "busy", RULES, replayed.model(), replayed.seq());
        List<Audience> audiences = new ArrayList<>(List.of(Audience.PLENARY));
        for (int group = 1; group <= 4; group++) {
            audiences.add(Audience.MEMBER.inGroup(group));
            audiences.add(Audience.FACILITATOR.inGroup(group));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Audience audience : audiences) {
            out.put(
                    audience.wire(),
                    views.sync(replayed.model(), replayed.seq(), audience, null, null)
                            .encode());
        }
        return out;
    }

    private static void sameAsAFullReplay(EngineReplay.Replayed replayed) throws Exception {
        EngineReplay.Replayed full = replay(null);
        assertThat(replayed.seq()).isEqualTo(full.seq());
        assertThat(replayed.keys().asMap()).containsExactlyEntriesOf(full.keys().asMap());
        assertThat(views(replayed)).containsExactlyEntriesOf(views(full));
        assertThat(views(full).get("organiser")).contains("Cycle lanes", "Later news 4", "Idea of m");
    }

    @Test
    void a_replay_from_the_snapshot_gives_every_audience_the_views_of_a_full_replay() throws Exception {
        EngineReplay.Replayed fromSnapshot = replay(files(Version.VALUE));

        assertThat(fromSnapshot.fromSnapshot())
                .as("a snapshot was used")
                .isPositive()
                .isLessThan(fromSnapshot.seq());
        sameAsAFullReplay(fromSnapshot);
    }

    @Test
    void damaged_snapshots_are_ignored() throws Exception {
        Path scratch = copyOfSnapshots("busy");
        try {
            for (Path file : snapshotsOf("busy")) {
                byte[] bytes = Files.readAllBytes(file);
                bytes[bytes.length - 10] ^= 0x01;
                Files.write(file, bytes);
            }
            EngineReplay.Replayed replayed = replay(files(Version.VALUE));

            assertThat(replayed.fromSnapshot()).isZero();
            sameAsAFullReplay(replayed);
        } finally {
            restoreSnapshots("busy", scratch);
        }
    }

    @Test
    void a_snapshot_of_another_journal_is_ignored() throws Exception {
        Path scratch = copyOfSnapshots("busy");
        try {
            for (Path file : snapshotsOf("busy")) Files.delete(file);
            for (Path file : snapshotsOf("other"))
                Files.copy(file, dataDir.resolve("snapshots").resolve("busy").resolve(file.getFileName()));
            EngineReplay.Replayed replayed = replay(files(Version.VALUE));

            assertThat(replayed.fromSnapshot()).isZero();
            sameAsAFullReplay(replayed);
        } finally {
            restoreSnapshots("busy", scratch);
        }
    }

    @Test
    void a_snapshot_written_by_another_hub_version_is_ignored() throws Exception {
        EngineReplay.Replayed replayed = replay(files("0.0.1-elsewhere"));

        assertThat(replayed.fromSnapshot()).isZero();
        sameAsAFullReplay(replayed);
    }

    @Test
    void a_snapshot_written_by_other_code_under_the_same_version_is_ignored() throws Exception {
        Path scratch = copyOfSnapshots("busy");
        try {
            SnapshotFiles files = files(Version.VALUE);
            List<Snapshots.Snapshot> snapshots = new ArrayList<>();
            List<byte[]> payloads = new ArrayList<>();
            for (Path file : snapshotsOf("busy")) {
                Snapshots.Snapshot snapshot =
                        files.read("busy", file.getFileName().toString());
                try (var in = files.payload(snapshot, 0)) {
                    byte[] payload = in.readAllBytes();
                    payload[payload.length - 4 - 32] ^= 0x01; // the fingerprint: as if one class had other bytecode
                    payloads.add(payload);
                }
                snapshots.add(snapshot);
            }
            for (Path file : snapshotsOf("busy")) Files.delete(file);
            for (int i = 0; i < snapshots.size(); i++) {
                byte[] payload = payloads.get(i);
                files.write("busy", snapshots.get(i).seq(), snapshots.get(i).anchor(), out -> out.write(payload));
            }
            assertThat(snapshotsOf("busy")).hasSize(snapshots.size());
            EngineReplay.Replayed replayed = replay(files);

            assertThat(replayed.fromSnapshot()).isZero();
            sameAsAFullReplay(replayed);
        } finally {
            restoreSnapshots("busy", scratch);
        }
    }

    @Test
    void a_hub_starting_on_a_long_journal_without_a_snapshot_writes_one_from_its_own_replay() throws Exception {
        Path fresh = TestHub.newDataDir();
        Files.createDirectories(fresh.resolve("journal"));
        Files.copy(
                dataDir.resolve("journal").resolve("busy.journal"),
                fresh.resolve("journal").resolve("busy.journal"));
        long lastSeq = replay(null).seq();

        try (TestHub hub = new TestHub(
                fresh,
                TestHub.freePort(),
                100,
                Clock.systemUTC(),
                VideoConfig.MESH,
                StoreOptions.DEFAULT.withSnapshotsEvery(EVERY, Long.MAX_VALUE))) {
            Path expected =
                    fresh.resolve("snapshots").resolve("busy").resolve(String.format("%020d.snapshot", lastSeq));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(expected) && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(expected).exists();
        }
    }

    private static Path copyOfSnapshots(String id) throws Exception {
        Path scratch = Files.createTempDirectory("snapshots-copy");
        for (Path file : snapshotsOf(id)) Files.copy(file, scratch.resolve(file.getFileName()));
        return scratch;
    }

    private static void restoreSnapshots(String id, Path scratch) throws Exception {
        Path dir = dataDir.resolve("snapshots").resolve(id);
        for (Path file : snapshotsOf(id)) Files.delete(file);
        try (Stream<Path> saved = Files.list(scratch)) {
            for (Path file : saved.toList()) Files.copy(file, dir.resolve(file.getFileName()));
        }
    }
}
