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

    /**
     * A raised hand, optionally with a short typed note ("I'd like to answer Marie") or one of the person's own chat
     * messages to be read out ({@code messageId}). Raised again with either, it updates the request and keeps its
     * place.
     */
    record RaiseHand(String note, String messageId) implements WorkspaceCommand, WritesText {
        public RaiseHand() {
            this(null, null);
        }
    }

    record LowerHand() implements WorkspaceCommand, WritesText {}

    /** {@code personId} null ends the current turn. */
    record GiveFloor(String personId) implements WorkspaceCommand {}

    /** A message in the group's chat. */
    record PostMessage(String text) implements WorkspaceCommand, WritesText {}

    /** A facilitator of the group hides a chat message, saying why. */
    record HideMessage(String messageId, String reason) implements WorkspaceCommand, WritesText {}

    record CallHelp() implements WorkspaceCommand, WritesText {}

    record AnswerHelp(int group) implements WorkspaceCommand {}

    record PromoteIdea(String ideaId) implements WorkspaceCommand {}

    record PublishHarvest(String ideaId) implements WorkspaceCommand {}

    /** A question: which group reports this person may read (nothing is recorded). */
    record ListReports() implements WorkspaceCommand {}

    /** A question: one group's report — its notes and cards — for a round it met in. */
    record ReadReport(int round, int group) implements WorkspaceCommand {}
}
