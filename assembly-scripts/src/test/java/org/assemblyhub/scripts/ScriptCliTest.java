package org.assemblyhub.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

class ScriptCliTest {
    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            return new Run(ScriptCli.run(args), out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void validate_says_valid_with_the_size_of_the_script() {
        Run run = run("validate", "examples/deliberation-evening.yaml");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("valid", "1 session(s)", "6 segments", "1 h 30 min");
    }

    @Test
    void validate_lists_each_problem_with_file_and_line_and_fails() throws Exception {
        Path bad = Files.createTempFile("bad", ".yaml");
        Files.writeString(
                bad,
                "title: T\nsessions:\n  - id: s1\n    title: S\n    segments:\n      - {kind: plenary, title: W, minutes: 500}\n");
        Run run = run("validate", bad.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ":6:", "'prompt' is missing", "minutes");
    }

    @Test
    void plan_prints_the_timeline_with_clock_times() {
        Run run = run("plan", "examples/deliberation-evening.yaml");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("18:30  plenary", "18:40  breakouts", "groups of 7–8", "20:00  end");
    }

    @Test
    void a_wrong_usage_explains_itself() {
        Run run = run("frobnicate");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("usage");
    }
}
