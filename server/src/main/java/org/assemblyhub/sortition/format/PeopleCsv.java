package org.assemblyhub.sortition.format;

import org.assemblyhub.sortition.domain.Checked;
import org.assemblyhub.sortition.domain.InputProblem;
import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.Quotas;
import org.assemblyhub.sortition.domain.Volunteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The people file of sortition-algorithms: the id column named in the settings, one column per feature of the quotas,
 * the address columns when the household rule is on, and contact columns. A value matches a quota's value without
 * regard to case or surrounding spaces and takes the quota's spelling. Contacts are the columns_to_keep, or when that
 * list is empty every other column.
 */
public final class PeopleCsv {
    public static final String FILE = "people.csv";

    private PeopleCsv() {}

    public static Checked<List<Volunteer>> read(String text, Quotas quotas, SortitionSettings settings) {
        Checked<CsvTable> table = CsvTable.read(FILE, text);
        if (!(table instanceof Checked.Valid<CsvTable> valid)) return Checked.invalid(table.problems());
        CsvTable t = valid.value();
        List<InputProblem> problems = new ArrayList<>();
        require(t, settings.idColumn(), "the id column", problems);
        for (String feature : quotas.features()) require(t, feature, "a feature", problems);
        if (settings.checkSameAddress()) {
            for (String c : settings.addressColumns())
                require(t, c, "an address column of the household rule", problems);
        }
        for (String c : settings.columnsToKeep()) require(t, c, "a column to keep", problems);
        if (!problems.isEmpty()) return Checked.invalid(problems);
        List<String> contactColumns = contactColumns(t, quotas, settings);
        Map<String, Long> firstLine = new HashMap<>();
        List<Volunteer> people = new ArrayList<>();
        for (CsvTable.Row row : t.rows()) {
            String id = row.get(settings.idColumn());
            if (id.isEmpty()) {
                problems.add(InputProblem.atLine(FILE, row.line(), "no id").coded("no-id"));
                continue;
            }
            Long earlier = firstLine.putIfAbsent(id, row.line());
            if (earlier != null) {
                problems.add(InputProblem.atLine(FILE, row.line(), "id " + id + " is already on line " + earlier)
                        .coded("duplicate-id", "id", id, "earlier", earlier));
                continue;
            }
            Map<String, String> features = new LinkedHashMap<>();
            for (String feature : quotas.features()) {
                String raw = row.get(feature);
                Optional<String> value = match(quotas, feature, raw);
                if (value.isPresent()) features.put(feature, value.get());
                else
                    problems.add(InputProblem.atLine(
                                    FILE,
                                    row.line(),
                                    raw.isEmpty()
                                            ? "no value for " + feature
                                            : "'" + raw + "' is not a value of " + feature)
                            .coded(raw.isEmpty() ? "no-value" : "unknown-value", "feature", feature, "value", raw));
            }
            String household = settings.checkSameAddress()
                    ? settings.addressColumns().stream()
                            .map(c -> row.get(c).toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining("\u001f"))
                    : "";
            Map<String, String> contacts = new LinkedHashMap<>();
            for (String c : contactColumns) contacts.put(c, row.get(c));
            people.add(new Volunteer(id, features, household, contacts));
        }
        if (people.isEmpty() && problems.isEmpty())
            problems.add(InputProblem.inFile(FILE, "the pool is empty").coded("empty-pool"));
        return problems.isEmpty() ? Checked.valid(people) : Checked.invalid(problems);
    }

    private static void require(CsvTable t, String column, String what, List<InputProblem> problems) {
        if (!t.has(column))
            problems.add(InputProblem.atLine(FILE, 1, "no '" + column + "' column (" + what + ")")
                    .coded("missing-column", "column", column));
    }

    private static Optional<String> match(Quotas quotas, String feature, String raw) {
        return quotas.of(feature).stream()
                .map(Quota::value)
                .filter(v -> v.strip().equalsIgnoreCase(raw.strip()))
                .findFirst();
    }

    private static List<String> contactColumns(CsvTable t, Quotas quotas, SortitionSettings settings) {
        List<String> columns = new ArrayList<>();
        List<String> wanted = settings.columnsToKeep().isEmpty() ? t.headers() : settings.columnsToKeep();
        for (String c : wanted) {
            boolean isFeature = quotas.features().stream().anyMatch(f -> f.equalsIgnoreCase(c));
            if (!c.isEmpty() && !c.equalsIgnoreCase(settings.idColumn()) && !isFeature) columns.add(c);
        }
        for (String c : settings.addressColumns()) if (!columns.contains(c)) columns.add(c);
        return columns;
    }

    /**
     * The selected or the remaining people as sortition-algorithms writes them: the id column, the columns kept
     * (address columns included), then the features not already among them.
     */
    public static String write(List<Volunteer> people, Quotas quotas, SortitionSettings settings) {
        List<String> kept = people.isEmpty()
                ? List.of()
                : List.copyOf(people.get(0).contacts().keySet());
        List<String> header = new ArrayList<>();
        header.add(settings.idColumn());
        header.addAll(kept);
        for (String f : quotas.features()) if (kept.stream().noneMatch(k -> k.equalsIgnoreCase(f))) header.add(f);
        StringBuilder out = new StringBuilder(CsvTable.line(header));
        for (Volunteer v : people) {
            List<String> row = new ArrayList<>();
            row.add(v.id());
            for (String c : kept) row.add(v.contacts().getOrDefault(c, ""));
            for (String f : header.subList(1 + kept.size(), header.size())) row.add(v.value(f));
            out.append(CsvTable.line(row));
        }
        return out.toString();
    }
}
