package org.assemblyhub.sortition.format;

import org.assemblyhub.sortition.domain.Checked;
import org.assemblyhub.sortition.domain.InputProblem;
import org.assemblyhub.sortition.select.Algorithm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The settings file of sortition-algorithms (TOML). Only the part of TOML that file uses is read — {@code key = value}
 * lines with strings, integers, booleans and one-line or multi-line arrays of strings, and comments — and anything
 * else is refused with its line. Keys it does not know (max_attempts, solver_backend, random_number_seed) are
 * ignored, as that library ignores ours (number_wanted, panel_count).
 */
public final class SettingsToml {
    public static final String FILE = "settings.toml";

    private SettingsToml() {}

    public static Checked<SortitionSettings> read(String text) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Object> values = parse(text, problems);
        String id = string(values, "id_column", problems).orElse("");
        if (values.containsKey("id_column") && id.isBlank()) problems.add(problem("id_column", "is empty"));
        if (!values.containsKey("id_column")) problems.add(problem("id_column", "is missing"));
        List<String> keep = strings(values, "columns_to_keep", problems);
        boolean checkAddress = Boolean.TRUE.equals(values.get("check_same_address"));
        List<String> address = strings(values, "check_same_address_columns", problems);
        if (checkAddress && address.isEmpty()) {
            problems.add(problem("check_same_address_columns", "is empty but check_same_address is true"));
        }
        String algorithmName = string(values, "selection_algorithm", problems).orElse("leximin");
        Optional<Algorithm> algorithm = Algorithm.named(algorithmName);
        if (algorithm.isEmpty()) {
            problems.add(problem(
                    "selection_algorithm", "'" + algorithmName + "' is not one of leximin, maximin, " + "legacy"));
        }
        int k = integer(values, "number_wanted", 0, problems);
        int m = integer(values, "panel_count", SortitionSettings.DEFAULT_PANEL_COUNT, problems);
        if (m < 1) problems.add(problem("panel_count", "must be at least 1"));
        if (!problems.isEmpty()) return Checked.invalid(problems);
        return Checked.valid(new SortitionSettings(
                id, keep, checkAddress, checkAddress ? address : List.of(), algorithm.orElseThrow(), k, m));
    }

    /** Our settings file, in a fixed key order: the bytes the commitment hashes. */
    public static String write(SortitionSettings s) {
        return "id_column = " + quoted(s.idColumn()) + "\n"
                + "columns_to_keep = " + array(s.columnsToKeep()) + "\n"
                + "check_same_address = " + s.checkSameAddress() + "\n"
                + "check_same_address_columns = " + array(s.addressColumns()) + "\n"
                + "selection_algorithm = " + quoted(s.algorithm().settingName()) + "\n"
                + "number_wanted = " + s.panelSize() + "\n"
                + "panel_count = " + s.panelCount() + "\n";
    }

    private static String array(List<String> items) {
        return items.stream().map(SettingsToml::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static InputProblem problem(String key, String message) {
        return new InputProblem(FILE + " " + key, message);
    }

    private static Map<String, Object> parse(String text, List<InputProblem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int at = 0; at < lines.length; at++) {
            String line = withoutComment(lines[at]).strip();
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            if (eq <= 0 || line.startsWith("[")) {
                problems.add(InputProblem.atLine(FILE, at + 1, "expected 'key = value'"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            StringBuilder value = new StringBuilder(line.substring(eq + 1).strip());
            int first = at;
            if (value.toString().startsWith("[")) {
                while (!value.toString().endsWith("]") && at + 1 < lines.length) {
                    value.append(' ').append(withoutComment(lines[++at]).strip());
                }
            }
            Object parsed = value(value.toString());
            if (parsed == null) problems.add(InputProblem.atLine(FILE, first + 1, "cannot read the value of " + key));
            else values.put(key, parsed);
        }
        return values;
    }

    private static String withoutComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) inString = !inString;
            if (c == '#' && !inString) return line.substring(0, i);
        }
        return line;
    }

    private static Object value(String text) {
        if (text.equals("true") || text.equals("false")) return Boolean.valueOf(text);
        if (text.matches("[+-]?\\d+")) return Long.valueOf(text);
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) return unquote(text);
        if (text.startsWith("[") && text.endsWith("]")) {
            List<String> items = new ArrayList<>();
            String inner = text.substring(1, text.length() - 1).strip();
            if (inner.endsWith(",")) inner = inner.substring(0, inner.length() - 1);
            if (inner.isBlank()) return items;
            for (String item : inner.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                String s = item.strip();
                if (!(s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2)) return null;
                items.add(unquote(s));
            }
            return items;
        }
        return null;
    }

    private static String unquote(String s) {
        return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static Optional<String> string(Map<String, Object> values, String key, List<InputProblem> problems) {
        Object v = values.get(key);
        if (v == null) return Optional.empty();
        if (v instanceof String s) return Optional.of(s);
        problems.add(problem(key, "must be a string"));
        return Optional.empty();
    }

    private static List<String> strings(Map<String, Object> values, String key, List<InputProblem> problems) {
        Object v = values.get(key);
        if (v == null) return List.of();
        if (v instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        problems.add(problem(key, "must be a list of strings"));
        return List.of();
    }

    private static int integer(Map<String, Object> values, String key, int absent, List<InputProblem> problems) {
        Object v = values.get(key);
        if (v == null) return absent;
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) return l.intValue();
        problems.add(problem(key, "must be a whole number"));
        return absent;
    }
}
