package org.assemblyhub.poll;

import static org.assemblyhub.testing.Given.LEAD;
import static org.assemblyhub.testing.Given.NOW;
import static org.assemblyhub.testing.Given.givenAnAssembly;
import static org.assemblyhub.testing.Given.present;
import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.breakout.domain.BreakoutCommand.CloseBreakouts;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.poll.domain.PollCommand.OpenPoll;
import org.assemblyhub.poll.domain.PollEvent.PollClosed;
import org.assemblyhub.poll.domain.PollEvent.PollOpened;
import org.assemblyhub.poll.domain.PollKind;
import org.assemblyhub.poll.domain.PollSpec;
import org.assemblyhub.poll.domain.Polls;
import org.assemblyhub.session.domain.PlannedSession;
import org.assemblyhub.session.domain.SessionCommand.SkipSegment;
import org.assemblyhub.session.domain.SessionEvent.LeadAppointed;
import org.assemblyhub.session.domain.SessionEvent.ScriptAttached;
import org.assemblyhub.session.domain.SessionEvent.SegmentStarted;
import org.assemblyhub.session.domain.SessionEvent.SessionStarted;
import org.assemblyhub.testing.Given;
import org.junit.jupiter.api.Test;

import java.util.List;

class PollCapabilityTest {
    static final PlannedSession EVENING = new PlannedSession(
            "evening",
            "Evening",
            List.of(
                    new PlannedSegment("plenary", "Welcome", 10, "Hello", 0),
                    new PlannedSegment(
                            "poll",
                            "Which first?",
                            5,
                            "Which topic first?",
                            0,
                            0,
                            0,
                            false,
                            0,
                            List.of(),
                            List.of("Housing", "Transport"),
                            false),
                    new PlannedSegment("breakouts", "Round 1", 20, "Talk", 2),
                    new PlannedSegment("plenary", "Back", 10, "Share", 0)));

    private static Given welcome() {
        return givenAnAssembly(
                        new ScriptAttached("Script", List.of(EVENING)),
                        new LeadAppointed("f1"),
                        new SessionStarted("evening", NOW.minusSeconds(60)),
                        new SegmentStarted(0, NOW.minusSeconds(60)))
                .and(present("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "f2"));
    }

    @Test
    void a_poll_segment_opens_its_poll_for_every_member_and_the_next_move_closes_it() {
        Given polling = welcome().when(LEAD, new SkipSegment());
        PollOpened opened = polling.events(PollOpened.class).get(0);
        assertThat(opened.spec().question()).isEqualTo("Which topic first?");
        assertThat(opened.spec().options()).containsExactly("Housing", "Transport");
        assertThat(opened.roll()).hasSize(16); // the roster's members, connected or not
        Given next = polling.andThen().when(LEAD, new SkipSegment());
        assertThat(next.events(PollClosed.class)).containsExactly(new PollClosed(opened.pollId(), NOW, null));
    }

    @Test
    void a_groups_poll_closes_with_its_round_because_group_numbers_restart_every_round() {
        Given inGroups = welcome()
                .when(LEAD, new SkipSegment())
                .andThen()
                .when(LEAD, new SkipSegment())
                .andThen();
        int group = inGroups.thenModel().seating().seatOf("f2").orElseThrow().group();
        PollSpec spec = new PollSpec(
                PollKind.SINGLE,
                "Ready?",
                List.of("Yes", "No"),
                0,
                0,
                0,
                List.of(),
                true,
                true,
                PollSpec.Voters.GROUP,
                group,
                false,
                null,
                null,
                null,
                0,
                false);
        Given asked = inGroups.when(Actor.person("f2", Role.FACILITATOR), new OpenPoll(spec))
                .andThen();
        String pollId = asked.thenModel()
                .slice(PollCapability.NAME, Polls.class)
                .open()
                .get(0)
                .id();
        assertThat(asked.when(LEAD, new CloseBreakouts()).events(PollClosed.class))
                .containsExactly(new PollClosed(pollId, NOW, null));
    }
}
