package org.assemblyhub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A generated bootstrap token never reaches a log: without a terminal it goes to a file only the hub's user reads. */
class BootstrapNoticeTest {
    @Test
    void without_a_terminal_the_token_is_written_to_a_private_file_and_not_to_the_output() throws Exception {
        Path dir = Files.createTempDirectory("bootstrap-notice");
        String token = "secret-bootstrap-token-canary-0123456789";
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            BootstrapNotice.show(token, dir, false);
        } finally {
            System.setOut(out);
        }
        assertThat(captured.toString()).doesNotContain(token).contains(BootstrapNotice.FILE);
        Path file = dir.resolve(BootstrapNotice.FILE);
        assertThat(Files.readString(file).strip()).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
