package org.assemblyhub.helpdesk;

import static org.assemblyhub.testing.Given.FACILITATOR;
import static org.assemblyhub.testing.Given.LEAD;
import static org.assemblyhub.testing.Given.MEMBER;
import static org.assemblyhub.testing.Given.NOW;
import static org.assemblyhub.testing.Given.givenAnAssembly;
import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.helpdesk.domain.HelpdeskCommand.AnswerHelpCall;
import org.assemblyhub.helpdesk.domain.HelpdeskCommand.CallForHelp;
import org.assemblyhub.helpdesk.domain.HelpdeskCommand.HelpStatus;
import org.assemblyhub.helpdesk.domain.HelpdeskCommand.ReportTechCheck;
import org.assemblyhub.helpdesk.domain.HelpdeskCommand.WithdrawHelpCall;
import org.assemblyhub.helpdesk.domain.HelpdeskEvent.HelpRequestAnswered;
import org.assemblyhub.helpdesk.domain.HelpdeskEvent.HelpRequestWithdrawn;
import org.assemblyhub.helpdesk.domain.HelpdeskEvent.HelpRequested;
import org.assemblyhub.helpdesk.domain.HelpdeskEvent.TechCheckReported;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.session.domain.SessionEvent.LeadAppointed;
import org.assemblyhub.testing.Given;
import org.junit.jupiter.api.Test;

class HelpdeskTest {
    private static Given assembly() {
        return givenAnAssembly(new LeadAppointed("f1"));
    }

    @Test
    void a_members_tech_check_is_recorded_with_its_time() {
        assembly()
                .when(MEMBER, new ReportTechCheck("ok", "denied", "poor"))
                .thenEvents(new TechCheckReported("m1", "ok", "denied", "poor", NOW));
    }

    @Test
    void a_tech_check_with_unknown_values_is_refused() {
        assembly().when(MEMBER, new ReportTechCheck("great", "ok", "good")).thenRejected("invalid-tech-check");
        assembly().when(MEMBER, new ReportTechCheck("ok", "ok", "fast")).thenRejected("invalid-tech-check");
    }

    @Test
    void a_tech_check_reported_again_within_ten_seconds_is_refused_and_later_accepted() {
        Given once =
                assembly().when(MEMBER, new ReportTechCheck("ok", "ok", "good")).andThen();
        once.when(MEMBER, new ReportTechCheck("ok", "ok", "good"), NOW.plusSeconds(5))
                .thenRejected("tech-check-too-often");
        once.when(MEMBER, new ReportTechCheck("none", "ok", "good"), NOW.plusSeconds(11))
                .thenEvents(new TechCheckReported("m1", "none", "ok", "good", NOW.plusSeconds(11)));
    }

    @Test
    void a_member_calls_for_help_from_the_plenary_once_until_it_is_answered_by_the_lead() {
        Given called = assembly().when(MEMBER, new CallForHelp("plenary"));
        called.thenEvents(new HelpRequested("m1", "plenary", NOW));
        Given waiting = called.andThen();
        waiting.when(MEMBER, new CallForHelp("plenary")).thenRejected("help-already-called");
        assertThat(((Verdict.Answered) waiting.when(MEMBER, new HelpStatus()).verdict()).result())
                .containsEntry("state", "called");
        waiting.when(FACILITATOR, new AnswerHelpCall("m1")).thenRejected("forbidden");
        Given answered = waiting.when(LEAD, new AnswerHelpCall("m1"));
        answered.thenEvents(new HelpRequestAnswered("m1", "f1", NOW));
        assertThat(((Verdict.Answered) answered.andThen()
                                .when(MEMBER, new HelpStatus())
                                .verdict())
                        .result())
                .containsEntry("state", "answered");
    }

    @Test
    void a_caller_can_withdraw_a_call_and_a_call_from_nowhere_known_is_refused() {
        Given waiting = assembly().when(MEMBER, new CallForHelp("tech-check")).andThen();
        waiting.when(MEMBER, new WithdrawHelpCall()).thenEvents(new HelpRequestWithdrawn("m1"));
        assembly().when(MEMBER, new WithdrawHelpCall()).thenRejected("no-help-request");
        assembly().when(MEMBER, new CallForHelp("kitchen")).thenRejected("invalid-args");
    }
}
