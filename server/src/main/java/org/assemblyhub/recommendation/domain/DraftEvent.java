package org.assemblyhub.recommendation.domain;

import org.assemblyhub.kernel.Creation;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.ParticipantText;

import java.time.Instant;

/**
 * Facts about draft recommendations: proposed by a group (or from the harvest board), then amended version by version.
 */
public sealed interface DraftEvent extends DomainEvent {
    /**
     * Version 1. {@code fromGroup}: the proposing group (0: the plenary); {@code fromIdeaId}: the harvested card, if
     * any.
     */
    record DraftProposed(
            String draftId,
            String title,
            String text,
            Analysis analysis,
            int fromGroup,
            String fromIdeaId,
            String byPersonId,
            Instant at)
            implements DraftEvent, Creation, ParticipantText {
        @Override
        public long textBytes() {
            return RECORD
                    + ParticipantText.bytes(title, text)
                    + analysis.fields().values().stream()
                            .mapToLong(ParticipantText::bytes)
                            .sum();
        }

        @Override
        public String idName() {
            return "draftId";
        }

        @Override
        public String createdId() {
            return draftId;
        }
    }

    /** A new version; {@code fromGroup} is the group that proposed the amendment (0: the plenary). */
    record DraftAmended(
            String draftId,
            int version,
            String title,
            String text,
            Analysis analysis,
            int fromGroup,
            String note,
            String byPersonId,
            Instant at)
            implements DraftEvent, ParticipantText {
        @Override
        public long textBytes() {
            return RECORD
                    + ParticipantText.bytes(title, text, note)
                    + analysis.fields().values().stream()
                            .mapToLong(ParticipantText::bytes)
                            .sum();
        }
    }
}
