package org.assemblyhub.helpdesk.domain;

import org.assemblyhub.kernel.DomainEvent;

import java.time.Instant;

/** Facts of the help desk, in the past tense. */
public sealed interface HelpdeskEvent extends DomainEvent {
    record TechCheckReported(String personId, String camera, String microphone, String connection, Instant at)
            implements HelpdeskEvent {}

    record HelpRequested(String personId, String where, Instant at) implements HelpdeskEvent {}

    record HelpRequestWithdrawn(String personId) implements HelpdeskEvent {}

    record HelpRequestAnswered(String personId, String byPersonId, Instant at) implements HelpdeskEvent {}
}
