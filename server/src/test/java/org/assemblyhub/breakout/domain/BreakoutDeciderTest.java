package org.assemblyhub.breakout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.breakout.domain.BreakoutCommand.*;
import org.assemblyhub.breakout.domain.BreakoutEvent.*;
import org.assemblyhub.kernel.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class BreakoutDeciderTest {
    static final Instant NOW = Instant.parse("2026-12-03T18:00:00Z");
    static final BreakoutDecider.Present PRESENT =
            new BreakoutDecider.Present(GroupAllocatorTest.roster(30, 1), GroupAllocatorTest.facilitators(8));

    private static BreakoutsPlanned plan(BreakoutRooms rooms, long seed) {
        Verdict d = BreakoutDecider.decide(rooms, PRESENT, true, new PlanBreakouts(seed, 7, 8), NOW);
        return (BreakoutsPlanned) ((Verdict.Accepted) d).events().get(0);
    }

    private static String rejection(
            BreakoutRooms rooms, BreakoutDecider.Present present, boolean leads, BreakoutCommand command) {
        return ((Verdict.Rejected) BreakoutDecider.decide(rooms, present, leads, command, NOW))
                .rejection()
                .code();
    }

    @Test
    void a_recorded_plan_can_be_recomputed_from_its_seed() {
        BreakoutsPlanned first = plan(new BreakoutRooms(), 1234);
        assertThat(plan(new BreakoutRooms(), first.seed()).groups()).isEqualTo(first.groups());
        assertThat(first.round()).isEqualTo(1);
        assertThat(first.groups()).hasSize(4);
    }

    @Test
    void each_opened_round_counts_for_the_mixing_of_the_next() {
        BreakoutRooms rooms = new BreakoutRooms();
        rooms.evolve(plan(rooms, 1));
        rooms.evolve(new BreakoutsOpened(1, NOW));
        rooms.evolve(new BreakoutsClosed(1, NOW));
        BreakoutsPlanned second = plan(rooms, 2);

        assertThat(second.round()).isEqualTo(2);
        assertThat(second.randomBaseline().repeatedPairs())
                .isGreaterThan(second.quality().repeatedPairs());
    }

    @Test
    void a_moved_member_sits_in_the_new_group_once_the_round_opens() {
        BreakoutRooms rooms = new BreakoutRooms();
        BreakoutsPlanned planned = plan(rooms, 5);
        rooms.evolve(planned);
        String someone = planned.groups().get(0).members().get(0);
        rooms.evolve(new MemberMoved(someone, 3));
        rooms.evolve(new BreakoutsOpened(1, NOW));

        assertThat(rooms.groupOf(someone)).get().extracting(Group::number).isEqualTo(3);
        assertThat(rooms.groups().get(0).members()).doesNotContain(someone);
    }

    @Test
    void a_group_running_over_keeps_its_limit_from_the_journal_alone() {
        BreakoutRooms rooms = new BreakoutRooms();
        rooms.evolve(plan(rooms, 1));
        rooms.evolve(new BreakoutsOpened(1, NOW));
        rooms.evolve(new GroupExtensionsAllowed(true));
        rooms.evolve(new GroupExtended(1, 2));
        rooms.evolve(new GroupsReturned(List.of(2, 3, 4), NOW, 5));

        assertThat(rooms.overtimeLimit()).isEqualTo(5);
        Verdict more = BreakoutDecider.extend(rooms, 1, new ExtendGroup(3), rooms.overtimeLimit());
        assertThat(more).isInstanceOf(Verdict.Accepted.class);
        Verdict tooMuch = BreakoutDecider.extend(rooms, 1, new ExtendGroup(4), rooms.overtimeLimit());
        assertThat(((Verdict.Rejected) tooMuch).rejection().code()).isEqualTo("extension-too-long");
    }

    @Test
    void rules_are_refused_with_their_own_codes() {
        BreakoutRooms rooms = new BreakoutRooms();
        assertThat(rejection(rooms, PRESENT, false, new PlanBreakouts(1, 7, 8))).isEqualTo("forbidden");
        assertThat(rejection(
                        rooms, new BreakoutDecider.Present(List.of(), List.of()), true, new PlanBreakouts(1, 7, 8)))
                .isEqualTo("nobody-present");
        assertThat(rejection(rooms, PRESENT, true, new OpenBreakouts())).isEqualTo("no-breakouts-planned");
        assertThat(rejection(rooms, PRESENT, true, new CloseBreakouts())).isEqualTo("breakouts-closed");
        rooms.evolve(plan(rooms, 1));
        rooms.evolve(new BreakoutsOpened(1, NOW));
        assertThat(rejection(rooms, PRESENT, true, new PlanBreakouts(2, 7, 8))).isEqualTo("breakouts-open");
        assertThat(rejection(rooms, PRESENT, true, new OpenBreakouts())).isEqualTo("breakouts-open");
    }
}
