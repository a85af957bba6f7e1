package org.assemblyhub.helpdesk;

import static org.assemblyhub.kernel.plug.WireCommand.DESK;
import static org.assemblyhub.kernel.plug.WireCommand.of;

import org.assemblyhub.helpdesk.domain.HelpdeskCommand.*;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.WireCommand;

import java.util.List;
import java.util.Set;

/** Wire commands of the help desk: tech-check results and calls for help from any screen, and their answers. */
public final class HelpdeskWire {
    /** Who may call for help: everyone who takes part (observers watch; they do not call the desk). */
    static final Set<Role> CALLERS = Set.of(Role.MEMBER, Role.FACILITATOR, Role.EXPERT, Role.ORGANISER);

    private HelpdeskWire() {}

    public static final List<WireCommand> COMMANDS = List.of(
            of(
                    "report-tech-check",
                    Set.of(Role.MEMBER),
                    (a, c) -> Decoded.ok(new ReportTechCheck(
                            a.requiredText("camera", 10),
                            a.requiredText("microphone", 10),
                            a.requiredText("connection", 10)))),
            of("call-for-help", CALLERS, (a, c) -> {
                String where = a.text("where", 20);
                return Decoded.ok(new CallForHelp(where == null ? "plenary" : where));
            }),
            of("withdraw-help-call", CALLERS, (a, c) -> Decoded.ok(new WithdrawHelpCall())),
            of("help-status", CALLERS, (a, c) -> Decoded.ok(new HelpStatus())),
            of("my-members-checks", DESK, (a, c) -> Decoded.ok(new MyMembers())),
            of("answer-help-call", DESK, (a, c) -> Decoded.ok(new AnswerHelpCall(a.id("personId")))));
}
