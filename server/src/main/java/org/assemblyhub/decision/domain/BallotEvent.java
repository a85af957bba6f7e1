package org.assemblyhub.decision.domain;

import org.assemblyhub.assembly.domain.DomainEvent;

import java.util.List;

/**
 * Facts about final ballots. The roll marks ({@link BallotVoted}) and the choices ({@link BallotRecorded} with an
 * "accepted" entry) are separate events with nothing in common but the ballot: no person id, command id or time is
 * kept with a choice, and choices cast together are written in a shuffled order after all the roll marks of their
 * batch (the engine pools casts for a moment for that).
 */
public sealed interface BallotEvent extends DomainEvent {
    /** {@code roll}: the members seated when it opened; {@code entry}: the chain's first link (with the roll's fingerprint). */
    record BallotOpened(String ballotId, BallotSpec spec, List<String> roll, AuditEntry entry) implements BallotEvent {}

    /** The roll mark: this member has voted (so a second first vote is refused). */
    record BallotVoted(String ballotId, String personId) implements BallotEvent {}

    /** A link of the chain: accepted, superseded, closed or tallied. */
    record BallotRecorded(String ballotId, AuditEntry entry) implements BallotEvent {}
}
