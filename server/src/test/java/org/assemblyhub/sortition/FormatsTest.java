package org.assemblyhub.sortition;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.assemblyhub.sortition.select.Algorithm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

class FormatsTest {
    static String resource(String name) {
        try (InputStream in = FormatsTest.class.getResourceAsStream("/sortition/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Quotas QUOTAS = QuotasCsv.read(resource("quotas.csv")).orThrow();
    static final SortitionSettings SETTINGS =
            SettingsToml.read(resource("settings.toml")).orThrow();

    static List<String> problems(Checked<?> checked) {
        return checked.problems().stream().map(InputProblem::toString).toList();
    }

    @Test
    void files_in_the_sortition_algorithms_format_are_read_whole() {
        assertThat(QUOTAS.all()).hasSize(4);
        assertThat(QUOTAS.all().get(0)).isEqualTo(new Quota("gender", "female", 2, 3, 0, 6));
        assertThat(SETTINGS.idColumn()).isEqualTo("person_id");
        assertThat(SETTINGS.addressColumns()).containsExactly("address1", "postcode");
        assertThat(SETTINGS.algorithm()).isEqualTo(Algorithm.LEXIMIN);
        assertThat(SETTINGS.panelSize()).isEqualTo(4);
        assertThat(SETTINGS.panelCount()).isEqualTo(1000);
        List<Volunteer> people =
                PeopleCsv.read(resource("people.csv"), QUOTAS, SETTINGS).orThrow();
        assertThat(people).hasSize(8);
        Volunteer chloe = people.get(2);
        assertThat(chloe.features()).containsEntry("gender", "female").containsEntry("age", "40+");
        assertThat(chloe.contacts()).containsKeys("first_name", "email", "address1", "postcode");
        assertThat(people.get(0).household()).isEqualTo(people.get(1).household());
        assertThat(ProblemCheck.check(people, QUOTAS, 4, true)).isInstanceOf(Checked.Valid.class);
    }

    @Test
    void quotas_without_flex_columns_get_the_same_defaults_as_sortition_algorithms() {
        Quotas q = QuotasCsv.read("category,name,min,max\ng,a,1,2\ng,b,1,3\nh,c,2,2\n")
                .orThrow();
        assertThat(q.all().get(0)).isEqualTo(new Quota("g", "a", 1, 2, 0, 5));
    }

    @Test
    void what_is_written_reads_back_the_same() {
        assertThat(QuotasCsv.read(QuotasCsv.write(QUOTAS)).orThrow()).isEqualTo(QUOTAS);
        assertThat(SettingsToml.read(SettingsToml.write(SETTINGS)).orThrow()).isEqualTo(SETTINGS);
        List<Volunteer> people =
                PeopleCsv.read(resource("people.csv"), QUOTAS, SETTINGS).orThrow();
        String selected = PeopleCsv.write(people.subList(0, 2), QUOTAS, SETTINGS);
        assertThat(selected)
                .startsWith("person_id,first_name,email,address1,postcode,gender,age\n"
                        + "a1,Ana,ana@example.org,1 Rue Haute,75001,female,16-39\n");
    }

    @Test
    void a_quotas_file_with_a_missing_column_names_it() {
        assertThat(problems(QuotasCsv.read("feature,value,min\ng,a,1\n")))
                .containsExactly("quotas.csv line 1: no 'max' column");
    }

    @Test
    void a_bad_quota_line_is_named_by_its_line() {
        assertThat(problems(QuotasCsv.read("feature,value,min,max\ng,a,1,2\ng,b,3,x\ng,a,0,1\nh,c,4,2\n")))
                .containsExactly(
                        "quotas.csv line 3: max 'x' is not a whole number",
                        "quotas.csv line 4: g/a is already on line 2",
                        "quotas.csv line 5: h/c: min 4 is above max 2 or negative");
    }

    @Test
    void a_people_file_with_missing_columns_names_each() {
        String text = "person_id,gender,address1\nx,female,here\n";
        assertThat(problems(PeopleCsv.read(text, QUOTAS, SETTINGS.with(Algorithm.LEXIMIN))))
                .contains(
                        "people.csv line 1: no 'age' column (a feature)",
                        "people.csv line 1: no 'postcode' column (an address column of the household rule)");
    }

    @Test
    void a_missing_id_column_is_named() {
        assertThat(problems(PeopleCsv.read("id,gender,age\nx,female,40+\n", QUOTAS, SortitionSettings.of("nb", 1))))
                .containsExactly("people.csv line 1: no 'nb' column (the id column)");
    }

    @Test
    void an_unknown_feature_value_is_named_with_its_line_and_feature() {
        String text = "id,gender,age\nx,female,40+\ny,robot,40+\nz,male,\n";
        assertThat(problems(PeopleCsv.read(text, QUOTAS, SortitionSettings.of("id", 1))))
                .containsExactly(
                        "people.csv line 3: 'robot' is not a value of gender", "people.csv line 4: no value for age");
    }

    @Test
    void duplicate_ids_are_named_with_both_lines() {
        String text = "id,gender,age\nx,female,40+\ny,male,40+\nx,male,16-39\n";
        assertThat(problems(PeopleCsv.read(text, QUOTAS, SortitionSettings.of("id", 1))))
                .containsExactly("people.csv line 4: id x is already on line 2");
    }

    @Test
    void an_empty_pool_is_refused() {
        assertThat(problems(PeopleCsv.read("id,gender,age\n", QUOTAS, SortitionSettings.of("id", 1))))
                .containsExactly("people.csv: the pool is empty");
        assertThat(problems(ProblemCheck.check(List.of(), QUOTAS, 4, false))).contains("pool: the pool is empty");
    }

    @Test
    void quotas_whose_minimums_exceed_k_or_whose_maximums_cannot_reach_it_name_the_feature() {
        List<Volunteer> people =
                PeopleCsv.read(resource("people.csv"), QUOTAS, SETTINGS).orThrow();
        assertThat(problems(ProblemCheck.check(people, QUOTAS, 3, false)))
                .containsExactly("feature gender: its minimums add up to 4, more than the panel size 3");
        assertThat(problems(ProblemCheck.check(people, QUOTAS, 7, false)))
                .containsExactly(
                        "feature gender: its maximums add up to 6, so they cannot reach the panel size 7",
                        "feature age: its maximums add up to 6, so they cannot reach the panel size 7");
    }

    @Test
    void a_panel_larger_than_the_pool_is_refused() {
        List<Volunteer> people =
                PeopleCsv.read(resource("people.csv"), QUOTAS, SETTINGS).orThrow();
        Quotas wide = new Quotas(List.of(
                Quota.of("gender", "female", 0, 9),
                Quota.of("gender", "male", 0, 9),
                Quota.of("age", "16-39", 0, 9),
                Quota.of("age", "40+", 0, 9)));
        assertThat(problems(ProblemCheck.check(people, wide, 9, false)))
                .containsExactly("panel size: the panel size 9 is larger than the pool (8)");
    }

    @Test
    void goldilocks_is_read_from_the_settings_and_written_back_under_its_name() {
        SortitionSettings s = SettingsToml.read("id_column = \"id\"\nselection_algorithm = \"Goldilocks\"\n")
                .orThrow();
        assertThat(s.algorithm()).isEqualTo(Algorithm.GOLDILOCKS);
        assertThat(SettingsToml.write(s)).contains("selection_algorithm = \"goldilocks\"");
    }

    @Test
    void settings_that_cannot_be_used_say_which_key() {
        assertThat(problems(SettingsToml.read("id_column = \"id\"\nselection_algorithm = \"nash\"\n")))
                .containsExactly(
                        "settings.toml selection_algorithm: 'nash' is not one of leximin, maximin, goldilocks, legacy");
        assertThat(problems(SettingsToml.read("id_column = \"id\"\ncheck_same_address = true\n")))
                .containsExactly("settings.toml check_same_address_columns: is empty but check_same_address is true");
        assertThat(problems(SettingsToml.read("[table]\n")))
                .contains("settings.toml table: is a table; this file has only 'key = value' lines");
        assertThat(problems(SettingsToml.read("id_column = \"id\"\nnumber_wanted = = 3\n")))
                .anyMatch(p -> p.startsWith("settings.toml line 2: "));
    }

    @Test
    void a_checked_problem_keeps_the_pool_in_file_order() {
        List<Volunteer> people =
                PeopleCsv.read(resource("people.csv"), QUOTAS, SETTINGS).orThrow();
        SelectionProblem p = ProblemCheck.check(people, QUOTAS, 4, true).orThrow();
        assertThat(p.indexOf("a3")).isEqualTo(2);
        assertThat(p.sharedHouseholds()).hasSize(1);
    }
}
