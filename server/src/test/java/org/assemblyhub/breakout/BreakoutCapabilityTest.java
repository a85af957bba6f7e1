package org.assemblyhub.breakout;

import static org.assemblyhub.testing.Given.LEAD;
import static org.assemblyhub.testing.Given.NOW;
import static org.assemblyhub.testing.Given.givenAnAssembly;
import static org.assemblyhub.testing.Given.present;
import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.assembly.domain.AssemblyEvent.PeopleAdded;
import org.assemblyhub.breakout.domain.BreakoutCommand.AllowGroupExtensions;
import org.assemblyhub.breakout.domain.BreakoutCommand.ExtendGroup;
import org.assemblyhub.breakout.domain.BreakoutCommand.LeaveGroup;
import org.assemblyhub.breakout.domain.BreakoutCommand.VisitGroup;
import org.assemblyhub.breakout.domain.BreakoutEvent.BreakoutsClosed;
import org.assemblyhub.breakout.domain.BreakoutEvent.BreakoutsOpened;
import org.assemblyhub.breakout.domain.BreakoutEvent.BreakoutsPlanned;
import org.assemblyhub.breakout.domain.BreakoutEvent.GroupExtended;
import org.assemblyhub.breakout.domain.BreakoutEvent.GroupVisited;
import org.assemblyhub.breakout.domain.BreakoutEvent.GroupsReturned;
import org.assemblyhub.breakout.domain.BreakoutEvent.MemberMoved;
import org.assemblyhub.breakout.domain.Group;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.kernel.Presence;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.session.domain.PlannedSession;
import org.assemblyhub.session.domain.SessionCommand.AdvanceClock;
import org.assemblyhub.session.domain.SessionCommand.SkipSegment;
import org.assemblyhub.session.domain.SessionEvent.LeadAppointed;
import org.assemblyhub.session.domain.SessionEvent.ScriptAttached;
import org.assemblyhub.session.domain.SessionEvent.SegmentStarted;
import org.assemblyhub.session.domain.SessionEvent.SessionStarted;
import org.assemblyhub.testing.Given;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

class BreakoutCapabilityTest {
    static final PlannedSession EVENING = new PlannedSession(
            "evening",
            "Evening",
            List.of(
                    new PlannedSegment("plenary", "Welcome", 10, "Hello", 0),
                    new PlannedSegment(
                            "breakouts", "Round 1", 20, "Talk", 2, 0, 0, false, 5, List.of(), List.of(), false),
                    new PlannedSegment("plenary", "Back", 10, "Share", 0)));

    /** A session in its welcome segment; f1 leads; members m1 to m15 and facilitators f2, f3 are connected. */
    private static Given welcome() {
        String[] here = IntStream.rangeClosed(1, 15).mapToObj(i -> "m" + i).toArray(String[]::new);
        return givenAnAssembly(
                        new ScriptAttached("Script", List.of(EVENING)),
                        new LeadAppointed("f1"),
                        new SessionStarted("evening", NOW.minusSeconds(60)),
                        new SegmentStarted(0, NOW.minusSeconds(60)))
                .and(present(here))
                .and(present("f2", "f3", "f1"));
    }

    @Test
    void entering_a_breakouts_segment_opens_a_round_of_everyone_present_with_the_facilitators_but_not_the_lead() {
        Given entered = welcome().when(LEAD, new SkipSegment());
        BreakoutsPlanned plan = entered.events(BreakoutsPlanned.class).get(0);
        assertThat(plan.round()).isEqualTo(1);
        assertThat(plan.seed()).isEqualTo(NOW.toEpochMilli()); // anyone can recompute the groups from the journal
        assertThat(plan.groups()).hasSize(2);
        assertThat(plan.groups().stream().flatMap(g -> g.members().stream()))
                .hasSize(15)
                .doesNotContain("m16");
        assertThat(plan.groups().stream().map(Group::leadFacilitator)).containsExactlyInAnyOrder("f2", "f3");
        assertThat(entered.events(BreakoutsOpened.class)).containsExactly(new BreakoutsOpened(1, NOW));
    }

    @Test
    void a_member_who_connects_during_a_round_is_seated_in_a_group_and_a_facilitator_is_not() {
        Given open = welcome().when(LEAD, new SkipSegment()).andThen();
        Given arrives = open.when(Actor.HUB, new Presence.Mark("m16", true));
        assertThat(arrives.events(MemberMoved.class)).singleElement().satisfies(m -> assertThat(m.personId())
                .isEqualTo("m16"));
        assertThat(open.andThen()
                        .when(Actor.HUB, new Presence.Mark("f3", false))
                        .andThen()
                        .when(Actor.HUB, new Presence.Mark("f3", true))
                        .events(MemberMoved.class))
                .isEmpty();
    }

    @Test
    void when_time_runs_out_the_groups_given_extra_minutes_stay_and_the_others_come_back() {
        Given open = welcome().when(LEAD, new SkipSegment()).andThen();
        Model model = open.thenModel();
        var seat = model.seating().seatOf("f2").orElseThrow();
        Actor f2 = Actor.person("f2", Role.FACILITATOR);
        Given extended =
                open.when(LEAD, new AllowGroupExtensions(true)).andThen().when(f2, new ExtendGroup(5));
        assertThat(extended.events()).containsExactly(new GroupExtended(seat.group(), 5));
        int other = seat.group() == 1 ? 2 : 1;
        Given timeUp = extended.andThen().when(Actor.HUB, new AdvanceClock("evening", 1), NOW.plusSeconds(20 * 60));
        assertThat(timeUp.events(GroupsReturned.class))
                .containsExactly(new GroupsReturned(List.of(other), NOW.plusSeconds(20 * 60), 5));
        assertThat(timeUp.events(BreakoutsClosed.class)).isEmpty();
    }

    @Test
    void a_facilitator_cannot_extend_beyond_what_the_segment_allows() {
        Given open = welcome().when(LEAD, new SkipSegment()).andThen();
        open.when(LEAD, new AllowGroupExtensions(true))
                .andThen()
                .when(Actor.person("f2", Role.FACILITATOR), new ExtendGroup(6))
                .thenRejected("extension-too-long");
    }

    @Test
    void moving_the_clock_by_hand_out_of_the_round_brings_every_group_back() {
        Given open = welcome().when(LEAD, new SkipSegment()).andThen();
        open.when(LEAD, new SkipSegment()).thenEvents(new SegmentStarted(2, NOW), new BreakoutsClosed(1, NOW));
    }

    @Test
    void the_lead_joins_a_group_as_its_host_and_comes_back_to_the_desk_when_they_leave() {
        Given open = welcome().when(LEAD, new SkipSegment()).andThen();
        Given visiting = open.when(LEAD, new VisitGroup(2))
                .thenEvents(new GroupVisited("f1", 2, true))
                .andThen();
        var seat = visiting.thenModel().seating().seatOf("f1").orElseThrow();
        assertThat(seat.group()).isEqualTo(2);
        assertThat(seat.facilitates()).isTrue();
        String member = visiting.thenModel().seating().members(2).get(0);
        assertThat(visiting.thenModel().seating().seatOf(member).orElseThrow().people())
                .contains("f1");
        Given left = visiting.when(LEAD, new LeaveGroup())
                .thenEvents(new GroupVisited("f1", 0, false))
                .andThen();
        assertThat(left.thenModel().seating().seatOf("f1")).isEmpty();
        left.when(LEAD, new LeaveGroup()).thenRejected("not-visiting");
    }

    @Test
    void an_expert_joins_as_a_guest_and_members_and_seated_facilitators_keep_their_own_group() {
        Given open = welcome()
                .and(new PeopleAdded(List.of(Given.person("e1", Role.EXPERT))))
                .when(LEAD, new SkipSegment())
                .andThen();
        Given expert = open.when(Actor.person("e1", Role.EXPERT), new VisitGroup(1))
                .thenEvents(new GroupVisited("e1", 1, false))
                .andThen();
        assertThat(expert.thenModel().seating().seatOf("e1").orElseThrow().facilitates())
                .isFalse();
        open.when(Given.MEMBER, new VisitGroup(1)).thenRejected("forbidden");
        open.when(Actor.person("f2", Role.FACILITATOR), new VisitGroup(1)).thenRejected("already-in-a-group");
        open.when(LEAD, new VisitGroup(9)).thenRejected("no-such-group");
        welcome().when(LEAD, new VisitGroup(1)).thenRejected("breakouts-closed");
    }

    @Test
    void visitors_are_back_in_the_plenary_when_the_round_closes() {
        Given visiting = welcome()
                .when(LEAD, new SkipSegment())
                .andThen()
                .when(LEAD, new VisitGroup(1))
                .andThen();
        Given closed = visiting.when(LEAD, new SkipSegment()).andThen();
        assertThat(closed.thenModel().seating().seatOf("f1")).isEmpty();
    }
}
