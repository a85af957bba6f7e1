package org.assemblyhub.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

class ExampleScriptsTest {
    static final Path EXAMPLES = Path.of("examples");

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_example_script_is_valid() throws IOException {
        return examples().stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    ScriptReader.Result result = ScriptReader.read(Files.readString(file));
                    assertThat(result.problems()).as(file.toString()).isEmpty();
                }));
    }

    @Test
    void there_are_at_least_three_examples() throws IOException {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void the_full_assembly_runs_about_two_months_of_sessions_of_an_hour_to_an_hour_and_a_half() throws IOException {
        Script script = ScriptReader.read(Files.readString(EXAMPLES.resolve("citizens-assembly-climate.yaml")))
                .script();

        assertThat(script.sessions()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(script.sessions()).allSatisfy(s -> assertThat(s.minutes()).isBetween(60, 90));
        assertThat(script.sessions())
                .extracting(Script.Session::phase)
                .containsSubsequence("onboarding", "learning", "deliberation", "decision");
        var first = script.sessions().get(0).plannedStart();
        var last = script.sessions().get(script.sessions().size() - 1).plannedStart();
        assertThat(Duration.between(first, last).toDays()).isBetween(50L, 70L);
    }

    @Test
    void the_deliberation_evening_has_two_breakout_rounds_each_followed_by_a_harvest_in_ninety_minutes()
            throws IOException {
        Script.Session evening = ScriptReader.read(Files.readString(EXAMPLES.resolve("deliberation-evening.yaml")))
                .script()
                .sessions()
                .get(0);

        assertThat(evening.minutes()).isEqualTo(90);
        assertThat(evening.segments())
                .filteredOn(s -> s instanceof Segment.Breakouts)
                .hasSize(2);
        List<String> kinds = evening.segments().stream().map(Segment::kind).toList();
        assertThat(kinds).containsSubsequence("breakouts", "harvest", "breakouts", "harvest");
    }
}
