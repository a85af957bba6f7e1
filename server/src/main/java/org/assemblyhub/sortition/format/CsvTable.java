package org.assemblyhub.sortition.format;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.assemblyhub.sortition.domain.Checked;
import org.assemblyhub.sortition.domain.InputProblem;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file read as sortition-algorithms reads it: a header row, then rows; headers and cells stripped of spaces,
 * headers matched without regard to case; blank lines skipped. Each row keeps its line number for error messages.
 */
record CsvTable(String file, List<String> headers, List<Row> rows) {
    record Row(long line, Map<String, String> cells) {
        String get(String column) {
            return cells.getOrDefault(column.toLowerCase(Locale.ROOT), "");
        }
    }

    static Checked<CsvTable> read(String file, String text) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .get();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<String> headers =
                    parser.getHeaderNames().stream().map(String::strip).toList();
            List<InputProblem> problems = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (String h : headers) {
                if (!h.isEmpty() && seen.merge(h.toLowerCase(Locale.ROOT), 1, Integer::sum) == 2) {
                    problems.add(InputProblem.atLine(file, 1, "the column '" + h + "' appears more than once")
                            .coded("duplicate-column", "column", h));
                }
            }
            List<Row> rows = new ArrayList<>();
            long line = 1;
            for (CSVRecord record : parser) {
                Map<String, String> cells = new HashMap<>();
                for (int c = 0; c < headers.size() && c < record.size(); c++) {
                    cells.putIfAbsent(
                            headers.get(c).toLowerCase(Locale.ROOT),
                            record.get(c).strip());
                }
                line = parser.getCurrentLineNumber();
                rows.add(new Row(line, cells));
            }
            if (!problems.isEmpty()) return Checked.invalid(problems);
            return Checked.valid(new CsvTable(file, headers, rows));
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return Checked.invalid(List.of(InputProblem.inFile(file, "not a readable CSV file: " + e.getMessage())
                    .coded("csv-unreadable")));
        }
    }

    boolean has(String column) {
        return headers.stream().anyMatch(h -> h.equalsIgnoreCase(column));
    }

    Optional<String> firstPresent(String... columns) {
        for (String c : columns) if (has(c)) return Optional.of(c);
        return Optional.empty();
    }

    /** Writes one CSV line: fields quoted only when they hold a comma, a quote or a line break; LF ends it. */
    static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            String f = fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        return out.append('\n').toString();
    }
}
