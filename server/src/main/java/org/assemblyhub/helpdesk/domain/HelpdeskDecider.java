package org.assemblyhub.helpdesk.domain;

import org.assemblyhub.helpdesk.domain.HelpdeskCommand.*;
import org.assemblyhub.helpdesk.domain.HelpdeskEvent.*;
import org.assemblyhub.kernel.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * decide(state, who, command, now) → events or a rejection. A tech check is reported at most every
 * {@link #REPORT_EVERY} (a page reloaded in a loop does not fill the journal); one call for help per person waits at
 * a time.
 */
public final class HelpdeskDecider {
    public static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    static final Set<String> DEVICE = Set.of("ok", "none", "denied");
    static final Set<String> CONNECTION = Set.of("good", "poor", "failed");
    static final Set<String> WHERE = Set.of("plenary", "group", "tech-check", "waiting");

    private HelpdeskDecider() {}

    /**
     * @param personId  who sends it
     * @param answers   the sender may answer this caller (the desk, or a facilitator of the caller's group)
     */
    public static Verdict decide(
            Helpdesk desk, String personId, boolean answers, HelpdeskCommand command, Instant now) {
        if (command instanceof ReportTechCheck c) return report(desk, personId, c, now);
        if (command instanceof CallForHelp c) {
            if (!WHERE.contains(c.where()))
                return Verdict.reject("invalid-args", "'where' is plenary, group, tech-check or waiting.");
            Helpdesk.Call call = desk.calls().get(personId);
            if (call != null && call.waiting()) return Verdict.reject("help-already-called", "Help is on its way.");
            return Verdict.accept(new HelpRequested(personId, c.where(), now));
        }
        if (command instanceof WithdrawHelpCall) {
            Helpdesk.Call call = desk.calls().get(personId);
            if (call == null || !call.waiting()) return noCall();
            return Verdict.accept(new HelpRequestWithdrawn(personId));
        }
        if (command instanceof AnswerHelpCall c) {
            if (!answers)
                return Verdict.reject(
                        "forbidden", "Only the lead, organisers and the caller's facilitators answer this call.");
            Helpdesk.Call call = desk.calls().get(c.personId());
            if (call == null || !call.waiting()) return noCall();
            return Verdict.accept(new HelpRequestAnswered(c.personId(), personId, now));
        }
        if (command instanceof HelpStatus) {
            Helpdesk.Call call = desk.calls().get(personId);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("state", call == null ? "none" : call.waiting() ? "called" : "answered");
            if (call != null) result.put("at", call.at().toString());
            return new Verdict.Answered(result);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static Verdict report(Helpdesk desk, String personId, ReportTechCheck c, Instant now) {
        if (!DEVICE.contains(c.camera()) || !DEVICE.contains(c.microphone()) || !CONNECTION.contains(c.connection())) {
            return Verdict.reject(
                    "invalid-tech-check",
                    "Camera and microphone are ok, none or denied; the connection is good, poor or failed.");
        }
        Helpdesk.Check last = desk.checks().get(personId);
        if (last != null && now.isBefore(last.at().plus(REPORT_EVERY))) {
            return Verdict.reject("tech-check-too-often", "Your result was just sent; try again in a few seconds.");
        }
        return Verdict.accept(new TechCheckReported(personId, c.camera(), c.microphone(), c.connection(), now));
    }

    private static Verdict noCall() {
        return Verdict.reject("no-help-request", "There is no call for help waiting.");
    }
}
