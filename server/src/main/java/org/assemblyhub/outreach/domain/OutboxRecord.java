package org.assemblyhub.outreach.domain;

import java.time.Instant;

/**
 * One line of an assembly's outbox, in the past tense like the journal's events. No record holds a message's text or
 * a personal link: the text is written again from the assembly's state each time it is sent, so the outbox (and the
 * organiser's log read from it) never grants anyone access.
 */
public sealed interface OutboxRecord {
    String id();

    Instant at();

    /**
     * A message to send: to whom ({@code to}, the contact when it was queued), in which language; {@code sessionId}
     * for reminders, {@code note} the organiser's words for results (both may be null).
     */
    record Queued(
            String id,
            MessageKind kind,
            String personId,
            Channel channel,
            String to,
            String language,
            String sessionId,
            String note,
            Instant at)
            implements OutboxRecord {}

    /** The server (SMTP or the SMS gateway) took the message: it is never sent again. */
    record Sent(String id, Instant at) implements OutboxRecord {}

    /** A try failed for a reason that may pass (server down, busy, 4xx); the next is due at {@code retryAt}. */
    record Failed(String id, String reason, Instant retryAt, Instant at) implements OutboxRecord {}

    /** The server refused the recipient for good (5xx): reported to the organiser as a bounce. */
    record Bounced(String id, String reason, Instant at) implements OutboxRecord {}

    /** Not sent and never will be: too many tries, too late for a reminder, or no link left to send. */
    record Dropped(String id, String reason, Instant at) implements OutboxRecord {}

    /** The organiser turned reminders on or off for the assembly ({@code id} is empty). */
    record RemindersSet(String id, boolean on, Instant at) implements OutboxRecord {}

    /** A member stopped (or restarted) their own reminders from the link in them ({@code id} is empty). */
    record MemberReminders(String id, String personId, boolean on, Instant at) implements OutboxRecord {}
}
