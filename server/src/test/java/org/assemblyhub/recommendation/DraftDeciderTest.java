package org.assemblyhub.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.recommendation.domain.Analysis;
import org.assemblyhub.recommendation.domain.BallotBox;
import org.assemblyhub.recommendation.domain.DraftCommand.AmendDraft;
import org.assemblyhub.recommendation.domain.DraftCommand.ProposeDraft;
import org.assemblyhub.recommendation.domain.DraftDecider;
import org.assemblyhub.recommendation.domain.DraftEvent;
import org.assemblyhub.recommendation.domain.Drafts;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class DraftDeciderTest {
    static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");
    final Drafts drafts = new Drafts();
    final Acting lead = new Acting(Actor.person("f0", Role.FACILITATOR), true, 0, 0, 1);
    final Acting groupThree = new Acting(Actor.person("f3", Role.FACILITATOR), false, 3, 3, 1);

    private String code(Verdict d) {
        return ((Verdict.Rejected) d).rejection().code();
    }

    private void apply(Verdict d) {
        ((Verdict.Accepted) d).events().forEach(e -> drafts.evolve((DraftEvent) e));
    }

    @Test
    void a_draft_from_a_harvested_card_keeps_the_cards_group_as_its_provenance() {
        apply(DraftDecider.propose(
                drafts, lead, new ProposeDraft("Trees", "Plant trees", Analysis.EMPTY, "i7"), 5, true, NOW));

        assertThat(drafts.draft("d1").orElseThrow().versions().get(0).fromGroup())
                .isEqualTo(5);
        assertThat(drafts.draft("d1").orElseThrow().fromIdeaId()).isEqualTo("i7");
        assertThat(code(DraftDecider.propose(
                        drafts, lead, new ProposeDraft("X", "Y", Analysis.EMPTY, "i8"), 5, false, NOW)))
                .isEqualTo("not-harvested");
    }

    @Test
    void an_amendment_records_its_group_and_one_written_on_an_older_version_is_refused() {
        apply(DraftDecider.propose(
                drafts, lead, new ProposeDraft("Trees", "Plant trees", Analysis.EMPTY, null), 0, false, NOW));
        apply(DraftDecider.amend(
                drafts,
                new BallotBox(),
                groupThree,
                new AmendDraft("d1", 1, "Trees", "Plant 1,000 trees", Analysis.EMPTY, "a number"),
                NOW));

        var latest = drafts.draft("d1").orElseThrow().latest();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.fromGroup()).isEqualTo(3);
        assertThat(code(DraftDecider.amend(
                        drafts,
                        new BallotBox(),
                        lead,
                        new AmendDraft("d1", 1, "Trees", "Plant none", Analysis.EMPTY, null),
                        NOW)))
                .isEqualTo("draft-changed");
        assertThat(code(DraftDecider.amend(
                        drafts,
                        new BallotBox(),
                        lead,
                        new AmendDraft("d1", 2, "Trees", "Plant 1,000 trees", Analysis.EMPTY, null),
                        NOW)))
                .isEqualTo("no-change");
        assertThat(code(DraftDecider.propose(
                        drafts,
                        new Acting(Actor.person("m1", Role.MEMBER), false, 0, 0, 1),
                        new ProposeDraft("A", "B", Analysis.EMPTY, null),
                        0,
                        false,
                        NOW)))
                .isEqualTo("forbidden");
    }

    @Test
    void an_amendment_that_says_nothing_of_the_analysis_keeps_it() {
        Analysis analysis = new Analysis("Cleaner air", "", "2 M€", "The city", "", "");
        apply(DraftDecider.propose(
                drafts, lead, new ProposeDraft("Trees", "Plant trees", analysis, null), 0, false, NOW));
        apply(DraftDecider.amend(
                drafts, new BallotBox(), lead, new AmendDraft("d1", 1, "Trees", "Plant 1,000 trees", null, null), NOW));

        assertThat(drafts.draft("d1").orElseThrow().latest().analysis()).isEqualTo(analysis);
        assertThat(code(DraftDecider.amend(
                        drafts,
                        new BallotBox(),
                        lead,
                        new AmendDraft("d1", 2, "Trees", "Plant 1,000 trees", null, null),
                        NOW)))
                .as("nothing sent, nothing changed")
                .isEqualTo("no-change");
    }
}
