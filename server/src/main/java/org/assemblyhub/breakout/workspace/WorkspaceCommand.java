package org.assemblyhub.breakout.workspace;

import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.WritesText;

/** Requests inside a breakout group (from its members and facilitators) and on the harvest board (from the lead). */
public sealed interface WorkspaceCommand extends DomainCommand {
    /**
     * The whole notes as the person left them, written on version {@code base} (null: replace whatever is there). If
     * others saved since, their changes and these are merged ({@link NotesMerge}).
     */
    record EditNotes(String text, Integer base) implements WorkspaceCommand, WritesText {}

    record AddIdea(String text) implements WorkspaceCommand, WritesText {}

    record EditIdea(String ideaId, String text) implements WorkspaceCommand, WritesText {}

    record StarIdea(String ideaId, boolean starred) implements WorkspaceCommand {}

    record MergeIdeas(String intoId, String fromId) implements WorkspaceCommand {}

    record RaiseHand() implements WorkspaceCommand, WritesText {}

    record LowerHand() implements WorkspaceCommand, WritesText {}

    /** {@code personId} null ends the current turn. */
    record GiveFloor(String personId) implements WorkspaceCommand {}

    record CallHelp() implements WorkspaceCommand, WritesText {}

    record AnswerHelp(int group) implements WorkspaceCommand {}

    record PromoteIdea(String ideaId) implements WorkspaceCommand {}

    record PublishHarvest(String ideaId) implements WorkspaceCommand {}

    /** A question: which group reports this person may read (nothing is recorded). */
    record ListReports() implements WorkspaceCommand {}

    /** A question: one group's report — its notes and cards — for a round it met in. */
    record ReadReport(int round, int group) implements WorkspaceCommand {}
}
