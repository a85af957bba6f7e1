package org.assemblyhub.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assemblyhub.Hub;
import org.assemblyhub.config.HubConfig;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** One hub per data directory, also inside one JVM; the lock goes with the hub. */
class DataDirectoryLockTest {

    private static HubConfig config(Path dataDir) {
        int port = TestHub.freePort();
        return new HubConfig(
                "127.0.0.1",
                port,
                dataDir,
                "http://127.0.0.1:" + port,
                TestHub.BOOTSTRAP,
                false,
                64 * 1024,
                10,
                false,
                VideoConfig.MESH);
    }

    private static Hub start(Path dataDir) throws Exception {
        return Hub.start(config(dataDir))
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
    }

    @Test
    void a_second_hub_on_the_same_directory_in_the_same_jvm_fails_at_once_naming_the_pid() throws Exception {
        try (TestHub first = new TestHub()) {
            first.createAssembly(true, null);
            long pid = ProcessHandle.current().pid();

            long started = System.nanoTime();
            assertThatThrownBy(() -> start(first.dataDir()))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .hasMessageContaining("pid " + pid)
                    .hasMessageContaining(first.dataDir().toString());
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))
                    .isLessThan(5);

            // The failed attempt changed nothing for the first hub: it still appends, and still holds the directory.
            assertThat(first.createAssembly(false, null).assemblyId()).isNotBlank();
            assertThatThrownBy(() -> start(first.dataDir())).cause().hasMessageContaining("pid " + pid);
        }
    }

    @Test
    void the_directory_is_free_again_once_the_hub_stops() throws Exception {
        Path dataDir = TestHub.newDataDir();
        Hub first = start(dataDir);
        first.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        Hub second = start(dataDir);
        second.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void the_lock_holds_the_pid_and_private_files_are_readable_by_the_hub_user_only() throws Exception {
        Path dataDir = TestHub.newDataDir();
        HubConfig config = new HubConfig(
                "127.0.0.1",
                TestHub.freePort(),
                dataDir,
                "http://127.0.0.1",
                null,
                false,
                64 * 1024,
                10,
                false,
                VideoConfig.MESH);
        Hub hub = Hub.start(config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("hub.lock"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dataDir.resolve("bootstrap.sha256"))))
                    .isEqualTo("rw-------");
        } finally {
            hub.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        // Read once the hub has stopped: in the holder's own process, closing any channel on the file drops its lock.
        assertThat(Files.readString(dataDir.resolve("hub.lock")).trim())
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
}
