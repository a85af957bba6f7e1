package org.assemblyhub.outreach.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.outreach.domain.Channel;
import org.assemblyhub.outreach.domain.MessageKind;
import org.assemblyhub.outreach.domain.Outbox;
import org.assemblyhub.outreach.domain.OutboxRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

/** The outbox on disk: private, read back whole, and a line torn by a crash left out without harm. */
class OutboxFilesTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void records_are_read_back_in_order_from_a_private_file_and_a_torn_last_line_is_left_out() throws Exception {
        Path data = Files.createTempDirectory("outbox");
        OutboxFiles files = new OutboxFiles(data);
        OutboxRecord.Queued queued = new OutboxRecord.Queued(
                "m1", MessageKind.REMINDER_DAY, "ana", Channel.EMAIL, "ana@example.org", "fr", "s1", null, T);
        files.append("climat", List.of(queued, new OutboxRecord.Failed("m1", "down", T.plusSeconds(30), T)));
        Path file = data.resolve("outreach").resolve("climat.jsonl");
        Files.writeString(file, "{\"op\":\"sent\",\"id\":\"m1\",\"at\":\"2026-03", StandardOpenOption.APPEND);

        Outbox box = Outbox.of(files.readAll().get("climat"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(box.message("m1").status()).isEqualTo(Outbox.Status.RETRYING);
        assertThat(box.message("m1").queued()).isEqualTo(queued);

        files.append("climat", List.of(new OutboxRecord.Sent("m1", T.plusSeconds(40))));
        Outbox after = Outbox.of(files.readAll().get("climat"));
        assertThat(after.message("m1").status())
                .as("the next record starts on a line of its own")
                .isEqualTo(Outbox.Status.SENT);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain("/join/");
    }
}
