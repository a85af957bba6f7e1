package org.assemblyhub.sortition.desk;

import org.assemblyhub.sortition.domain.Checked;
import org.assemblyhub.sortition.domain.InputProblem;
import org.assemblyhub.sortition.domain.ProblemCheck;
import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.Quotas;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.domain.Volunteer;
import org.assemblyhub.sortition.format.PeopleCsv;
import org.assemblyhub.sortition.format.QuotasCsv;
import org.assemblyhub.sortition.format.SettingsToml;
import org.assemblyhub.sortition.format.SortitionSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The organiser's three files, read whole and checked together, or every problem found (at most {@link
 * #MAX_PROBLEMS}): nothing half-imported. Beyond the formats' own checks, the desk's limits: a pool the hub can
 * solve and record ({@link #MAX_POOL}), ids it can publish (letters, digits, {@code . _ -}; never a name or an
 * e-mail column), m panels it can write, and no value a spreadsheet would run as a formula when observers open the
 * published files.
 */
public record PoolInputs(SelectionProblem problem, SortitionSettings settings, String people, String quotas) {
    public static final int MAX_POOL = 2_000;
    public static final int MAX_QUOTAS = 500;
    public static final int MAX_PANEL_COUNT = 10_000;
    static final int MAX_PROBLEMS = 100;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> PERSONAL_COLUMNS = Set.of(
            "email",
            "e-mail",
            "mail",
            "name",
            "first_name",
            "firstname",
            "last_name",
            "lastname",
            "surname",
            "phone",
            "mobile",
            "mobile_number",
            "telephone",
            "address",
            "address_line_1",
            "postcode");

    /** The settings' text is TOML as sortition-algorithms writes it (docs/sortition.md). */
    public static Checked<PoolInputs> read(String peopleText, String quotasText, String settingsText) {
        List<InputProblem> problems = new ArrayList<>();
        Checked<SortitionSettings> settings = SettingsToml.read(settingsText);
        Checked<Quotas> quotas = QuotasCsv.read(quotasText);
        problems.addAll(settings.problems());
        problems.addAll(quotas.problems());
        if (!problems.isEmpty()) return invalid(problems);
        SortitionSettings s = settings.orThrow();
        limits(s, quotas.orThrow(), problems);
        if (!problems.isEmpty()) return invalid(problems);
        Checked<List<Volunteer>> people = PeopleCsv.read(peopleText, quotas.orThrow(), s);
        if (!people.problems().isEmpty()) return invalid(people.problems());
        publishable(people.orThrow(), problems);
        if (!problems.isEmpty()) return invalid(problems);
        Checked<SelectionProblem> problem =
                ProblemCheck.check(people.orThrow(), quotas.orThrow(), s.panelSize(), s.checkSameAddress());
        if (!problem.problems().isEmpty()) return invalid(problem.problems());
        return Checked.valid(new PoolInputs(problem.orThrow(), s, peopleText, quotasText));
    }

    private static void limits(SortitionSettings s, Quotas quotas, List<InputProblem> problems) {
        if (s.panelCount() > MAX_PANEL_COUNT) {
            problems.add(new InputProblem("settings.toml panel_count", "at most " + MAX_PANEL_COUNT)
                    .coded("panel-count-too-large", "setting", "panel_count", "max", MAX_PANEL_COUNT));
        }
        if (PERSONAL_COLUMNS.contains(s.idColumn().strip().toLowerCase(Locale.ROOT))) {
            problems.add(new InputProblem(
                            "settings.toml id_column", "'" + s.idColumn() + "' holds personal data: ids are published")
                    .coded("id-column-personal", "setting", "id_column", "column", s.idColumn()));
        }
        if (quotas.all().size() > MAX_QUOTAS) {
            problems.add(new InputProblem("quotas.csv", "more than " + MAX_QUOTAS + " quotas")
                    .coded("too-many-quotas", "file", "quotas.csv", "max", MAX_QUOTAS));
        }
        for (Quota q : quotas.all()) {
            for (String text : List.of(q.feature(), q.value())) {
                if (formulaLike(text))
                    problems.add(new InputProblem("quotas.csv", "'" + text + "' would run as a spreadsheet formula")
                            .coded("formula-like", "file", "quotas.csv", "value", text));
            }
        }
    }

    private static void publishable(List<Volunteer> pool, List<InputProblem> problems) {
        if (pool.size() > MAX_POOL) {
            problems.add(new InputProblem("people.csv", "more than " + MAX_POOL + " volunteers")
                    .coded("pool-too-large", "file", "people.csv", "max", MAX_POOL));
            return;
        }
        for (Volunteer v : pool) {
            if (!ID.matcher(v.id()).matches()) {
                problems.add(new InputProblem(
                                "person " + v.id(),
                                "an id is 1 to 64 letters, digits, '.', '_' or '-' (it is published)")
                        .coded("invalid-pool-id", "person", v.id()));
            }
        }
    }

    /** A cell a spreadsheet would read as a formula ({@code =1+1}, {@code +SUM(…)}, {@code @cmd}, {@code -x}). */
    static boolean formulaLike(String text) {
        if (text.isEmpty()) return false;
        char c = text.charAt(0);
        if (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r') return true;
        return c == '-' && text.length() > 1 && !Character.isDigit(text.charAt(1));
    }

    private static Checked<PoolInputs> invalid(List<InputProblem> problems) {
        return Checked.invalid(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
    }
}
