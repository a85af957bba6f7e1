package org.assemblyhub.assembly.roster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.assemblyhub.kernel.Role;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a roster CSV: a header line, then one person per line. Columns {@code id} and {@code name} are required;
 * {@code contact} (or email / phone), {@code role} and {@code phone-only} (yes/no) are optional; every other column
 * is an attribute used for balancing groups (gender, age band, area...). All problems are reported at once, each
 * with its line number, and nothing is imported while any remains.
 */
public final class RosterCsv {
    public static final int MAX_ROWS = 5_000;
    /** Column names that say a person takes part by telephone only; their cells read yes/no (oui/non, 1/0, x). */
    private static final Set<String> PHONE_ONLY = Set.of(
            "phone-only",
            "phone_only",
            "phoneonly",
            "phone only",
            "téléphone seulement",
            "telephone seulement",
            "par téléphone",
            "par telephone");

    private static final Set<String> YES = Set.of("yes", "y", "oui", "o", "true", "1", "x");
    private static final Set<String> NO = Set.of("no", "n", "non", "false", "0");

    private static final Map<String, String> ALIASES = Map.of(
            "id",
            "id",
            "name",
            "name",
            "display name",
            "name",
            "display_name",
            "name",
            "displayname",
            "name",
            "contact",
            "contact",
            "email",
            "contact",
            "phone",
            "contact",
            "role",
            "role");

    public record Problem(long line, String code, String message) {
        public JsonObject toJson() {
            return new JsonObject().put("line", line).put("code", code).put("message", message);
        }
    }

    public record Result(JsonArray people, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private RosterCsv() {}

    public static Result parse(String text) {
        List<Problem> problems = new ArrayList<>();
        JsonArray people = new JsonArray();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
                .get();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Map<String, String> columns = columns(parser.getHeaderNames(), problems);
            if (!problems.isEmpty()) return new Result(people, problems);
            Map<String, Long> firstLine = new HashMap<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.getRecordNumber() > MAX_ROWS) {
                    problems.add(
                            new Problem(line, "roster-too-large", "A roster holds at most " + MAX_ROWS + " people."));
                    break;
                }
                JsonObject person = row(record, line, columns, firstLine, problems);
                if (person != null) people.add(person);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new Problem(0, "csv-unreadable", "The file is not a readable CSV: " + e.getMessage()));
        }
        return new Result(people, problems);
    }

    /** Maps each header to its meaning: id, name, contact, role, or an attribute (kept under its own name). */
    private static Map<String, String> columns(List<String> headers, List<Problem> problems) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String header : headers) {
            if (header == null || header.isBlank()) continue;
            String name = header.trim().toLowerCase(Locale.ROOT);
            String meaning =
                    PHONE_ONLY.contains(name) ? "phoneOnly" : ALIASES.getOrDefault(name, "attr:" + header.trim());
            if (columns.containsValue(meaning)) {
                problems.add(new Problem(1, "csv-duplicate-column", "Column '" + header + "' appears twice."));
            }
            columns.put(header, meaning);
        }
        for (String required : List.of("id", "name")) {
            if (!columns.containsValue(required)) {
                problems.add(new Problem(1, "csv-missing-column", "The header line has no '" + required + "' column."));
            }
        }
        return columns;
    }

    private static void phoneOnly(String value, long line, JsonObject person, List<Problem> problems) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.isEmpty() || NO.contains(v)) return;
        if (YES.contains(v)) person.put("phoneOnly", true);
        else problems.add(new Problem(line, "invalid-phone-only", "Phone-only is yes or no, not '" + value + "'."));
    }

    private static JsonObject row(
            CSVRecord record,
            long line,
            Map<String, String> columns,
            Map<String, Long> firstLine,
            List<Problem> problems) {
        if (!record.isConsistent()) {
            problems.add(new Problem(
                    line,
                    "csv-wrong-field-count",
                    "This line has " + record.size() + " fields; the header has "
                            + record.getParser().getHeaderNames().size() + "."));
            return null;
        }
        JsonObject person = new JsonObject();
        JsonObject attributes = new JsonObject();
        columns.forEach((header, meaning) -> {
            String value = record.isMapped(header) ? record.get(header) : "";
            if (meaning.startsWith("attr:")) {
                if (!value.isEmpty()) attributes.put(meaning.substring(5), value);
            } else if ("phoneOnly".equals(meaning)) {
                phoneOnly(value, line, person, problems);
            } else if (!value.isEmpty()) {
                person.put(meaning, value);
            }
        });
        person.put("attributes", attributes);
        int before = problems.size();
        String id = person.getString("id");
        if (id == null) {
            problems.add(new Problem(line, "missing-id", "This person has no id."));
        } else if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add(new Problem(
                    line,
                    "invalid-id",
                    "The id '" + id + "' may use only letters, digits, '.', '_' and '-' (at most 64)."));
        } else if (firstLine.containsKey(id)) {
            problems.add(new Problem(
                    line, "duplicate-id", "The id '" + id + "' is already used on line " + firstLine.get(id) + "."));
        } else {
            firstLine.put(id, line);
        }
        if (person.getString("name") == null)
            problems.add(new Problem(line, "missing-name", "This person has no name."));
        String role = person.getString("role");
        if (role != null && Role.parse(role) == null) {
            problems.add(new Problem(
                    line,
                    "invalid-role",
                    "Unknown role '" + role + "'; use member, facilitator, organiser, observer or expert."));
        }
        return problems.size() == before ? person : null;
    }
}
