package org.assemblyhub.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.agreement.AdoptionRule;
import org.assemblyhub.recommendation.domain.Analysis;
import org.assemblyhub.recommendation.domain.BallotBox;
import org.assemblyhub.recommendation.domain.BallotCommand.*;
import org.assemblyhub.recommendation.domain.BallotDecider;
import org.assemblyhub.recommendation.domain.BallotEvent;
import org.assemblyhub.recommendation.domain.DraftEvent;
import org.assemblyhub.recommendation.domain.Drafts;
import org.assemblyhub.recommendation.export.BallotRecord;
import org.assemblyhub.support.Jackson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code ./hub verify ballot}: the packaged jar's command, run as a user runs it, on an intact and a tampered record.
 */
class VerifyBallotCommandIT {
    static final Path JAR = Path.of(System.getProperty("hub.jar", "target/assembly-hub.jar"));

    record Run(int exit, String output) {}

    private static Run verify(Path file, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                JAR.toString(),
                "org.assemblyhub.recommendation.verify.VerifyCli",
                "ballot",
                file.toString()));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private static BallotBox closedBallot() {
        Instant now = Instant.parse("2026-11-23T18:00:00Z");
        Drafts drafts = new Drafts();
        drafts.evolve(
                new DraftEvent.DraftProposed("d1", "Cycle lanes", "Build them", Analysis.EMPTY, 1, null, "f1", now));
        BallotBox box = new BallotBox();
        var apply = (Consumer<List<DomainEvent>>) events -> events.forEach(e -> box.evolve((BallotEvent) e));
        apply.accept(((Verdict.Accepted) BallotDecider.open(
                        box,
                        drafts,
                        true,
                        new OpenBallot("Final", List.of("d1"), AdoptionRule.DEFAULT),
                        List.of("m1", "m2", "m3", "m4", "m5"),
                        now))
                .events());
        List<CastPooled.Cast> casts = new ArrayList<>();
        for (int i = 1; i <= 5; i++)
            casts.add(new CastPooled.Cast(
                    "m" + i, new CastBallot("b1", List.of(i == 5 ? 4 : 1), String.format("%032x", i), null)));
        apply.accept(
                BallotDecider.castPooled(box, casts, new SplittableRandom(1)).events());
        apply.accept(((Verdict.Accepted) BallotDecider.close(box, true, new CloseBallot("b1"), now.plusSeconds(60)))
                .events());
        return box;
    }

    @Test
    void the_command_recounts_an_intact_record_and_exits_one_naming_the_entry_of_a_tampered_one() throws Exception {
        BallotBox box = closedBallot();
        ObjectNode record = BallotRecord.of("a1", box.ballot("b1").orElseThrow());
        Path file = Files.createTempFile("ballot", ".json");
        Files.write(file, Jackson.MAPPER.writeValueAsBytes(record));

        Run ok = verify(file, "--head", box.ballot("b1").orElseThrow().head().hash());
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output())
                .contains("5 ballots counted")
                .contains("support=4 base=5 outcome=adopted")
                .contains("OK: the chain is intact");

        ((ObjectNode) record.get("entries").get(3).get("fields")).put("choice", "5");
        Files.write(file, Jackson.MAPPER.writeValueAsBytes(record));
        Run tampered = verify(file);
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.output()).contains("INCONSISTENT: entry 4 (accepted): its hash does not match its content");
    }
}
