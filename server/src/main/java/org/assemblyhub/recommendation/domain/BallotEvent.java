package org.assemblyhub.recommendation.domain;

import org.assemblyhub.kernel.Creation;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.agreement.AdoptionRule;

import java.time.Instant;
import java.util.List;

/**
 * Facts about final ballots. The roll marks ({@link BallotVoted}) and the choices ({@link ChoiceSealed}) are separate
 * events with nothing in common but the ballot: no person id, command id or time is kept with a choice, and choices
 * cast together are written in a shuffled order after all the roll marks of their batch (the engine pools casts for a
 * moment for that). Choices stay sealed while the ballot is open: they enter the public chain only when it closes,
 * ordered by tracker, so nothing published tells when a choice was made.
 */
public sealed interface BallotEvent extends DomainEvent {
    /**
     * {@code roll}: the members seated when it opened; {@code entry}: the chain's first link (with the roll's salted
     * fingerprint); {@code rollSalt}: the salt (null in journals written before it was kept), for organisers' eyes.
     */
    record BallotOpened(String ballotId, BallotSpec spec, List<String> roll, AuditEntry entry, String rollSalt)
            implements BallotEvent, Creation {
        @Override
        public String idName() {
            return "ballotId";
        }

        @Override
        public String createdId() {
            return ballotId;
        }
    }

    /**
     * The roll mark: this member has voted (so a second first vote is refused). {@code owner} = {@link Trackers#owner}
     * of the member and the secret of their ballot that counts: only the holder of that secret can replace it, and
     * without the secret nothing links the mark to a tracker (null in journals written before it was kept).
     */
    record BallotVoted(String ballotId, String personId, String owner) implements BallotEvent {}

    /** A choice under its tracker, sealed until the close; {@code replaces}: the tracker it supersedes, or null. */
    record ChoiceSealed(String ballotId, String tracker, List<Integer> levels, String replaces)
            implements BallotEvent {}

    /**
     * The number of members who have voted, as shown to everyone while the ballot is open (updated at coarse
     * intervals).
     */
    record TurnoutShown(String ballotId, int turnout, Instant at) implements BallotEvent {}

    /**
     * A member who arrived after the ballot opened joins its roll (they may vote until it closes); the chain records
     * the roll's new size and fingerprint in the {@code roll-extended} link that comes with it.
     */
    record VoterAdded(String ballotId, String personId) implements BallotEvent {}

    /** The rule of the ballots opened without one from now on; ballots already open keep theirs. */
    record DefaultRuleSet(AdoptionRule rule) implements BallotEvent {}

    /** A link of the chain: opened, roll extended, accepted, superseded, closed or tallied. */
    record BallotRecorded(String ballotId, AuditEntry entry) implements BallotEvent {}
}
