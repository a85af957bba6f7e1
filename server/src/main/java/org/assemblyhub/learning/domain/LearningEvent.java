package org.assemblyhub.learning.domain;

import org.assemblyhub.kernel.Creation;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.OffersCard;
import org.assemblyhub.kernel.ParticipantText;
import org.assemblyhub.kernel.PersonalData;
import org.assemblyhub.kernel.PersonalField;

import java.time.Instant;
import java.util.List;

/** Facts of the learning phase: materials published, progress made, tasks answered, questions put to experts. */
public sealed interface LearningEvent extends DomainEvent {
    record FileStored(StoredFile file, Instant at) implements LearningEvent {}

    record ModulePublished(Module module, Instant at) implements LearningEvent, Creation {
        @Override
        public String idName() {
            return "moduleId";
        }

        @Override
        public String createdId() {
            return module.id();
        }
    }

    record ItemPublished(Item item, String byPersonId, Instant at) implements LearningEvent, Creation, ParticipantText {
        @Override
        public String text() {
            return item.title();
        }

        @Override
        public String idName() {
            return "itemId";
        }

        @Override
        public String createdId() {
            return item.id();
        }
    }

    record ItemWithdrawn(String itemId, Instant at) implements LearningEvent {}

    /** Items whose opening date has come (recorded by the hub's timer, or at once when published with a past date). */
    record ItemsOpened(List<String> itemIds, Instant at) implements LearningEvent {
        public ItemsOpened {
            itemIds = List.copyOf(itemIds);
        }
    }

    record LearningOptionsSet(boolean namedProgress) implements LearningEvent {}

    /** {@code watched}: marked by the player after most of the video was played, not by hand. */
    record ItemDone(String personId, String itemId, boolean watched, Instant at)
            implements LearningEvent, ParticipantText {
        @Override
        public String byPersonId() {
            return personId;
        }

        @Override
        public String text() {
            return null;
        }
    }

    record ItemUndone(String personId, String itemId, Instant at) implements LearningEvent, ParticipantText {
        @Override
        public String byPersonId() {
            return personId;
        }

        @Override
        public String text() {
            return null;
        }
    }

    /** {@code text} for written tasks, {@code choices} for a quiz (one option index per question). */
    record TaskAnswered(String personId, String itemId, String text, List<Integer> choices, Instant at)
            implements LearningEvent, ParticipantText, PersonalData {
        @Override
        public List<PersonalField> personalFields() {
            return text == null ? List.of() : List.of(PersonalData.text(personId, "/text"));
        }

        public TaskAnswered {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        @Override
        public String byPersonId() {
            return personId;
        }
    }

    /** A facilitator brought a member's answer into their open group's workspace (the board adds the card). */
    record AnswerBrought(
            String itemId,
            String personId,
            String broughtBy,
            int round,
            int group,
            String text,
            OffersCard.CardSource source,
            Instant at)
            implements LearningEvent, OffersCard {
        @Override
        public String byPersonId() {
            return personId;
        }
    }

    /** {@code group}: where the asker sits, or their learning group (0: none); {@code inGroup}: asked in a group. */
    record QuestionAsked(String questionId, String personId, int group, boolean inGroup, String text, Instant at)
            implements LearningEvent, Creation, ParticipantText, PersonalData {
        @Override
        public List<PersonalField> personalFields() {
            return List.of(PersonalData.text(personId, "/text"));
        }

        @Override
        public String idName() {
            return "questionId";
        }

        @Override
        public String createdId() {
            return questionId;
        }

        @Override
        public String byPersonId() {
            return personId;
        }
    }

    record QuestionUpvoted(String questionId, String personId, boolean vote, Instant at)
            implements LearningEvent, ParticipantText {
        @Override
        public String byPersonId() {
            return personId;
        }

        @Override
        public String text() {
            return null;
        }
    }

    record QuestionApproved(String questionId, String byPersonId, Instant at) implements LearningEvent {}

    /**
     * A moderator's rewording of the asker's question: still the asker's words, so sealed under their key.
     * {@code askerId} is null in journals written before it was recorded (their text stays as it was written).
     */
    record QuestionEdited(String questionId, String askerId, String text, String note, String byPersonId, Instant at)
            implements LearningEvent, PersonalData {
        @Override
        public List<PersonalField> personalFields() {
            return askerId == null || text == null ? List.of() : List.of(PersonalData.text(askerId, "/text"));
        }
    }

    record QuestionHidden(String questionId, String reason, String byPersonId, Instant at) implements LearningEvent {}

    record QuestionsMerged(String questionId, String intoId, String byPersonId, Instant at) implements LearningEvent {}

    /** {@code text}: a written answer; null when answered live. */
    record QuestionAnswered(String questionId, String text, String byPersonId, Instant at)
            implements LearningEvent, ParticipantText {}

    /** {@code fromScript}: opened by a script segment with {@code qa: true} (closed when the clock leaves it). */
    record QaOpened(String title, boolean fromScript, Instant at) implements LearningEvent {}

    record QaClosed(Instant at) implements LearningEvent {}
}
