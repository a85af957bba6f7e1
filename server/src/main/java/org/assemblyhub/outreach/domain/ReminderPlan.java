package org.assemblyhub.outreach.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When reminders go: a day before a planned session (from 24 hours to one hour before its start) and an hour before
 * (the last hour). A hub that was down through the first window sends only the second; a session that started, ran or
 * was held gets none.
 */
public final class ReminderPlan {
    public static final Duration DAY = Duration.ofHours(24);
    public static final Duration HOUR = Duration.ofHours(1);

    private ReminderPlan() {}

    /** A planned session as the reminders need it (from the agenda's calendar). */
    public record Session(String id, String title, Instant plannedStart, boolean held, boolean running) {}

    public record Due(Session session, MessageKind kind) {}

    public static List<Due> due(List<Session> sessions, Instant now) {
        List<Due> due = new ArrayList<>();
        for (Session s : sessions) {
            MessageKind kind = window(s, now);
            if (kind != null) due.add(new Due(s, kind));
        }
        return due;
    }

    /** Which reminder's window {@code now} is in for this session, or null. */
    public static MessageKind window(Session s, Instant now) {
        if (s.plannedStart() == null || s.held() || s.running() || !now.isBefore(s.plannedStart())) return null;
        if (!now.isBefore(s.plannedStart().minus(HOUR))) return MessageKind.REMINDER_HOUR;
        if (!now.isBefore(s.plannedStart().minus(DAY))) return MessageKind.REMINDER_DAY;
        return null;
    }

    /**
     * Whether a queued reminder is still worth sending at {@code now}: in its own window (a day's reminder still owed
     * when the last hour begins gives way to the hour's), never once its session started.
     */
    public static boolean stillUseful(MessageKind kind, Session s, Instant now) {
        return s != null && window(s, now) == kind;
    }
}
