package org.assemblyhub.session;

import static org.assemblyhub.testing.Given.LEAD;
import static org.assemblyhub.testing.Given.NOW;
import static org.assemblyhub.testing.Given.ORGANISER;
import static org.assemblyhub.testing.Given.givenAnAssembly;

import org.assemblyhub.assembly.domain.AssemblyCommand.ChangePhase;
import org.assemblyhub.assembly.domain.AssemblyEvent.PhaseChanged;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.session.domain.PlannedSession;
import org.assemblyhub.session.domain.SessionCommand.AdvanceClock;
import org.assemblyhub.session.domain.SessionCommand.AppointLead;
import org.assemblyhub.session.domain.SessionCommand.SkipSegment;
import org.assemblyhub.session.domain.SessionCommand.StartSession;
import org.assemblyhub.session.domain.SessionEvent.LeadAppointed;
import org.assemblyhub.session.domain.SessionEvent.ScriptAttached;
import org.assemblyhub.session.domain.SessionEvent.SegmentStarted;
import org.assemblyhub.session.domain.SessionEvent.SessionStarted;
import org.assemblyhub.testing.Given;
import org.junit.jupiter.api.Test;

import java.util.List;

class SessionCapabilityTest {
    static final PlannedSession EVENING = new PlannedSession(
            "evening",
            "Evening",
            List.of(
                    new PlannedSegment("plenary", "Welcome", 10, "Hello", 0),
                    new PlannedSegment("plenary", "Questions", 20, "Ask", 0)));

    @Test
    void an_organiser_appoints_a_facilitator_as_lead_but_never_a_member_or_someone_off_the_roster() {
        givenAnAssembly().when(ORGANISER, new AppointLead("f1")).thenEvents(new LeadAppointed("f1"));
        givenAnAssembly().when(ORGANISER, new AppointLead("m1")).thenRejected("not-a-facilitator");
        givenAnAssembly().when(ORGANISER, new AppointLead("nobody")).thenRejected("not-a-facilitator");
    }

    @Test
    void once_the_assembly_is_closed_nobody_moves_the_clock_but_time_still_runs_out() {
        var closed = givenAnAssembly(
                new ScriptAttached("Script", List.of(EVENING)),
                new LeadAppointed("f1"),
                new SessionStarted("evening", NOW.minusSeconds(700)),
                new SegmentStarted(0, NOW.minusSeconds(700)),
                new PhaseChanged(Phase.DECISION, Phase.CLOSED));
        closed.when(LEAD, new SkipSegment()).thenRejected("assembly-closed");
        closed.when(Actor.HUB, new AdvanceClock("evening", 0)).thenEvents(new SegmentStarted(1, NOW));
    }

    @Test
    void starting_a_session_the_script_places_in_a_phase_moves_the_assembly_into_that_phase() {
        PlannedSession deliberation = new PlannedSession("s2", "Deliberation", EVENING.segments(), Phase.DELIBERATION);
        var ready =
                givenAnAssembly(new ScriptAttached("Script", List.of(EVENING, deliberation)), new LeadAppointed("f1"));
        ready.when(LEAD, new StartSession("s2"))
                .thenEvents(
                        new SessionStarted("s2", NOW),
                        new SegmentStarted(0, NOW),
                        new PhaseChanged(Phase.ONBOARDING, Phase.DELIBERATION));
        ready.when(LEAD, new StartSession("evening"))
                .thenEvents(new SessionStarted("evening", NOW), new SegmentStarted(0, NOW));
    }

    @Test
    void the_lead_may_change_the_phase_and_a_member_may_not() {
        var led = givenAnAssembly(new LeadAppointed("f1"));
        led.when(LEAD, new ChangePhase(Phase.DECISION)).thenEvents(new PhaseChanged(Phase.ONBOARDING, Phase.DECISION));
        led.when(Given.FACILITATOR, new ChangePhase(Phase.DECISION)).thenRejected("forbidden");
        led.when(Given.MEMBER, new ChangePhase(Phase.DECISION)).thenRejected("forbidden");
    }
}
