package org.assemblyhub.breakout.workspace;

import org.assemblyhub.kernel.Creation;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.OffersCard;
import org.assemblyhub.kernel.ParticipantText;
import org.assemblyhub.kernel.PersonalData;
import org.assemblyhub.kernel.PersonalField;

import java.time.Instant;
import java.util.List;

/** Facts about what groups produce and share: notes, idea cards, the speaking queue, help calls, the harvest board. */
public sealed interface WorkspaceEvent extends DomainEvent {
    /** {@code text}: the notes after the edit (merged with edits made meanwhile); {@code at} null in older journals. */
    record NotesEdited(int round, int group, String text, String byPersonId, Instant at)
            implements WorkspaceEvent, ParticipantText {}

    /** {@code source}: where a card brought from elsewhere comes from (null: written in the group). */
    record IdeaAdded(
            String ideaId,
            int round,
            int group,
            String text,
            String byPersonId,
            Instant at,
            OffersCard.CardSource source)
            implements WorkspaceEvent, Creation, ParticipantText {
        public IdeaAdded(String ideaId, int round, int group, String text, String byPersonId, Instant at) {
            this(ideaId, round, group, text, byPersonId, at, null);
        }

        @Override
        public String idName() {
            return "ideaId";
        }

        @Override
        public String createdId() {
            return ideaId;
        }
    }

    /** {@code byPersonId}: null in journals written before it was kept. */
    record IdeaEdited(String ideaId, String text, String byPersonId) implements WorkspaceEvent, ParticipantText {}

    record IdeaStarred(String ideaId, boolean starred) implements WorkspaceEvent {}

    /** {@code fromId} is folded into {@code intoId} (its text appended) and disappears. */
    record IdeasMerged(String intoId, String fromId) implements WorkspaceEvent {}

    /**
     * {@code note}: what the person typed with their hand ("I'd like to answer Marie"); {@code messageId}: their chat
     * message they ask to have read out; both null in older journals and for a bare hand. Raised again by someone
     * already waiting, it updates their request and keeps their place.
     */
    record HandRaised(int round, int group, String personId, Instant at, String note, String messageId)
            implements WorkspaceEvent, ParticipantText, PersonalData {
        public HandRaised(int round, int group, String personId, Instant at) {
            this(round, group, personId, at, null, null);
        }

        @Override
        public List<PersonalField> personalFields() {
            return note == null ? List.of() : List.of(PersonalData.text(personId, "/note"));
        }

        @Override
        public String byPersonId() {
            return personId;
        }

        @Override
        public String text() {
            return note;
        }
    }

    record HandLowered(String personId) implements WorkspaceEvent, ParticipantText {
        @Override
        public String byPersonId() {
            return personId;
        }

        @Override
        public String text() {
            return null;
        }
    }

    /** The facilitator gives the floor to someone (ending the previous turn) or to nobody ({@code personId} null). */
    record FloorGiven(int round, int group, String personId, Instant at) implements WorkspaceEvent {}

    /** A message in a group's chat. */
    record MessagePosted(String messageId, int round, int group, String text, String byPersonId, Instant at)
            implements WorkspaceEvent, Creation, ParticipantText, PersonalData {
        @Override
        public List<PersonalField> personalFields() {
            return List.of(PersonalData.text(byPersonId, "/text"));
        }

        @Override
        public String idName() {
            return "messageId";
        }

        @Override
        public String createdId() {
            return messageId;
        }
    }

    /** A facilitator hid a chat message: its text leaves every view and report, replaced by the reason. */
    record MessageHidden(String messageId, String reason, String byPersonId, Instant at)
            implements WorkspaceEvent, ParticipantText {
        @Override
        public String text() {
            return reason;
        }
    }

    record HelpCalled(int round, int group, String byPersonId, Instant at) implements WorkspaceEvent, ParticipantText {
        @Override
        public String text() {
            return null;
        }
    }

    record HelpAnswered(int round, int group, String byPersonId) implements WorkspaceEvent {}

    /** A group's idea goes to the plenary harvest board, with its provenance (group and round). */
    record IdeaPromoted(String ideaId, Instant at) implements WorkspaceEvent {}

    record HarvestPublished(String ideaId) implements WorkspaceEvent {}
}
