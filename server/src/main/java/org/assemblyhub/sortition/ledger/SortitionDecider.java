package org.assemblyhub.sortition.ledger;

import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.sortition.ledger.SortitionCommand.RecordCommitment;
import org.assemblyhub.sortition.ledger.SortitionCommand.RecordDraw;
import org.assemblyhub.sortition.ledger.SortitionCommand.RecordReplacement;
import org.assemblyhub.sortition.ledger.SortitionEvent.MemberReplaced;
import org.assemblyhub.sortition.ledger.SortitionEvent.SelectionCommitted;
import org.assemblyhub.sortition.ledger.SortitionEvent.SelectionDrawn;

import java.time.Instant;

/**
 * The order a checkable draw needs, kept by the assembly itself: one commitment, then one draw of that commitment,
 * then replacements of people on the panel by people never seated. A second commitment would let an organiser who
 * disliked a draw try again, so there is none.
 */
public final class SortitionDecider {
    private SortitionDecider() {}

    public static Verdict decide(SortitionRecord record, SortitionCommand command, Instant now) {
        if (command instanceof RecordCommitment c) return commit(record, c, now);
        if (command instanceof RecordDraw d) return draw(record, d, now);
        return replace(record, (RecordReplacement) command, now);
    }

    private static Verdict commit(SortitionRecord record, RecordCommitment c, Instant now) {
        if (record.commitment() != null)
            return Verdict.reject(
                    "sortition-committed", "The selection is already committed: it cannot be made again.");
        return Verdict.accept(new SelectionCommitted(
                c.commitment(),
                c.files(),
                c.algorithm(),
                c.poolSize(),
                c.panelSize(),
                c.panelCount(),
                c.maxChange(),
                c.lowest(),
                c.highest(),
                c.histogram(),
                c.seedPlan(),
                c.seedSources(),
                c.by(),
                now));
    }

    private static Verdict draw(SortitionRecord record, RecordDraw d, Instant now) {
        if (record.commitment() == null)
            return Verdict.reject("sortition-not-committed", "Publish the commitment before the draw.");
        if (record.draw() != null)
            return Verdict.reject("sortition-drawn", "The panel is already drawn: a draw is made once.");
        if (!record.commitment().commitment().equals(d.commitment()))
            return Verdict.reject("sortition-not-committed", "This draw is not of the published commitment.");
        if (!SeedLines.match(record.commitment().seedSources(), d.seedInputs()))
            return Verdict.reject(
                    "seed-inputs-mismatch",
                    "The draw takes one line per announced source, in order, each 'source: numbers' in their plain form.");
        return Verdict.accept(new SelectionDrawn(d.seedInputs(), d.seed(), d.panelIndex(), d.selected(), d.by(), now));
    }

    private static Verdict replace(SortitionRecord record, RecordReplacement r, Instant now) {
        if (record.draw() == null) return Verdict.reject("sortition-not-drawn", "Draw the panel first.");
        if (!record.panel().contains(r.dropout()))
            return Verdict.reject("not-on-panel", "This person is not on the panel.");
        if (record.everSeated(r.replacement()))
            return Verdict.reject("not-an-alternate", "This person already had a seat.");
        if (record.replacements().size() != r.replacementsBefore())
            return Verdict.reject("panel-changed", "The panel changed meanwhile: look again before replacing.");
        return Verdict.accept(new MemberReplaced(r.dropout(), r.replacement(), r.rank(), r.changes(), r.by(), now));
    }
}
