package org.assemblyhub.sortition;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.sortition.ledger.SeedLines;
import org.assemblyhub.sortition.ledger.SortitionCommand.RecordCommitment;
import org.assemblyhub.sortition.ledger.SortitionCommand.RecordDraw;
import org.assemblyhub.sortition.ledger.SortitionCommand.RecordReplacement;
import org.assemblyhub.sortition.ledger.SortitionDecider;
import org.assemblyhub.sortition.ledger.SortitionEvent;
import org.assemblyhub.sortition.ledger.SortitionRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The assembly's side of the draw: only the plain lines of the announced sources, and replacements one at a time. */
class SeedLinesTest {
    static final String HASH = "a".repeat(64);
    static final List<String> SOURCES = List.of("Witness 1", "Lottery 5 Dec");

    static SortitionRecord committed() {
        SortitionRecord record = new SortitionRecord();
        Verdict v = SortitionDecider.decide(
                record,
                new RecordCommitment(
                        HASH, Map.of(), "maximin", 10, 2, 1000, 0, 0.2, 0.2, List.of(), "plan", SOURCES, "organiser-1"),
                Instant.EPOCH);
        ((Verdict.Accepted) v).events().forEach(e -> record.evolve((SortitionEvent) e));
        return record;
    }

    static String code(Verdict v) {
        return v instanceof Verdict.Rejected r ? r.rejection().code() : "accepted";
    }

    static Verdict draw(SortitionRecord record, String... lines) {
        return SortitionDecider.decide(
                record,
                new RecordDraw(HASH, List.of(lines), "b".repeat(64), 3, List.of("p1", "p2"), "o"),
                Instant.EPOCH);
    }

    @Test
    void what_a_witness_said_is_put_in_one_plain_form() {
        assertThat(SeedLines.plain(" 007, 42;9 ")).contains("7 42 9");
        assertThat(SeedLines.plain("seven")).isEmpty();
        assertThat(SeedLines.plain("")).isEmpty();
        assertThat(SeedLines.lines(SOURCES, List.of("0012", "3 14 15")))
                .contains(List.of("Witness 1: 12", "Lottery 5 Dec: 3 14 15"));
        assertThat(SeedLines.lines(SOURCES, List.of("12"))).isEmpty();
    }

    @Test
    void the_assembly_refuses_every_variant_of_the_announced_numbers_but_the_plain_one() {
        SortitionRecord record = committed();
        assertThat(code(draw(record, "Lottery 5 Dec: 3 14 15", "Witness 1: 12")))
                .isEqualTo("seed-inputs-mismatch");
        assertThat(code(draw(record, "Witness 1: 012", "Lottery 5 Dec: 3 14 15")))
                .isEqualTo("seed-inputs-mismatch");
        assertThat(code(draw(record, "Witness 1: 12", "Lottery 5 Dec: 3  14 15")))
                .isEqualTo("seed-inputs-mismatch");
        assertThat(code(draw(record, "Witness 1: 12", "Lottery 5 Dec: 3 14 15", "extra: 1")))
                .isEqualTo("seed-inputs-mismatch");
        assertThat(code(draw(record, "Witness 1: 12", "Lottery 5 Dec: 3 14 15")))
                .isEqualTo("accepted");
    }

    @Test
    void a_replacement_decided_on_a_panel_that_changed_meanwhile_is_refused() {
        SortitionRecord record = committed();
        ((Verdict.Accepted) draw(record, "Witness 1: 12", "Lottery 5 Dec: 3 14 15"))
                .events()
                .forEach(e -> record.evolve((SortitionEvent) e));
        Verdict first =
                SortitionDecider.decide(record, new RecordReplacement("p1", "p7", 1, List.of(), 0, "o"), Instant.EPOCH);
        ((Verdict.Accepted) first).events().forEach(e -> record.evolve((SortitionEvent) e));
        Verdict stale =
                SortitionDecider.decide(record, new RecordReplacement("p2", "p8", 2, List.of(), 0, "o"), Instant.EPOCH);
        assertThat(code(stale)).isEqualTo("panel-changed");
        assertThat(record.panel()).containsExactly("p7", "p2");
    }
}
