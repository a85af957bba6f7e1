package org.assemblyhub.recommendation.domain;

import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.WritesText;

/** Requests about draft recommendations. */
public sealed interface DraftCommand extends DomainCommand {
    record ProposeDraft(String title, String text, Analysis analysis, String fromIdeaId)
            implements DraftCommand, WritesText {}

    /**
     * {@code baseVersion}: the version the amendment was written on (a newer one meanwhile means: read it first);
     * {@code analysis}: null keeps the current version's analysis.
     */
    record AmendDraft(String draftId, int baseVersion, String title, String text, Analysis analysis, String note)
            implements DraftCommand, WritesText {}
}
