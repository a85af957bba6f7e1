package org.assemblyhub.engine;

import org.assemblyhub.kernel.DomainEvent;

import java.time.Instant;

/**
 * An event as the journal keeps it: its seq, when it was recorded and which command produced it. The command key
 * ({@code personId:clientId}) lets a retried command be answered from the journal after a restart.
 */
public record RecordedEvent(long seq, Instant at, String commandKey, DomainEvent event) {}
