package org.assemblyhub.sortition.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
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
 * The settings file of sortition-algorithms (TOML, read with Jackson's TOML reader): {@code key = value} lines with
 * strings, integers, booleans and arrays of strings; a syntax error is refused with its line, a table with its key.
 * Keys it does not know (max_attempts, solver_backend, random_number_seed) are
 * ignored, as that library ignores ours (number_wanted, panel_count).
 */
public final class SettingsToml {
    public static final String FILE = "settings.toml";

    private static final TomlMapper TOML = new TomlMapper();

    private SettingsToml() {}

    public static Checked<SortitionSettings> read(String text) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Object> values = parse(text, problems);
        String id = string(values, "id_column", problems).orElse("");
        if (values.containsKey("id_column") && id.isBlank())
            problems.add(problem("id_column", "is empty").coded("setting-empty"));
        if (!values.containsKey("id_column"))
            problems.add(problem("id_column", "is missing").coded("setting-missing"));
        List<String> keep = strings(values, "columns_to_keep", problems);
        boolean checkAddress = Boolean.TRUE.equals(values.get("check_same_address"));
        List<String> address = strings(values, "check_same_address_columns", problems);
        if (checkAddress && address.isEmpty()) {
            problems.add(problem("check_same_address_columns", "is empty but check_same_address is true")
                    .coded("household-columns-empty"));
        }
        String algorithmName = string(values, "selection_algorithm", problems).orElse("leximin");
        Optional<Algorithm> algorithm = Algorithm.named(algorithmName);
        if (algorithm.isEmpty()) {
            problems.add(problem(
                            "selection_algorithm",
                            "'" + algorithmName + "' is not one of leximin, maximin, goldilocks, legacy")
                    .coded("unknown-algorithm", "value", algorithmName));
        }
        int k = integer(values, "number_wanted", 0, problems);
        int m = integer(values, "panel_count", SortitionSettings.DEFAULT_PANEL_COUNT, problems);
        if (m < 1) problems.add(problem("panel_count", "must be at least 1").coded("setting-at-least-one"));
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
        return new InputProblem(FILE + " " + key, message, "invalid", Map.of("file", FILE, "setting", key));
    }

    /** Read with Jackson's TOML reader; a syntax error names its line, a table (this file has none) its key. */
    private static Map<String, Object> parse(String text, List<InputProblem> problems) {
        Map<String, Object> values;
        try {
            values = TOML.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = e.getOriginalMessage();
            problems.add(
                    at == null || at.getLineNr() < 1
                            ? InputProblem.inFile(FILE, why).coded("toml-syntax")
                            : InputProblem.atLine(FILE, at.getLineNr(), why).coded("toml-syntax"));
            return Map.of();
        }
        if (values == null) return Map.of();
        values.forEach((key, value) -> {
            if (value instanceof Map<?, ?>)
                problems.add(problem(key, "is a table; this file has only 'key = value' lines")
                        .coded("setting-table"));
        });
        return values;
    }

    private static Optional<String> string(Map<String, Object> values, String key, List<InputProblem> problems) {
        Object v = values.get(key);
        if (v == null) return Optional.empty();
        if (v instanceof String s) return Optional.of(s);
        problems.add(problem(key, "must be a string").coded("setting-not-text"));
        return Optional.empty();
    }

    private static List<String> strings(Map<String, Object> values, String key, List<InputProblem> problems) {
        Object v = values.get(key);
        if (v == null) return List.of();
        if (v instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        problems.add(problem(key, "must be a list of strings").coded("setting-not-list"));
        return List.of();
    }

    private static int integer(Map<String, Object> values, String key, int absent, List<InputProblem> problems) {
        Object v = values.get(key);
        if (v == null) return absent;
        if ((v instanceof Integer || v instanceof Long)
                && ((Number) v).longValue() >= Integer.MIN_VALUE
                && ((Number) v).longValue() <= Integer.MAX_VALUE) return ((Number) v).intValue();
        problems.add(problem(key, "must be a whole number").coded("setting-not-number"));
        return absent;
    }
}
