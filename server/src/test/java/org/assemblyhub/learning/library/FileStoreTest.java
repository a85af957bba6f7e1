package org.assemblyhub.learning.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

class FileStoreTest {
    @TempDir
    Path data;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_file_is_named_by_the_sha256_of_its_bytes_under_the_assembly_folder_and_nothing_else_is_left()
            throws Exception {
        byte[] bytes = "# Week 1\n\nWhere our emissions come from.\n".getBytes(StandardCharsets.UTF_8);
        FileStore store = new FileStore(data);

        SavedFile stored = store.store("climate-2027", FileKind.MARKDOWN, 1024, new ByteArrayInputStream(bytes));

        assertThat(stored.hash()).isEqualTo(sha256(bytes));
        assertThat(stored.path()).isEqualTo(data.resolve("files/climate-2027/" + stored.hash()));
        assertThat(stored.bytes()).isEqualTo(bytes.length);
        assertThat(stored.existed()).isFalse();
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(bytes);
        assertThat(filesIn(data.resolve("files/climate-2027"))).containsExactly(stored.hash());
        assertThat(store.find("climate-2027", stored.hash())).contains(stored.path());
    }

    @Test
    void the_same_bytes_are_stored_once_and_the_second_upload_knows_they_were_there() throws Exception {
        byte[] bytes = "same".getBytes(StandardCharsets.UTF_8);
        FileStore store = new FileStore(data);

        SavedFile first = store.store("a1", FileKind.MARKDOWN, 1024, new ByteArrayInputStream(bytes));
        SavedFile second = store.store("a1", FileKind.MARKDOWN, 1024, new ByteArrayInputStream(bytes));

        assertThat(second.hash()).isEqualTo(first.hash());
        assertThat(second.existed()).isTrue();
        assertThat(filesIn(data.resolve("files/a1"))).containsExactly(first.hash());
    }

    @Test
    void until_it_is_committed_an_upload_is_only_a_temporary_file_no_lookup_can_name() throws Exception {
        FileStore store = new FileStore(data);
        byte[] bytes = "half".getBytes(StandardCharsets.UTF_8);
        try (Upload upload = store.begin("a1", FileKind.MARKDOWN, 1024)) {
            upload.write(bytes, 0, bytes.length);

            assertThat(store.find("a1", sha256(bytes))).isEmpty();
            assertThat(filesIn(data.resolve("files/a1")))
                    .singleElement()
                    .asString()
                    .startsWith(".upload-");
        }
        assertThat(filesIn(data.resolve("files/a1"))).isEmpty(); // closed without commit: removed
    }

    @Test
    void past_the_limit_the_upload_is_refused_and_its_temporary_file_removed() throws Exception {
        FileStore store = new FileStore(data);

        assertThatThrownBy(() -> store.store("a1", FileKind.CAPTIONS, 1024, new ByteArrayInputStream(new byte[1025])))
                .isInstanceOf(FileRefused.class)
                .hasMessageContaining("1 KiB")
                .extracting(e -> ((FileRefused) e).code())
                .isEqualTo("upload-too-large");
        assertThat(filesIn(data.resolve("files/a1"))).isEmpty();

        SavedFile exactly = store.store("a1", FileKind.CAPTIONS, 1024, new ByteArrayInputStream(new byte[1024]));
        assertThat(exactly.bytes()).isEqualTo(1024);
    }

    @Test
    void a_lookup_with_anything_but_64_hex_digits_is_refused_without_reaching_outside_the_folder() throws Exception {
        FileStore store = new FileStore(data);
        Files.writeString(data.resolve("secret.txt"), "outside");
        Files.createDirectories(data.resolve("files/a1"));
        String hash = "a".repeat(64);
        List<String> attempts = List.of(
                "../../secret.txt",
                "..",
                "%2e%2e%2fsecret.txt",
                "/etc/passwd",
                data.resolve("secret.txt").toString(),
                "A".repeat(64), // upper case is not how the store names files
                "a".repeat(63),
                "a".repeat(65),
                hash + "/../../../secret.txt",
                hash + "\0",
                "",
                ".upload-1.part");

        for (String attempt : attempts) {
            assertThat(store.locate("a1", attempt)).as(attempt).isEmpty();
            assertThat(store.find("a1", attempt)).as(attempt).isEmpty();
            assertThat(store.delete("a1", attempt)).as(attempt).isFalse();
        }
        for (String assembly : List.of("..", "../files", "a1/../..", "/tmp", "A1", "", "a1/x")) {
            assertThat(store.locate(assembly, hash)).as(assembly).isEmpty();
            assertThatThrownBy(() -> store.begin(assembly, FileKind.PDF, 10))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(data.resolve("secret.txt")).hasContent("outside");
    }

    @Test
    void a_link_planted_under_a_hash_is_not_served() throws Exception {
        FileStore store = new FileStore(data);
        Path folder = Files.createDirectories(data.resolve("files/a1"));
        Path outside = Files.writeString(data.resolve("secret.txt"), "outside");
        String hash = "b".repeat(64);
        Files.createSymbolicLink(folder.resolve(hash), outside);

        assertThat(store.find("a1", hash)).isEmpty();
    }

    @Test
    void temporary_files_a_crash_left_a_day_ago_are_removed_when_the_next_upload_begins() throws Exception {
        FileStore store = new FileStore(data);
        Path folder = Files.createDirectories(data.resolve("files/a1"));
        Path old = Files.createFile(folder.resolve(".upload-1.part"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        Path recent = Files.createFile(folder.resolve(".upload-2.part")); // another upload under way

        try (Upload upload = store.begin("a1", FileKind.PDF, 1024)) {
            assertThat(filesIn(folder))
                    .doesNotContain(".upload-1.part")
                    .contains(".upload-2.part", upload.content().getFileName().toString());
        }
        assertThat(recent).exists();
    }

    @Test
    void the_folders_the_store_makes_are_private_to_the_hub() throws Exception {
        new FileStore(data).begin("a1", FileKind.PDF, 1024).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("files/a1"))))
                .isEqualTo("rwx------");
    }
}
