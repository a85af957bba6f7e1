package org.assemblyhub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

/** Snapshot files: written whole or not at all, checked before use, the two newest kept, private. */
class SnapshotFilesTest {

    private static SnapshotFiles files(Path data, String version) {
        return new SnapshotFiles(data, version, 10, 1 << 20);
    }

    private static Path write(SnapshotFiles files, long seq, String payload) throws Exception {
        Snapshots.Snapshot written =
                files.write("a1", seq, 42, out -> out.write(payload.getBytes(StandardCharsets.UTF_8)));
        return files.file("a1", written.name());
    }

    private static Snapshots.Snapshot read(SnapshotFiles files, Path file) throws Exception {
        return files.read("a1", file.getFileName().toString());
    }

    private static String payloadOf(SnapshotFiles files, Path file) throws Exception {
        Snapshots.Snapshot snapshot = read(files, file);
        try (InputStream in = files.payload(snapshot, 0)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_snapshot_reads_back_with_its_seq_anchor_and_payload() throws Exception {
        SnapshotFiles files = files(Files.createTempDirectory("snapshots"), "1.0");
        Path file = write(files, 7, "the model");

        Snapshots.Snapshot snapshot = read(files, file);
        assertThat(snapshot.seq()).isEqualTo(7);
        assertThat(snapshot.anchor()).isEqualTo(42);
        assertThat(payloadOf(files, file)).isEqualTo("the model");
    }

    @Test
    void the_two_newest_are_kept_and_any_newer_than_the_one_just_written_is_removed() throws Exception {
        SnapshotFiles files = files(Files.createTempDirectory("snapshots"), "1.0");
        write(files, 10, "a");
        write(files, 20, "b");
        write(files, 30, "c");
        assertThat(files.candidates("a1"))
                .containsExactly("00000000000000000030.snapshot", "00000000000000000020.snapshot");

        write(files, 25, "from a restored, shorter journal");

        assertThat(files.candidates("a1"))
                .containsExactly("00000000000000000025.snapshot", "00000000000000000020.snapshot");
    }

    @Test
    void a_damaged_cut_short_or_other_version_file_is_unusable_and_says_why() throws Exception {
        Path data = Files.createTempDirectory("snapshots");
        SnapshotFiles files = files(data, "1.0");
        Path file = write(files, 5, "a model of some length");
        byte[] good = Files.readAllBytes(file);

        byte[] damaged = good.clone();
        damaged[damaged.length - 3] ^= 1;
        Files.write(file, damaged);
        assertThatThrownBy(() -> read(files, file))
                .isInstanceOf(Snapshots.Unusable.class)
                .hasMessageContaining("content is damaged");

        Files.write(file, Arrays.copyOf(good, good.length - 5));
        assertThatThrownBy(() -> read(files, file))
                .isInstanceOf(Snapshots.Unusable.class)
                .hasMessageContaining("length");

        Files.write(file, good);
        assertThatThrownBy(() -> read(files(data, "2.0"), file))
                .isInstanceOf(Snapshots.Unusable.class)
                .hasMessageContaining("written by hub 1.0, this is 2.0");

        byte[] header = good.clone();
        header[12] ^= 1;
        Files.write(file, header);
        assertThatThrownBy(() -> read(files, file))
                .isInstanceOf(Snapshots.Unusable.class)
                .hasMessageContaining("header");
    }

    @Test
    void a_write_that_fails_leaves_no_file_behind() throws Exception {
        Path data = Files.createTempDirectory("snapshots");
        SnapshotFiles files = files(data, "1.0");

        assertThatThrownBy(() -> files.write("a1", 3, 1, out -> {
                    out.write(new byte[100]);
                    throw new IOException("no room");
                }))
                .hasMessage("no room");

        try (var left = Files.list(data.resolve("snapshots").resolve("a1"))) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void snapshots_are_readable_by_the_hub_user_only() throws Exception {
        Path data = Files.createTempDirectory("snapshots");
        Path file = write(files(data, "1.0"), 1, "x");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        for (Path dir : List.of(data.resolve("snapshots"), file.getParent())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
        }
    }
}
