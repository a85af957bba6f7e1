package org.assemblyhub.recommendation.domain;

import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.recommendation.domain.DraftCommand.*;
import org.assemblyhub.recommendation.domain.DraftEvent.*;

import java.time.Instant;

/**
 * Drafts are written by a group's facilitators for their group (the group is their provenance) or by the lead for the
 * plenary, often from a harvested card. Amendments are versions; an amendment written on an older version than the
 * latest is refused, so nobody overwrites a change they have not read; a draft under an open ballot stays as it is.
 */
public final class DraftDecider {
    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 8_000;

    /** {@code group}: the group the author facilitates now (0: none); {@code ideaGroup}: the harvested card's group. */
    private DraftDecider() {}

    public static Verdict propose(
            Drafts drafts, Acting author, ProposeDraft c, int ideaGroup, boolean ideaHarvested, Instant now) {
        if (!author.leads() && author.facilitatedGroup() == 0) {
            return Verdict.reject(
                    "forbidden",
                    "Drafts are written by a group's facilitators, in their group, or by the lead facilitator.");
        }
        String problem = problem(c.title(), c.text(), c.analysis());
        if (problem != null) return Verdict.reject("invalid-draft", problem);
        if (c.fromIdeaId() != null && !ideaHarvested)
            return Verdict.reject("not-harvested", "This card is not on the harvest board.");
        int group = author.facilitatedGroup() > 0 ? author.facilitatedGroup() : c.fromIdeaId() != null ? ideaGroup : 0;
        return Verdict.accept(new DraftProposed(
                "d" + (drafts.count() + 1),
                c.title().strip(),
                c.text().strip(),
                c.analysis(),
                group,
                c.fromIdeaId(),
                author.personId(),
                now));
    }

    public static Verdict amend(Drafts drafts, BallotBox ballots, Acting author, AmendDraft c, Instant now) {
        if (!author.leads() && author.facilitatedGroup() == 0) {
            return Verdict.reject(
                    "forbidden",
                    "Amendments come from a group's facilitators, in their group, or from the lead facilitator.");
        }
        Drafts.Draft draft = drafts.draft(c.draftId()).orElse(null);
        if (draft == null) return Verdict.reject("no-such-draft", "There is no such draft.");
        if (ballots.underVote(draft.id()))
            return Verdict.reject("under-vote", "This draft is being voted on: it cannot change now.");
        if (c.baseVersion() != draft.latest().version()) {
            return Verdict.reject(
                    "draft-changed",
                    "This draft was amended meanwhile (now version "
                            + draft.latest().version() + "). Read the new version, then amend it again.");
        }
        Drafts.Version latest = draft.latest();
        // An amendment that says nothing of the analysis keeps it: only what is sent changes.
        Analysis analysis = c.analysis() == null ? latest.analysis() : c.analysis();
        String problem = problem(c.title(), c.text(), analysis);
        if (problem != null) return Verdict.reject("invalid-draft", problem);
        if (c.note() != null && c.note().length() > 500)
            return Verdict.reject("invalid-draft", "A note is at most 500 characters.");
        if (latest.title().equals(c.title().strip())
                && latest.text().equals(c.text().strip())
                && latest.analysis().equals(analysis)) {
            return Verdict.reject("no-change", "This amendment changes nothing.");
        }
        return Verdict.accept(new DraftAmended(
                draft.id(),
                latest.version() + 1,
                c.title().strip(),
                c.text().strip(),
                analysis,
                author.facilitatedGroup(),
                c.note() == null || c.note().isBlank() ? null : c.note().strip(),
                author.personId(),
                now));
    }

    private static String problem(String title, String text, Analysis analysis) {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE)
            return "A title holds 1 to " + MAX_TITLE + " characters.";
        if (text == null || text.isBlank() || text.length() > MAX_TEXT)
            return "The recommendation holds 1 to " + MAX_TEXT + " characters.";
        return analysis == null ? "The analysis is missing." : analysis.problem();
    }
}
