package org.assemblyhub.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

class AttendanceCsvTest {
    private static final Instant T0 = Instant.parse("2026-12-03T18:00:00Z");

    @Test
    void each_row_is_one_person_in_one_session_under_a_header_and_a_name_never_becomes_a_formula() throws IOException {
        AttendanceRow row = new AttendanceRow(
                "evening",
                "Evening, first",
                null,
                T0,
                T0.plusSeconds(3600),
                "m1",
                "=HYPERLINK(\"http://x\")",
                "member",
                false,
                AttendanceRow.Present.YES,
                T0.plusSeconds(60),
                T0.plusSeconds(3600),
                59,
                List.of("1:2", "2:3"));

        String csv = AttendanceCsv.write(List.of(row));

        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertThat(records.get(0).toList()).containsExactly(AttendanceCsv.HEADER);
        assertThat(records.get(1).toList())
                .containsExactly(
                        "evening",
                        "Evening, first",
                        "",
                        "2026-12-03T18:00:00Z",
                        "2026-12-03T19:00:00Z",
                        "m1",
                        "'=HYPERLINK(\"http://x\")",
                        "member",
                        "no",
                        "yes",
                        "2026-12-03T18:01:00Z",
                        "2026-12-03T19:00:00Z",
                        "59",
                        "1:2 2:3");
        assertThat(csv).contains("\r\n");
    }
}
