package org.assemblyhub.assembly.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class RosterCsvTest {
    @Test
    void required_and_optional_columns_are_read_and_the_rest_become_attributes() {
        RosterCsv.Result result = RosterCsv.parse(
                """
                id,Name,Email,role,Gender,Age band,Area
                m1,Aïcha Benali,a@example.org,member,female,16-24,north
                f1,Fatou Diallo,,facilitator,female,35-49,south
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.people().getJsonObject(0).encode())
                .contains(
                        "\"id\":\"m1\"",
                        "\"name\":\"Aïcha Benali\"",
                        "\"contact\":\"a@example.org\"",
                        "\"role\":\"member\"")
                .contains("\"Gender\":\"female\"", "\"Age band\":\"16-24\"", "\"Area\":\"north\"");
        assertThat(result.people().getJsonObject(1).containsKey("contact")).isFalse();
    }

    @Test
    void a_phone_only_column_marks_members_who_take_part_by_telephone_and_refuses_anything_but_yes_or_no() {
        RosterCsv.Result result = RosterCsv.parse(
                """
                id,name,Téléphone seulement
                m1,Aïcha,oui
                m2,Bruno,
                m3,Chloé,non
                """);
        assertThat(result.problems()).isEmpty();
        assertThat(result.people().getJsonObject(0).getBoolean("phoneOnly")).isTrue();
        assertThat(result.people().getJsonObject(1).containsKey("phoneOnly")).isFalse();
        assertThat(result.people().getJsonObject(2).containsKey("phoneOnly")).isFalse();
        assertThat(result.people().getJsonObject(0).getJsonObject("attributes").isEmpty())
                .isTrue();
        assertThat(RosterCsv.parse("id,name,phone-only\nm1,Aïcha,maybe\n").problems())
                .extracting(RosterCsv.Problem::code)
                .containsExactly("invalid-phone-only");
    }

    @Test
    void a_byte_order_mark_from_a_spreadsheet_export_is_ignored() {
        assertThat(RosterCsv.parse("\uFEFFid,name\nm1,Aïcha\n").ok()).isTrue();
    }

    @Test
    void every_problem_is_reported_with_its_line_and_nothing_is_kept() {
        RosterCsv.Result result = RosterCsv.parse(
                """
                id,name,role
                m1,Aïcha,member
                ,Nobody,member
                m3,,member
                m4,Dimitri,king
                m1,Again,member
                bad id!,Space,member
                """);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .extracting(RosterCsv.Problem::line, RosterCsv.Problem::code)
                .containsExactly(
                        Tuple.tuple(3L, "missing-id"),
                        Tuple.tuple(4L, "missing-name"),
                        Tuple.tuple(5L, "invalid-role"),
                        Tuple.tuple(6L, "duplicate-id"),
                        Tuple.tuple(7L, "invalid-id"));
    }

    @Test
    void missing_required_columns_are_named() {
        RosterCsv.Result result = RosterCsv.parse("identifier,label\nx,y\n");
        assertThat(result.problems())
                .extracting(RosterCsv.Problem::message)
                .anySatisfy(m -> assertThat(m).contains("'id'"))
                .anySatisfy(m -> assertThat(m).contains("'name'"));
    }

    @Test
    void a_line_with_the_wrong_number_of_fields_is_reported() {
        RosterCsv.Result result = RosterCsv.parse("id,name,area\nm1,Aïcha\n");
        assertThat(result.problems()).extracting(RosterCsv.Problem::code).containsExactly("csv-wrong-field-count");
    }

    @Test
    void quoted_fields_may_hold_commas_and_line_breaks() {
        RosterCsv.Result result =
                RosterCsv.parse("id,name,area\nm1,\"Benali, Aïcha\",\"north\nside\"\nm2,Bernard,south\n");
        assertThat(result.ok()).isTrue();
        assertThat(result.people().getJsonObject(0).getString("name")).isEqualTo("Benali, Aïcha");
    }
}
