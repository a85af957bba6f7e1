package org.assemblyhub.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class ScriptValidationTest {
    private static List<ScriptProblem> problems(String yaml) {
        ScriptReader.Result result = ScriptReader.read(yaml);
        assertThat(result.valid()).as("expected problems").isFalse();
        assertThat(result.script()).isNull();
        return result.problems();
    }

    private static final String HEAD =
            """
            title: Test
            sessions:
              - id: s1
                title: Evening
                segments:
            """;

    @Test
    void a_missing_setting_is_named_with_the_line_of_its_segment() {
        List<ScriptProblem> problems = problems(HEAD
                + """
                  - kind: plenary
                    title: Welcome
                    minutes: 10
                """
                        .indent(4));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.where()).isEqualTo("session 's1' › segment 1 'Welcome'");
            assertThat(p.message()).isEqualTo("'prompt' is missing.");
        });
    }

    @Test
    void a_misspelt_setting_is_pointed_at() {
        List<ScriptProblem> problems = problems(HEAD
                + """
                  - kind: breakouts
                    title: Round 1
                    minutes: 25
                    prompt: Talk
                    grupSize: {min: 7, max: 8}
                """
                        .indent(4));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("'grupSize' is not a setting here");
        });
    }

    @Test
    void an_unknown_kind_lists_the_kinds_that_exist() {
        List<ScriptProblem> problems = problems(HEAD
                + """
                  - kind: party
                    title: Fun
                    minutes: 25
                """
                        .indent(4));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.where()).endsWith("kind");
            assertThat(p.message())
                    .contains("plenary", "breakouts", "harvest", "poll", "consensus", "learning", "break");
        });
    }

    @Test
    void a_duration_out_of_range_gives_its_own_line() {
        List<ScriptProblem> problems = problems(HEAD
                + """
                  - kind: break
                    title: Pause
                    minutes: 0
                """
                        .indent(4));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.where()).endsWith("minutes");
            assertThat(p.message()).contains("1");
        });
    }

    @Test
    void every_problem_is_reported_at_once_in_line_order() {
        List<ScriptProblem> problems = problems(HEAD
                + """
                  - kind: break
                    title: Pause
                    minutes: -5
                  - kind: poll
                    title: Vote
                    minutes: 5
                """
                        .indent(4));

        assertThat(problems).hasSize(2);
        assertThat(problems).extracting(ScriptProblem::line).isSorted();
    }

    @Test
    void two_sessions_with_the_same_id_are_refused() {
        List<ScriptProblem> problems = problems(
                """
                title: Test
                sessions:
                  - id: s1
                    title: One
                    segments: [{kind: break, title: Pause, minutes: 5}]
                  - id: s1
                    title: Two
                    segments: [{kind: break, title: Pause, minutes: 5}]
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("'s1'");
        });
    }

    @Test
    void a_smallest_group_larger_than_the_largest_is_refused() {
        List<ScriptProblem> problems = problems(HEAD
                + """
                  - kind: breakouts
                    title: Round
                    minutes: 25
                    prompt: Talk
                    groupSize: {min: 9, max: 7}
                """
                        .indent(4));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("smallest group size");
        });
    }

    @Test
    void a_warning_at_or_after_the_end_of_the_round_is_refused() {
        assertThat(problems(HEAD
                        + """
                  - kind: breakouts
                    title: Round
                    minutes: 5
                    prompt: Talk
                    warningMinutes: 5
                """
                                .indent(4)))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("before the end"));
    }

    @Test
    void a_session_longer_than_four_hours_is_refused() {
        assertThat(problems(HEAD
                        + """
                  - {kind: break, title: One, minutes: 200}
                  - {kind: break, title: Two, minutes: 60}
                """
                                .indent(4)))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("260 minutes"));
    }

    @Test
    void broken_yaml_is_reported_with_its_line() {
        List<ScriptProblem> problems = problems("title: Test\nsessions:\n  - id: s1\n    title: [unclosed\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isGreaterThanOrEqualTo(4);
            assertThat(p.message()).startsWith("This is not valid YAML");
        });
    }

    @Test
    void a_document_that_is_not_a_mapping_is_refused() {
        assertThat(problems("- just\n- a list\n")).singleElement().satisfies(p -> assertThat(p.message())
                .contains("mapping"));
    }

    @Test
    void defaults_fill_what_a_breakout_round_leaves_out() {
        Script script = ScriptReader.read(HEAD
                        + """
                  - kind: breakouts
                    title: Round
                    minutes: 25
                    prompt: Talk
                """
                                .indent(4))
                .script();
        Segment.Breakouts round =
                (Segment.Breakouts) script.sessions().get(0).segments().get(0);

        assertThat(round.minSize()).isEqualTo(7);
        assertThat(round.maxSize()).isEqualTo(8);
        assertThat(round.keepGroups()).isFalse();
        assertThat(round.warningMinutes()).isEqualTo(2);
        assertThat(round.extendableMinutes()).isZero();
    }
}
