package org.assemblyhub.sortition.desk;

import org.assemblyhub.sortition.domain.Checked;
import org.assemblyhub.sortition.domain.InputProblem;
import org.assemblyhub.sortition.domain.ProblemCheck;
import org.assemblyhub.sortition.domain.Quotas;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.domain.Volunteer;
import org.assemblyhub.sortition.format.PeopleCsv;
import org.assemblyhub.sortition.format.QuotasCsv;
import org.assemblyhub.sortition.format.SettingsToml;
import org.assemblyhub.sortition.format.SortitionSettings;

import java.util.ArrayList;
import java.util.List;

/** The organiser's three files, read whole and checked together, or every problem found: nothing half-imported. */
public record PoolInputs(SelectionProblem problem, SortitionSettings settings, String people, String quotas) {

    /** The settings' text is TOML as sortition-algorithms writes it (docs/sortition.md). */
    public static Checked<PoolInputs> read(String peopleText, String quotasText, String settingsText) {
        List<InputProblem> problems = new ArrayList<>();
        Checked<SortitionSettings> settings = SettingsToml.read(settingsText);
        Checked<Quotas> quotas = QuotasCsv.read(quotasText);
        problems.addAll(settings.problems());
        problems.addAll(quotas.problems());
        if (!problems.isEmpty()) return Checked.invalid(problems);
        SortitionSettings s = settings.orThrow();
        Checked<List<Volunteer>> people = PeopleCsv.read(peopleText, quotas.orThrow(), s);
        if (!people.problems().isEmpty()) return Checked.invalid(people.problems());
        Checked<SelectionProblem> problem =
                ProblemCheck.check(people.orThrow(), quotas.orThrow(), s.panelSize(), s.checkSameAddress());
        if (!problem.problems().isEmpty()) return Checked.invalid(problem.problems());
        return Checked.valid(new PoolInputs(problem.orThrow(), s, peopleText, quotasText));
    }
}
