package org.assemblyhub.breakout.domain;

import org.assemblyhub.kernel.DomainCommand;

/** Requests about breakout rounds, from the lead facilitator (or the session clock when a breakouts segment starts). */
public sealed interface BreakoutCommand extends DomainCommand {
    /** Allocate the members present into groups (a preview until opened); {@code seed} makes it reproducible. */
    record PlanBreakouts(long seed, int minSize, int maxSize) implements BreakoutCommand {}

    record MoveMember(String personId, int toGroup) implements BreakoutCommand {}

    record OpenBreakouts() implements BreakoutCommand {}

    record PinMember(String personId, int group) implements BreakoutCommand {}

    record KeepApart(String personId, String otherId, boolean apart) implements BreakoutCommand {}

    record CloseBreakouts() implements BreakoutCommand {}

    record AllowGroupExtensions(boolean allowed) implements BreakoutCommand {}

    /** From a group's facilitator: more minutes for their group. */
    record ExtendGroup(int minutes) implements BreakoutCommand {}

    /**
     * The lead, an organiser, a facilitator with no group this round or an expert joins group {@code group}'s call and
     * workspace (a roaming co-facilitator, an expert answering questions, the lead answering a help call).
     */
    record VisitGroup(int group) implements BreakoutCommand {}

    /** A visitor goes back to the plenary (the lead to the desk). */
    record LeaveGroup() implements BreakoutCommand {}

    /** The hub's timer: return the extended groups whose extra time is up. */
    record ReturnOverdueGroups() implements BreakoutCommand {}
}
