package org.assemblyhub.records;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The attendance report as one CSV table (RFC 4180, a header row), one row per person and session held — the columns
 * are listed in docs/operations.md ("Attendance"). Times are ISO-8601 in UTC to the second, empty when there is none;
 * text that a spreadsheet would run as a formula gets a leading apostrophe, as in the open data's table
 * ({@link OpenDataCsv}).
 */
public final class AttendanceCsv {
    public static final String[] HEADER = {
        "session_id",
        "session_title",
        "planned_start",
        "started_at",
        "ended_at",
        "person_id",
        "name",
        "role",
        "phone_only",
        "present",
        "first_joined",
        "last_left",
        "minutes_connected",
        "groups"
    };

    private AttendanceCsv() {}

    public static String write(List<AttendanceRow> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (AttendanceRow r : rows) {
                csv.printRecord(
                        text(r.sessionId()),
                        text(r.sessionTitle()),
                        time(r.plannedStart()),
                        time(r.startedAt()),
                        time(r.endedAt()),
                        text(r.personId()),
                        text(r.name()),
                        text(r.role()),
                        r.phoneOnly() ? "yes" : "no",
                        r.present().wire(),
                        time(r.firstJoined()),
                        time(r.lastLeft()),
                        r.minutes(),
                        text(String.join(" ", r.groups())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(String cell) {
        return cell == null ? "" : OpenDataCsv.defused(cell);
    }

    private static String time(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
