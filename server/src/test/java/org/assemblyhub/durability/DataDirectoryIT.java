package org.assemblyhub.durability;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The data directory between real processes of the packaged jar: a second hub on it exits at once naming the first
 * one's pid, and {@code ./hub journal check} reads the journals of a running hub without disturbing it.
 */
class DataDirectoryIT {

    @Test
    void a_second_hub_process_on_the_same_directory_exits_quickly_naming_the_first_ones_pid() throws Exception {
        Path dataDir = Files.createTempDirectory("data-dir-it");
        Path firstLog = dataDir.resolve("first.log");
        int port = TestHub.freePort();
        HubProcess first = HubProcess.start(port, dataDir, TestHub.BOOTSTRAP, firstLog);
        try {
            Path secondLog = Files.createTempFile("second-hub", ".log");
            long started = System.nanoTime();
            Process second = HubProcess.builder(TestHub.freePort(), dataDir, TestHub.BOOTSTRAP, secondLog)
                    .start();

            assertThat(second.waitFor(30, TimeUnit.SECONDS))
                    .as("the second hub exits by itself")
                    .isTrue();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertThat(second.exitValue()).isNotZero();
            assertThat(Files.readString(secondLog)).contains("could not start").contains("pid " + first.pid());
            System.out.printf("DataDirectoryIT: the second hub exited after %d s (JVM start included)%n", seconds);
            assertThat(HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .as("the first hub is unharmed")
                    .isEqualTo(200);
        } finally {
            first.kill9();
        }
    }

    @Test
    void a_hub_whose_port_is_taken_exits_with_status_1_and_says_why() throws Exception {
        Path firstDir = Files.createTempDirectory("data-dir-it");
        int port = TestHub.freePort();
        HubProcess first = HubProcess.start(port, firstDir, TestHub.BOOTSTRAP, firstDir.resolve("first.log"));
        try {
            Path secondDir = Files.createTempDirectory("data-dir-it");
            Path secondLog = secondDir.resolve("second.log");
            Process second = HubProcess.builder(port, secondDir, TestHub.BOOTSTRAP, secondLog)
                    .start();

            assertThat(second.waitFor(30, TimeUnit.SECONDS))
                    .as("the second hub exits by itself")
                    .isTrue();
            assertThat(second.exitValue())
                    .as("a failed start is not a clean stop")
                    .isEqualTo(1);
            assertThat(Files.readString(secondLog)).contains("could not start").contains("Address already in use");
            assertThat(
                            Files.exists(secondDir.resolve("hub.lock"))
                                    ? FileChannel.open(secondDir.resolve("hub.lock"), StandardOpenOption.WRITE)
                                            .tryLock()
                                    : null)
                    .as("its data directory is free again")
                    .satisfiesAnyOf(lock -> assertThat(lock).isNull(), lock -> assertThat(lock.isValid())
                            .isTrue());
        } finally {
            first.kill9();
        }
    }

    @Test
    void journal_check_reads_a_running_hubs_journals_and_exits_0() throws Exception {
        Path dataDir = Files.createTempDirectory("journal-check-it");
        int port = TestHub.freePort();
        HubProcess hub = HubProcess.start(port, dataDir, TestHub.BOOTSTRAP, dataDir.resolve("hub.log"));
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/assemblies"))
                                    .header("Authorization", "Bearer " + TestHub.BOOTSTRAP)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"id\":\"checked\",\"title\":\"Checked\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            byte[] before = Files.readAllBytes(dataDir.resolve("journal").resolve("checked.journal"));

            Process check = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            HubProcess.JAR.toString(),
                            "org.assemblyhub.store.JournalCli",
                            "check",
                            dataDir.toString()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes());

            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(output).isZero();
            assertThat(output).startsWith("checked.journal: ok: ");
            assertThat(Files.readAllBytes(dataDir.resolve("journal").resolve("checked.journal")))
                    .isEqualTo(before);
        } finally {
            hub.kill9();
        }
    }
}
