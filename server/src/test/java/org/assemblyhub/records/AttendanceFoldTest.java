package org.assemblyhub.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.Capabilities;
import org.assemblyhub.assembly.domain.AssemblyEvent.AssemblyCreated;
import org.assemblyhub.assembly.domain.AssemblyEvent.PeopleAdded;
import org.assemblyhub.assembly.domain.AssemblyEvent.PersonConnected;
import org.assemblyhub.assembly.domain.AssemblyEvent.PersonDisconnected;
import org.assemblyhub.assembly.domain.AssemblyEvent.PhoneOnlyMarked;
import org.assemblyhub.assembly.domain.AssemblyEvent.PresenceReset;
import org.assemblyhub.breakout.domain.AllocationQuality;
import org.assemblyhub.breakout.domain.BreakoutEvent.BreakoutsClosed;
import org.assemblyhub.breakout.domain.BreakoutEvent.BreakoutsOpened;
import org.assemblyhub.breakout.domain.BreakoutEvent.BreakoutsPlanned;
import org.assemblyhub.breakout.domain.BreakoutEvent.MemberMoved;
import org.assemblyhub.breakout.domain.Group;
import org.assemblyhub.engine.Rules;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.session.domain.PlannedSession;
import org.assemblyhub.session.domain.SessionEvent.ScriptAttached;
import org.assemblyhub.session.domain.SessionEvent.SegmentStarted;
import org.assemblyhub.session.domain.SessionEvent.SessionEnded;
import org.assemblyhub.session.domain.SessionEvent.SessionStarted;
import org.assemblyhub.testing.Given;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The attendance fold, given recorded events with their times, through the rules the engine applies. */
class AttendanceFoldTest {
    private static final Instant T0 = Instant.parse("2026-12-03T18:00:00Z");
    private static final AllocationQuality NONE = new AllocationQuality(Map.of(), Map.of(), 0, 0);

    private final Rules rules = new Rules(Capabilities.standard());
    private final Model model = rules.newModel();
    private final AttendanceFold fold = new AttendanceFold();

    /** Records {@code event} at T0 plus {@code minutes}. */
    private void at(int minutes, DomainEvent event) {
        rules.evolve(model, event);
        fold.accept(T0.plusSeconds(60L * minutes), event, model);
    }

    private void anEveningWithFourMembers() {
        at(-120, new AssemblyCreated("a1", "Climate", "How?", true, null, null));
        at(
                -120,
                new PeopleAdded(List.of(
                        Given.person("organiser-1", Role.ORGANISER),
                        Given.person("f1", Role.FACILITATOR),
                        Given.person("m1", Role.MEMBER),
                        Given.person("m2", Role.MEMBER),
                        Given.person("m3", Role.MEMBER),
                        Given.person("m4", Role.MEMBER))));
        PlannedSession evening = new PlannedSession(
                "evening",
                "First evening",
                List.of(new PlannedSegment("plenary", "Welcome", 60, null, 0)),
                null,
                T0.minusSeconds(300));
        at(-100, new ScriptAttached("Script", List.of(evening)));
        at(-60, new PhoneOnlyMarked("m4", true));
    }

    private Map<String, AttendanceRow> byPerson(Instant now) {
        return fold.rows(model.roster(), now).stream()
                .collect(Collectors.toMap(AttendanceRow::personId, Function.identity()));
    }

    @Test
    void connections_overlapping_the_session_count_within_it_once_each_and_a_restart_closes_them() {
        anEveningWithFourMembers();
        at(-10, new PersonConnected("m1", T0.minusSeconds(600)));
        at(0, new SessionStarted("evening", T0));
        at(0, new SegmentStarted(0, T0));
        at(5, new PersonConnected("m2", T0.plusSeconds(300)));
        at(6, new PersonConnected("m2", T0.plusSeconds(360))); // a second device: still one connection
        at(20, new PersonDisconnected("m2", T0.plusSeconds(1200)));
        at(40, new PresenceReset()); // the hub restarted: everyone's sockets were gone
        at(50, new PersonConnected("m1", T0.plusSeconds(3000)));
        at(60, new SessionEnded(T0.plusSeconds(3600)));
        at(70, new PersonDisconnected("m1", T0.plusSeconds(4200)));

        Map<String, AttendanceRow> rows = byPerson(T0.plusSeconds(9000));

        assertThat(rows).containsOnlyKeys("organiser-1", "f1", "m1", "m2", "m3", "m4");
        AttendanceRow m1 = rows.get("m1");
        assertThat(m1.sessionId()).isEqualTo("evening");
        assertThat(m1.sessionTitle()).isEqualTo("First evening");
        assertThat(m1.plannedStart()).isEqualTo(T0.minusSeconds(300));
        assertThat(m1.startedAt()).isEqualTo(T0);
        assertThat(m1.endedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(m1.present()).isEqualTo(AttendanceRow.Present.YES);
        assertThat(m1.firstJoined()).as("already there when it started").isEqualTo(T0);
        assertThat(m1.lastLeft()).as("still there when it ended").isEqualTo(T0.plusSeconds(3600));
        assertThat(m1.minutes()).as("0–40 until the restart, then 50–60").isEqualTo(50);
        AttendanceRow m2 = rows.get("m2");
        assertThat(m2.firstJoined()).isEqualTo(T0.plusSeconds(300));
        assertThat(m2.lastLeft()).isEqualTo(T0.plusSeconds(1200));
        assertThat(m2.minutes()).as("two devices at once count once").isEqualTo(15);
        assertThat(m2.name()).isEqualTo("Name of m2");
        assertThat(m2.role()).isEqualTo("member");
    }

    @Test
    void a_member_who_never_came_is_absent_and_a_phone_only_member_is_unknown_rather_than_absent() {
        anEveningWithFourMembers();
        at(0, new SessionStarted("evening", T0));
        at(0, new SegmentStarted(0, T0));
        at(60, new SessionEnded(T0.plusSeconds(3600)));

        Map<String, AttendanceRow> rows = byPerson(T0.plusSeconds(9000));

        AttendanceRow never = rows.get("m3");
        assertThat(never.present()).isEqualTo(AttendanceRow.Present.NO);
        assertThat(never.phoneOnly()).isFalse();
        assertThat(never.minutes()).isZero();
        assertThat(never.firstJoined()).isNull();
        assertThat(never.lastLeft()).isNull();
        AttendanceRow phone = rows.get("m4");
        assertThat(phone.phoneOnly()).isTrue();
        assertThat(phone.present()).isEqualTo(AttendanceRow.Present.UNKNOWN);
    }

    @Test
    void the_groups_are_those_people_sat_in_or_were_moved_to_during_the_session_only() {
        anEveningWithFourMembers();
        List<Group> groups =
                List.of(new Group(1, "f1", null, List.of("m1", "m2")), new Group(2, null, null, List.of("m3", "m4")));
        at(-30, new BreakoutsPlanned(1, 7, groups, NONE, NONE));
        at(-30, new BreakoutsOpened(1, T0.minusSeconds(1800)));
        at(-20, new BreakoutsClosed(1, T0.minusSeconds(1200)));
        at(0, new SessionStarted("evening", T0));
        at(0, new SegmentStarted(0, T0));
        at(10, new BreakoutsPlanned(2, 8, groups, NONE, NONE));
        at(10, new BreakoutsOpened(2, T0.plusSeconds(600)));
        at(15, new MemberMoved("m2", 2));
        at(30, new BreakoutsClosed(2, T0.plusSeconds(1800)));
        at(60, new SessionEnded(T0.plusSeconds(3600)));

        Map<String, AttendanceRow> rows = byPerson(T0.plusSeconds(9000));

        assertThat(rows.get("m1").groups()).as("round 1 was before the session").containsExactly("2:1");
        assertThat(rows.get("m2").groups()).containsExactly("2:1", "2:2");
        assertThat(rows.get("f1").groups()).as("its facilitator").containsExactly("2:1");
        assertThat(rows.get("m4").groups()).containsExactly("2:2");
        assertThat(rows.get("organiser-1").groups()).isEmpty();
    }

    @Test
    void a_session_still_running_counts_those_connected_until_now_with_no_end_and_no_last_left() {
        anEveningWithFourMembers();
        at(0, new SessionStarted("evening", T0));
        at(0, new SegmentStarted(0, T0));
        at(12, new PersonConnected("m1", T0.plusSeconds(720)));

        AttendanceRow m1 = byPerson(T0.plusSeconds(1800)).get("m1");

        assertThat(m1.endedAt()).isNull();
        assertThat(m1.minutes()).isEqualTo(18);
        assertThat(m1.firstJoined()).isEqualTo(T0.plusSeconds(720));
        assertThat(m1.lastLeft()).isNull();
    }

    @Test
    void no_session_held_means_no_rows() {
        anEveningWithFourMembers();
        at(5, new PersonConnected("m1", T0.plusSeconds(300)));

        assertThat(fold.rows(model.roster(), T0.plusSeconds(900))).isEmpty();
    }
}
