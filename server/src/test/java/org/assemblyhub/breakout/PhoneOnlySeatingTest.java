package org.assemblyhub.breakout;

import static org.assemblyhub.testing.Given.LEAD;
import static org.assemblyhub.testing.Given.NOW;
import static org.assemblyhub.testing.Given.ORGANISER;
import static org.assemblyhub.testing.Given.givenAnAssembly;
import static org.assemblyhub.testing.Given.present;
import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.assembly.domain.AssemblyCommand.MarkPhoneOnly;
import org.assemblyhub.assembly.domain.AssemblyEvent.PhoneOnlyMarked;
import org.assemblyhub.breakout.domain.BreakoutCommand.PlanBreakouts;
import org.assemblyhub.breakout.domain.BreakoutEvent.BreakoutsPlanned;
import org.assemblyhub.breakout.domain.BreakoutEvent.MemberMoved;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.session.domain.SessionCommand.SkipSegment;
import org.assemblyhub.session.domain.SessionEvent.LeadAppointed;
import org.assemblyhub.session.domain.SessionEvent.ScriptAttached;
import org.assemblyhub.session.domain.SessionEvent.SegmentStarted;
import org.assemblyhub.session.domain.SessionEvent.SessionStarted;
import org.assemblyhub.testing.Given;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

/** Phone-only members never connect to the hub: they are seated in groups all the same. */
class PhoneOnlySeatingTest {
    /** The welcome segment; m1 to m10 connected, m15 and m16 phone-only (never connected), f2 and f3 too. */
    private static Given welcome() {
        String[] here = IntStream.rangeClosed(1, 10).mapToObj(i -> "m" + i).toArray(String[]::new);
        return givenAnAssembly(
                        new ScriptAttached("Script", List.of(BreakoutCapabilityTest.EVENING)),
                        new LeadAppointed("f1"),
                        new SessionStarted("evening", NOW.minusSeconds(60)),
                        new SegmentStarted(0, NOW.minusSeconds(60)),
                        new PhoneOnlyMarked("m15", true),
                        new PhoneOnlyMarked("m16", true))
                .and(present(here))
                .and(present("f1", "f2", "f3"));
    }

    @Test
    void phone_only_members_are_placed_in_a_group_like_any_member_present() {
        BreakoutsPlanned plan = welcome()
                .when(LEAD, new SkipSegment())
                .events(BreakoutsPlanned.class)
                .get(0);
        assertThat(plan.groups().stream().flatMap(g -> g.members().stream()))
                .hasSize(12)
                .contains("m15", "m16")
                .doesNotContain("m11");
    }

    @Test
    void the_lead_can_plan_a_round_of_phone_only_members_alone() {
        BreakoutsPlanned plan = givenAnAssembly(new LeadAppointed("f1"), new PhoneOnlyMarked("m16", true))
                .when(LEAD, new PlanBreakouts(7L, 7, 8))
                .events(BreakoutsPlanned.class)
                .get(0);
        assertThat(plan.groups()).singleElement().satisfies(g -> assertThat(g.members())
                .containsExactly("m16"));
    }

    @Test
    void a_member_marked_phone_only_during_a_round_is_seated_at_once() {
        Given open = welcome().when(LEAD, new SkipSegment()).andThen();
        Given marked = open.when(ORGANISER, new MarkPhoneOnly("m12", true));
        assertThat(marked.events(PhoneOnlyMarked.class)).containsExactly(new PhoneOnlyMarked("m12", true));
        assertThat(marked.events(MemberMoved.class)).singleElement().satisfies(m -> assertThat(m.personId())
                .isEqualTo("m12"));
        assertThat(marked.andThen().thenModel().seating().seatOf("m12")).isPresent();
    }

    @Test
    void only_organisers_mark_members_phone_only_and_only_members() {
        welcome().when(LEAD, new MarkPhoneOnly("m12", true)).thenRejected("forbidden");
        welcome()
                .when(Actor.person("m12", Role.MEMBER), new MarkPhoneOnly("m12", true))
                .thenRejected("forbidden");
        welcome().when(ORGANISER, new MarkPhoneOnly("f2", true)).thenRejected("not-a-member");
        welcome().when(ORGANISER, new MarkPhoneOnly("nobody", true)).thenRejected("no-such-person");
        welcome().when(ORGANISER, new MarkPhoneOnly("m15", false)).thenEvents(new PhoneOnlyMarked("m15", false));
        welcome().when(ORGANISER, new MarkPhoneOnly("m15", true)).thenEvents();
    }
}
