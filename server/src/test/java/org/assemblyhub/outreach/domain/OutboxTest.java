package org.assemblyhub.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.outreach.domain.OutboxRecord.*;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The outbox as a fold: given records, what is owed, when, and what counts as done. */
class OutboxTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    static Queued queued(String id, MessageKind kind, String person, String session) {
        return new Queued(id, kind, person, Channel.EMAIL, person + "@example.org", "fr", session, null, T);
    }

    @Test
    void a_queued_message_is_owed_at_once_and_a_sent_one_never_again() {
        Outbox box = Outbox.of(List.of(
                queued("m1", MessageKind.INVITATION, "ana", null),
                queued("m2", MessageKind.INVITATION, "ben", null),
                new Sent("m2", T.plusSeconds(1))));

        assertThat(box.due(T)).extracting(Outbox.Message::id).containsExactly("m1");
        assertThat(box.message("m2").status()).isEqualTo(Outbox.Status.SENT);
        assertThat(box.reached(MessageKind.INVITATION, "ben")).isTrue();
    }

    @Test
    void a_failed_try_is_owed_again_at_its_retry_time_and_counts_its_failures() {
        Outbox box = Outbox.of(List.of(
                queued("m1", MessageKind.INVITATION, "ana", null),
                new Failed("m1", "connection refused", T.plusSeconds(30), T),
                new Failed("m1", "connection refused", T.plusSeconds(90), T.plusSeconds(30))));

        assertThat(box.due(T.plusSeconds(89))).isEmpty();
        assertThat(box.due(T.plusSeconds(90))).hasSize(1);
        assertThat(box.message("m1").failures()).isEqualTo(2);
        assertThat(box.message("m1").reason()).isEqualTo("connection refused");
    }

    @Test
    void a_bounce_or_a_drop_ends_a_message_and_a_later_record_changes_nothing() {
        Outbox box = Outbox.of(List.of(
                queued("m1", MessageKind.INVITATION, "ana", null),
                new Bounced("m1", "550 no such mailbox", T),
                new Sent("m1", T.plusSeconds(5)),
                queued("m2", MessageKind.RESULTS, "ben", null),
                new Dropped("m2", "gave-up: down", T)));

        assertThat(box.message("m1").status()).isEqualTo(Outbox.Status.BOUNCED);
        assertThat(box.message("m2").status()).isEqualTo(Outbox.Status.DROPPED);
        assertThat(box.due(T.plusSeconds(3600))).isEmpty();
        assertThat(box.reached(MessageKind.INVITATION, "ana"))
                .as("a bounced invitation may be sent again")
                .isFalse();
    }

    @Test
    void a_reminder_is_remembered_whatever_became_of_it_and_reminders_follow_the_last_setting() {
        Outbox box = Outbox.of(List.of(
                new RemindersSet("", true, T),
                queued("m1", MessageKind.REMINDER_DAY, "ana", "s1"),
                new Dropped("m1", "too-late", T),
                new RemindersSet("", false, T)));

        assertThat(box.reminded(MessageKind.REMINDER_DAY, "s1", "ana")).isTrue();
        assertThat(box.reminded(MessageKind.REMINDER_HOUR, "s1", "ana")).isFalse();
        assertThat(box.reminded(MessageKind.REMINDER_DAY, "s2", "ana")).isFalse();
        assertThat(box.remindersOn()).isFalse();
        assertThat(box.remindersChosen()).as("the organiser's choice stands").isTrue();
        assertThat(new Outbox().remindersChosen()).isFalse();
    }

    @Test
    void the_pause_between_tries_doubles_up_to_half_an_hour() {
        Duration first = Duration.ofSeconds(30);

        assertThat(Outbox.pause(first, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Outbox.pause(first, 2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Outbox.pause(first, 4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Outbox.pause(first, 20)).isEqualTo(Outbox.MAX_PAUSE);
    }
}
