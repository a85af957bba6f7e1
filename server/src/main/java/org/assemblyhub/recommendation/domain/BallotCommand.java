package org.assemblyhub.recommendation.domain;

import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.Pooled;
import org.assemblyhub.kernel.agreement.AdoptionRule;

import java.util.List;

/** Requests about final ballots. */
public sealed interface BallotCommand extends DomainCommand {
    /**
     * {@code draftIds}: one ballot per draft, or one ballot over several; {@code rollSalt}: random hex the roll's
     * public fingerprint is salted with (null: none), shown to organisers only.
     */
    record OpenBallot(String title, List<String> draftIds, AdoptionRule rule, String rollSalt)
            implements BallotCommand {
        public OpenBallot(String title, List<String> draftIds, AdoptionRule rule) {
            this(title, draftIds, rule, null);
        }
    }

    /** The rule of the ballots opened without one from now on (organisers; set at creation or later). */
    record SetDefaultRule(AdoptionRule rule) implements BallotCommand {}

    /**
     * A member's vote: one support level per item. {@code secret}: made by their browser (the tracker derives from
     * it); {@code previousSecret}: the secret of their earlier ballot when they change their vote.
     */
    record CastBallot(String ballotId, List<Integer> levels, String secret, String previousSecret)
            implements BallotCommand {
        /** Never the secrets: a command may end up in a log line. */
        @Override
        public String toString() {
            return "CastBallot[ballotId=" + ballotId + "]";
        }
    }

    /** Casts pooled by the engine and decided together, so that their order says nothing of who cast which. */
    record CastPooled(List<Cast> casts) implements BallotCommand, Pooled {
        @Override
        public int size() {
            return casts.size();
        }

        public record Cast(String personId, CastBallot ballot) {}
    }

    record CloseBallot(String ballotId) implements BallotCommand {}

    /** The hub's timer: show each open ballot's turnout when it moved and the interval has passed. */
    record ShowTurnout() implements BallotCommand {}

    /** A member asks where they stand in a ballot: on its roll, and whether they have voted (nothing is recorded). */
    record Standing(String ballotId) implements BallotCommand {}

    /** Looks up the state of one's own ballot from its secret (nothing is recorded). */
    record FindReceipt(String ballotId, String secret) implements BallotCommand {
        @Override
        public String toString() {
            return "FindReceipt[ballotId=" + ballotId + "]";
        }
    }
}
