package org.assemblyhub.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** When reminders are due: a day before (until the last hour), an hour before (until the start), never after. */
class ReminderPlanTest {
    static final Instant START = Instant.parse("2026-03-03T17:30:00Z");
    static final ReminderPlan.Session SESSION = new ReminderPlan.Session("s1", "Learning", START, false, false);

    static MessageKind at(Duration before) {
        return ReminderPlan.window(SESSION, START.minus(before));
    }

    @Test
    void the_day_reminder_runs_from_24_hours_to_one_hour_before_the_start() {
        assertThat(at(Duration.ofHours(25))).isNull();
        assertThat(at(Duration.ofHours(24))).isEqualTo(MessageKind.REMINDER_DAY);
        assertThat(at(Duration.ofMinutes(61))).isEqualTo(MessageKind.REMINDER_DAY);
    }

    @Test
    void the_hour_reminder_runs_in_the_last_hour_and_nothing_once_the_session_began() {
        assertThat(at(Duration.ofHours(1))).isEqualTo(MessageKind.REMINDER_HOUR);
        assertThat(at(Duration.ofSeconds(1))).isEqualTo(MessageKind.REMINDER_HOUR);
        assertThat(at(Duration.ZERO)).isNull();
        assertThat(ReminderPlan.window(SESSION, START.plusSeconds(60))).isNull();
    }

    @Test
    void a_session_without_a_planned_start_held_or_running_gets_no_reminder() {
        Instant now = START.minus(Duration.ofHours(2));
        List<ReminderPlan.Session> sessions = List.of(
                SESSION,
                new ReminderPlan.Session("s2", "No date", null, false, false),
                new ReminderPlan.Session("s3", "Held", START, true, false),
                new ReminderPlan.Session("s4", "Running", START, false, true));

        assertThat(ReminderPlan.due(sessions, now))
                .extracting(d -> d.session().id() + " " + d.kind().wire())
                .containsExactly("s1 reminder-day");
    }

    @Test
    void a_day_reminder_still_owed_in_the_last_hour_is_no_longer_worth_sending() {
        Instant lastHour = START.minus(Duration.ofMinutes(30));

        assertThat(ReminderPlan.stillUseful(MessageKind.REMINDER_DAY, SESSION, lastHour))
                .isFalse();
        assertThat(ReminderPlan.stillUseful(MessageKind.REMINDER_HOUR, SESSION, lastHour))
                .isTrue();
        assertThat(ReminderPlan.stillUseful(MessageKind.REMINDER_HOUR, null, lastHour))
                .isFalse();
    }
}
