package org.assemblyhub.helpdesk.domain;

import org.assemblyhub.kernel.DomainCommand;

/** Requests to the help desk: a member's tech-check result, a call for help from any screen, its answer. */
public sealed interface HelpdeskCommand extends DomainCommand {
    /** What the tech check found: camera and microphone ok, none or denied; connection good, poor or failed. */
    record ReportTechCheck(String camera, String microphone, String connection) implements HelpdeskCommand {}

    /** {@code where}: the screen the person calls from (plenary, group, tech-check, waiting). */
    record CallForHelp(String where) implements HelpdeskCommand {}

    /** The caller no longer needs help. */
    record WithdrawHelpCall() implements HelpdeskCommand {}

    /** Someone at the desk (or the caller's facilitator) takes the call. */
    record AnswerHelpCall(String personId) implements HelpdeskCommand {}

    /**
     * A facilitator outside a round asks for the tech checks of the members of the group they will facilitate (the
     * planned round) or facilitated last: before the session, when no group view carries them yet.
     */
    record MyMembers() implements HelpdeskCommand {}

    /** The caller asks where their call stands (none, called, answered). */
    record HelpStatus() implements HelpdeskCommand {}
}
