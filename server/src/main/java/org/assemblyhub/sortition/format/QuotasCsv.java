package org.assemblyhub.sortition.format;

import org.assemblyhub.sortition.domain.Checked;
import org.assemblyhub.sortition.domain.InputProblem;
import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.Quotas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quotas file of sortition-algorithms ("features"): {@code feature,value,min,max} and optionally
 * {@code min_flex,max_flex}; the older headers {@code category} and {@code name} are accepted, other columns ignored.
 * A missing min_flex is 0 and a missing max_flex the largest sum of maximums of any feature, as there.
 */
public final class QuotasCsv {
    public static final String FILE = "quotas.csv";

    private QuotasCsv() {}

    public static Checked<Quotas> read(String text) {
        Checked<CsvTable> table = CsvTable.read(FILE, text);
        if (!(table instanceof Checked.Valid<CsvTable> valid)) return Checked.invalid(table.problems());
        CsvTable t = valid.value();
        List<InputProblem> problems = new ArrayList<>();
        String feature = t.firstPresent("feature", "category").orElse(null);
        String value = t.firstPresent("value", "name", "category value", "category_value", "category-value")
                .orElse(null);
        if (feature == null)
            problems.add(
                    InputProblem.atLine(FILE, 1, "no 'feature' column").coded("missing-column", "column", "feature"));
        if (value == null)
            problems.add(InputProblem.atLine(FILE, 1, "no 'value' column").coded("missing-column", "column", "value"));
        for (String required : List.of("min", "max")) {
            if (!t.has(required))
                problems.add(InputProblem.atLine(FILE, 1, "no '" + required + "' column")
                        .coded("missing-column", "column", required));
        }
        if (!problems.isEmpty()) return Checked.invalid(problems);
        int defaultMaxFlex = defaultMaxFlex(t, feature);
        List<Quota> quotas = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (CsvTable.Row row : t.rows()) {
            String f = row.get(feature);
            String v = row.get(value);
            if (f.isEmpty() || v.isEmpty()) {
                problems.add(InputProblem.atLine(FILE, row.line(), "empty feature or value")
                        .coded("empty-quota"));
                continue;
            }
            Long earlier = firstLine.putIfAbsent(
                    f.toLowerCase(Locale.ROOT) + "\u0000" + v.toLowerCase(Locale.ROOT), row.line());
            if (earlier != null) {
                problems.add(InputProblem.atLine(FILE, row.line(), f + "/" + v + " is already on line " + earlier)
                        .coded("duplicate-quota", "feature", f, "value", v, "earlier", earlier));
                continue;
            }
            Integer min = number(row, "min", 0, problems);
            Integer max = number(row, "max", 0, problems);
            Integer minFlex = number(row, "min_flex", 0, problems);
            Integer maxFlex = number(row, "max_flex", defaultMaxFlex, problems);
            if (min == null || max == null || minFlex == null || maxFlex == null) continue;
            if (min < 0 || min > max) {
                problems.add(InputProblem.atLine(
                                FILE,
                                row.line(),
                                f + "/" + v + ": min " + min + " is above max " + max + " or negative")
                        .coded("min-above-max", "feature", f, "value", v, "min", min, "max", max));
            } else if (minFlex > min || maxFlex < max || minFlex < 0) {
                problems.add(InputProblem.atLine(
                                FILE,
                                row.line(),
                                f + "/" + v
                                        + ": the flex bounds must hold the quota (0 <= min_flex <= min, max <= max_flex)")
                        .coded("flex-bounds", "feature", f, "value", v));
            } else {
                quotas.add(new Quota(f, v, min, max, minFlex, maxFlex));
            }
        }
        if (quotas.isEmpty() && problems.isEmpty())
            problems.add(InputProblem.inFile(FILE, "there are no quotas").coded("no-quotas"));
        return problems.isEmpty() ? Checked.valid(new Quotas(quotas)) : Checked.invalid(problems);
    }

    private static int defaultMaxFlex(CsvTable t, String feature) {
        Map<String, Integer> sums = new HashMap<>();
        for (CsvTable.Row row : t.rows()) {
            try {
                sums.merge(row.get(feature), Integer.parseInt(row.get("max")), Integer::sum);
            } catch (NumberFormatException e) {
                // reported with its line when the row itself is read
            }
        }
        return sums.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static Integer number(CsvTable.Row row, String column, int absent, List<InputProblem> problems) {
        String text = row.get(column);
        if (text.isEmpty()) {
            if (column.endsWith("_flex")) return absent;
            problems.add(InputProblem.atLine(FILE, row.line(), "no " + column + " value")
                    .coded("no-number", "column", column));
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problems.add(InputProblem.atLine(FILE, row.line(), column + " '" + text + "' is not a whole number")
                    .coded("not-whole-number", "column", column, "value", text));
            return null;
        }
    }

    /** The quotas in the same format, with the flex columns, in their order: the bytes the commitment hashes. */
    public static String write(Quotas quotas) {
        StringBuilder out =
                new StringBuilder(CsvTable.line(List.of("feature", "value", "min", "max", "min_flex", "max_flex")));
        for (Quota q : quotas.all()) {
            out.append(CsvTable.line(List.of(
                    q.feature(),
                    q.value(),
                    String.valueOf(q.min()),
                    String.valueOf(q.max()),
                    String.valueOf(q.minFlex()),
                    String.valueOf(q.maxFlex()))));
        }
        return out.toString();
    }
}
