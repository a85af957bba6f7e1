package org.assemblyhub.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.session.domain.SessionCommand.*;
import org.assemblyhub.session.domain.SessionEvent.*;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class SessionDeciderTest {
    static final Instant T0 = Instant.parse("2026-12-03T17:30:00Z");
    static final Actor ORGANISER = Actor.person("organiser-1", Role.ORGANISER);
    static final Actor LEAD = Actor.person("f1", Role.FACILITATOR);
    static final Actor OTHER_FACILITATOR = Actor.person("f2", Role.FACILITATOR);
    static final Actor MEMBER = Actor.person("m1", Role.MEMBER);
    static final PlannedSession EVENING = new PlannedSession(
            "evening",
            "Evening",
            List.of(
                    new PlannedSegment("plenary", "Welcome", 10, "Hello", 0),
                    new PlannedSegment("breakouts", "Round 1", 25, "Talk", 2),
                    new PlannedSegment("harvest", "Harvest", 15, "Share", 0)));

    private final List<SessionEvent> history = new ArrayList<>();
    private Verdict decision;

    private SessionDeciderTest given(SessionEvent... events) {
        history.addAll(List.of(events));
        return this;
    }

    private SessionDeciderTest givenARunningEvening() {
        return given(
                new ScriptAttached("Script", List.of(EVENING)),
                new LeadAppointed("f1"),
                new SessionStarted("evening", T0),
                new SegmentStarted(0, T0));
    }

    private SessionClock clock() {
        SessionClock clock = new SessionClock();
        history.forEach(clock::evolve);
        return clock;
    }

    private SessionDeciderTest when(Actor actor, SessionCommand command, Instant now) {
        decision = SessionDecider.decide(
                clock(), actor, command, now, id -> id.startsWith("f") || id.startsWith("organiser"));
        return this;
    }

    private void thenEvents(DomainEvent... expected) {
        assertThat(decision).isInstanceOf(Verdict.Accepted.class);
        assertThat(((Verdict.Accepted) decision).events()).containsExactly(expected);
    }

    private void thenRejected(String code) {
        assertThat(decision).isInstanceOf(Verdict.Rejected.class);
        assertThat(((Verdict.Rejected) decision).rejection().code()).isEqualTo(code);
    }

    @Test
    void the_lead_starts_a_session_at_its_first_segment() {
        given(new ScriptAttached("Script", List.of(EVENING)), new LeadAppointed("f1"))
                .when(LEAD, new StartSession("evening"), T0)
                .thenEvents(new SessionStarted("evening", T0), new SegmentStarted(0, T0));
    }

    @Test
    void only_the_lead_or_an_organiser_steers() {
        givenARunningEvening().when(OTHER_FACILITATOR, new PauseSession(), T0).thenRejected("forbidden");
        when(MEMBER, new SkipSegment(), T0).thenRejected("forbidden");
        when(ORGANISER, new PauseSession(), T0).thenEvents(new SessionPaused(T0));
    }

    @Test
    void a_session_that_is_not_in_the_script_cannot_start() {
        given(new ScriptAttached("Script", List.of(EVENING)))
                .when(ORGANISER, new StartSession("morning"), T0)
                .thenRejected("no-such-session");
    }

    @Test
    void two_sessions_cannot_run_at_once() {
        givenARunningEvening().when(LEAD, new StartSession("evening"), T0).thenRejected("session-running");
    }

    @Test
    void when_the_time_is_up_the_timer_moves_to_the_next_segment() {
        Instant end = T0.plus(Duration.ofMinutes(10));
        givenARunningEvening()
                .when(Actor.HUB, new AdvanceClock("evening", 0), end)
                .thenEvents(new SegmentStarted(1, end));
    }

    @Test
    void an_early_or_stale_timer_changes_nothing() {
        givenARunningEvening()
                .when(Actor.HUB, new AdvanceClock("evening", 0), T0.plusSeconds(599))
                .thenEvents();
        when(Actor.HUB, new AdvanceClock("evening", 1), T0.plusSeconds(9999)).thenEvents();
    }

    @Test
    void after_the_last_segment_the_session_ends() {
        Instant t = T0.plus(Duration.ofMinutes(35));
        givenARunningEvening()
                .given(new SegmentStarted(2, t))
                .when(Actor.HUB, new AdvanceClock("evening", 2), t.plus(Duration.ofMinutes(15)))
                .thenEvents(new SessionEnded(t.plus(Duration.ofMinutes(15))));
    }

    @Test
    void a_paused_clock_keeps_its_remaining_time_and_the_timer_waits() {
        givenARunningEvening().given(new SessionPaused(T0.plus(Duration.ofMinutes(4))));
        assertThat(clock().remaining(T0.plus(Duration.ofHours(2)))).isEqualTo(Duration.ofMinutes(6));
        when(Actor.HUB, new AdvanceClock("evening", 0), T0.plus(Duration.ofHours(2)))
                .thenEvents();
    }

    @Test
    void resuming_pushes_the_end_back_by_the_length_of_the_pause() {
        givenARunningEvening()
                .given(
                        new SessionPaused(T0.plus(Duration.ofMinutes(4))),
                        new SessionResumed(T0.plus(Duration.ofMinutes(7))));
        assertThat(clock().deadline()).contains(T0.plus(Duration.ofMinutes(13)));
    }

    @Test
    void extending_adds_minutes_to_the_current_segment_only() {
        givenARunningEvening().when(LEAD, new ExtendSegment(5), T0).thenEvents(new SegmentExtended(5));
        given(new SegmentExtended(5));
        assertThat(clock().deadline()).contains(T0.plus(Duration.ofMinutes(15)));
        given(new SegmentStarted(1, T0.plus(Duration.ofMinutes(15))));
        assertThat(clock().plannedMinutes()).isEqualTo(25);
    }

    @Test
    void an_extension_out_of_bounds_is_refused() {
        givenARunningEvening().when(LEAD, new ExtendSegment(0), T0).thenRejected("invalid-extension");
        when(LEAD, new ExtendSegment(31), T0).thenRejected("invalid-extension");
    }

    @Test
    void the_lead_skips_ahead_and_goes_back_with_full_time() {
        Instant t = T0.plus(Duration.ofMinutes(3));
        givenARunningEvening().when(LEAD, new SkipSegment(), t).thenEvents(new SegmentStarted(1, t));
        given(new SegmentStarted(1, t))
                .when(LEAD, new GoBack(), t.plusSeconds(60))
                .thenEvents(new SegmentStarted(0, t.plusSeconds(60)));
        given(new SegmentStarted(0, t.plusSeconds(60)));
        assertThat(clock().remaining(t.plusSeconds(60))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void there_is_nothing_before_the_first_segment() {
        givenARunningEvening().when(LEAD, new GoBack(), T0).thenRejected("first-segment");
    }

    @Test
    void steering_without_a_running_session_is_refused() {
        given(new ScriptAttached("Script", List.of(EVENING)))
                .when(ORGANISER, new PauseSession(), T0)
                .thenRejected("no-session-running");
    }

    @Test
    void a_script_cannot_be_replaced_while_a_session_runs() {
        givenARunningEvening()
                .when(ORGANISER, new AttachScript("Other", List.of(EVENING)), T0)
                .thenRejected("session-running");
    }

    @Test
    void only_a_facilitator_or_organiser_can_be_appointed_lead() {
        given().when(ORGANISER, new AppointLead("m1"), T0).thenRejected("not-a-facilitator");
        when(ORGANISER, new AppointLead("f2"), T0).thenEvents(new LeadAppointed("f2"));
        when(LEAD, new AppointLead("f2"), T0).thenRejected("forbidden");
    }
}
