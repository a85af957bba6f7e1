package org.assemblyhub.poll.domain;

import org.assemblyhub.kernel.Creation;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.ParticipantText;
import org.assemblyhub.kernel.PersonalData;
import org.assemblyhub.kernel.PersonalField;

import java.time.Instant;
import java.util.List;

/** Facts about polls and consensus rounds. */
public sealed interface PollEvent extends DomainEvent {
    /**
     * @param roll     the people who may answer, fixed at opening (its size is the quorum's base)
     * @param round    for consensus rounds: 1 for the first round on this subject, then 2, 3…
     * @param closesAt when its timer closes it (null: closed by hand)
     * @param breakoutRound the breakout round a group's poll belongs to (group numbers restart every round; 0 for
     *                      plenary polls, and in journals written before it was kept)
     */
    record PollOpened(
            String pollId,
            PollSpec spec,
            List<String> roll,
            int round,
            String openedBy,
            Instant at,
            Instant closesAt,
            int breakoutRound)
            implements PollEvent, Creation {
        @Override
        public String idName() {
            return "pollId";
        }

        @Override
        public String createdId() {
            return pollId;
        }
    }

    /**
     * A person's answer; a later one from the same person replaces it. {@code group}: their group then (0: plenary).
     */
    record PollAnswered(String pollId, String personId, int group, Answer answer, Instant at)
            implements PollEvent, ParticipantText, PersonalData {
        /** An open answer's words are theirs; their choices are not personal (and their count must survive). */
        @Override
        public List<PersonalField> personalFields() {
            return answer.text() == null ? List.of() : List.of(PersonalData.text(personId, "/answer/text"));
        }

        @Override
        public String byPersonId() {
            return personId;
        }

        @Override
        public String text() {
            return answer.text();
        }

        @Override
        public long textBytes() {
            return RECORD + ParticipantText.bytes(answer.text()); // choices alone cost a record too
        }
    }

    record PollClosed(String pollId, Instant at, String closedBy) implements PollEvent {}
}
