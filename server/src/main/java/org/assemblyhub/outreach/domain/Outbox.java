package org.assemblyhub.outreach.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fold of one assembly's outbox: each message with where it stands. Whatever was queued and is neither sent,
 * bounced nor dropped is still owed, also after a restart.
 */
public final class Outbox {
    /** Tries before a message is dropped: with doubling pauses capped at {@link #MAX_PAUSE}, more than half a day. */
    public static final int MAX_TRIES = 30;

    public static final Duration MAX_PAUSE = Duration.ofMinutes(30);

    /** Why a message of someone erased was dropped, and all its record says of them once forgotten. */
    public static final String ERASED = "erased";

    public enum Status {
        QUEUED,
        RETRYING,
        SENT,
        BOUNCED,
        DROPPED;

        public String wire() {
            return name().toLowerCase();
        }

        public boolean owed() {
            return this == QUEUED || this == RETRYING;
        }
    }

    /** A message and its state; {@code reason}: the last failure, the bounce, or why it was dropped. */
    public record Message(
            OutboxRecord.Queued queued, Status status, int failures, Instant nextTry, String reason, Instant updated) {
        public String id() {
            return queued.id();
        }
    }

    private final Map<String, Message> messages = new LinkedHashMap<>();
    /** Every reminder ever queued, by kind, session and person: each goes once. */
    private final Set<String> reminders = new HashSet<>();

    /** Members who stopped their own reminders. */
    private final Set<String> stopped = new HashSet<>();

    private boolean remindersOn;
    private boolean remindersChosen;

    public static Outbox of(Iterable<OutboxRecord> records) {
        Outbox outbox = new Outbox();
        records.forEach(outbox::evolve);
        return outbox;
    }

    public void evolve(OutboxRecord record) {
        if (record instanceof OutboxRecord.RemindersSet r) {
            remindersOn = r.on();
            remindersChosen = true;
            return;
        }
        if (record instanceof OutboxRecord.MemberReminders r) {
            if (r.on()) stopped.remove(r.personId());
            else stopped.add(r.personId());
            return;
        }
        if (record instanceof OutboxRecord.Queued q) {
            messages.putIfAbsent(q.id(), new Message(q, Status.QUEUED, 0, q.at(), null, q.at()));
            if (q.kind().isReminder()) reminders.add(reminderKey(q.kind(), q.sessionId(), q.personId()));
            return;
        }
        Message m = messages.get(record.id());
        if (m != null && m.status() == Status.SENT && record instanceof OutboxRecord.Bounced b) {
            // A late bounce: the server took the message, and the recipient's server sent it back later.
            put(new Message(m.queued(), Status.BOUNCED, m.failures(), null, b.reason(), b.at()));
            return;
        }
        if (m == null || !m.status().owed()) return; // a record after the end (a torn write replayed): no change
        if (record instanceof OutboxRecord.Sent s) {
            put(new Message(m.queued(), Status.SENT, m.failures(), null, null, s.at()));
        } else if (record instanceof OutboxRecord.Failed f) {
            put(new Message(m.queued(), Status.RETRYING, m.failures() + 1, f.retryAt(), f.reason(), f.at()));
        } else if (record instanceof OutboxRecord.Bounced b) {
            put(new Message(m.queued(), Status.BOUNCED, m.failures(), null, b.reason(), b.at()));
        } else if (record instanceof OutboxRecord.Dropped d) {
            put(new Message(m.queued(), Status.DROPPED, m.failures(), null, d.reason(), d.at()));
        }
    }

    private void put(Message m) {
        messages.put(m.id(), m);
    }

    public boolean remindersOn() {
        return remindersOn;
    }

    /** Whether reminders were ever turned on or off (the first invitations turn them on, once). */
    public boolean remindersChosen() {
        return remindersChosen;
    }

    /** Whether this member stopped their own reminders (from the link in them). */
    public boolean remindersStopped(String personId) {
        return stopped.contains(personId);
    }

    /** The members who stopped their own reminders, for the organiser's log. */
    public Set<String> remindersStopped() {
        return Collections.unmodifiableSet(stopped);
    }

    public Collection<Message> messages() {
        return Collections.unmodifiableCollection(messages.values());
    }

    public Message message(String id) {
        return messages.get(id);
    }

    /** Messages owed whose next try has come, oldest first. */
    public List<Message> due(Instant now) {
        List<Message> due = new ArrayList<>();
        for (Message m : messages.values())
            if (m.status().owed() && !m.nextTry().isAfter(now)) due.add(m);
        return due;
    }

    /** Whether this reminder was ever queued (a reminder goes once, whatever became of it). */
    public boolean reminded(MessageKind kind, String sessionId, String personId) {
        return reminders.contains(reminderKey(kind, sessionId, personId));
    }

    /** Those of {@code erased} whose address (or a server's words, which may name it) the outbox still holds. */
    public Set<String> stillHeld(Set<String> erased) {
        Set<String> held = new HashSet<>();
        for (Message m : messages.values()) {
            boolean words = m.reason() != null && !m.reason().equals(ERASED);
            if (erased.contains(m.queued().personId()) && (m.queued().to() != null || words))
                held.add(m.queued().personId());
        }
        return held;
    }

    /** Whether this person has a message of this kind queued or sent (bounced or dropped ones do not count). */
    public boolean reached(MessageKind kind, String personId) {
        for (Message m : messages.values()) {
            if (m.queued().kind() == kind
                    && m.queued().personId().equals(personId)
                    && (m.status().owed() || m.status() == Status.SENT)) return true;
        }
        return false;
    }

    private static String reminderKey(MessageKind kind, String sessionId, String personId) {
        return kind.wire() + "\n" + sessionId + "\n" + personId;
    }

    /** The pause before the next try after {@code failures} failed ones: doubling from {@code first}, capped. */
    public static Duration pause(Duration first, int failures) {
        Duration pause = first;
        for (int i = 1; i < failures && pause.compareTo(MAX_PAUSE) < 0; i++) pause = pause.multipliedBy(2);
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}
