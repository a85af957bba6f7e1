package org.assemblyhub.breakout.workspace;

import org.assemblyhub.breakout.workspace.WorkspaceCommand.*;
import org.assemblyhub.breakout.workspace.WorkspaceEvent.*;
import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Seating.Seat;
import org.assemblyhub.kernel.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * decide(workspaces, who, seat, command, now): members add cards, raise hands and edit notes in their own group;
 * the group's facilitators edit, star, merge and promote cards and give the floor; the lead answers help calls and
 * publishes the harvest. {@code seat} is null when the person is not in an open group; its round, like
 * {@code currentRound}, is the round whose workspaces are in use (a round that kept its groups continues them).
 */
public final class WorkspaceDecider {
    public static final int MAX_NOTES = 10_000;
    public static final int MAX_IDEA = 500;
    /** A chat message: a few sentences, like a card. */
    public static final int MAX_MESSAGE = 1_000;
    /** The note typed with a raised hand, and a facilitator's reason for hiding a message: one line. */
    public static final int MAX_NOTE = 200;
    /** At most this many chat messages per person in any {@link #CHAT_WINDOW} (one person cannot drown the group). */
    public static final int CHAT_BURST = 10;

    public static final Duration CHAT_WINDOW = Duration.ofMinutes(1);

    private WorkspaceDecider() {}

    public static Verdict decide(
            Workspaces ws, Acting who, Seat seat, int currentRound, WorkspaceCommand command, Instant now) {
        String personId = who.personId();
        boolean leads = who.leads();
        Set<String> groupPeople = seat == null ? Set.of() : seat.people();
        if (command instanceof AnswerHelp c) {
            if (!leads) return Verdict.reject("forbidden", "Only the lead facilitator answers help calls.");
            if (!ws.room(currentRound, c.group()).helpCalled())
                return Verdict.reject("no-help-call", "This group has not called for help.");
            return Verdict.accept(new HelpAnswered(currentRound, c.group(), personId));
        }
        if (command instanceof PublishHarvest c) {
            if (!leads) return Verdict.reject("forbidden", "Only the lead facilitator publishes the harvest.");
            Idea idea = ws.idea(c.ideaId()).orElse(null);
            if (idea == null || !idea.promoted())
                return Verdict.reject("not-harvested", "This card is not on the harvest board.");
            if (idea.published()) return Verdict.reject("already-published", "This card is already published.");
            return Verdict.accept(new HarvestPublished(idea.id()));
        }
        if (command instanceof MergeIdeas c && leads) {
            // The lead curates the harvest board: duplicates from different groups become one card.
            Idea into = ws.idea(c.intoId()).filter(Idea::promoted).orElse(null);
            Idea from = ws.idea(c.fromId()).filter(Idea::promoted).orElse(null);
            if (into != null && from != null) {
                if (into.id().equals(from.id()))
                    return Verdict.reject("same-idea", "A card cannot be merged into itself.");
                return Verdict.accept(new IdeasMerged(into.id(), from.id()));
            }
        }
        if (command instanceof PromoteIdea c) {
            Idea idea = ws.idea(c.ideaId()).orElse(null);
            if (idea == null) return noSuchIdea();
            if (!leads && !facilitates(seat, idea))
                return Verdict.reject("forbidden", "Only the group's facilitators promote its cards.");
            if (idea.promoted())
                return Verdict.reject("already-promoted", "This card is already on the harvest board.");
            return Verdict.accept(new IdeaPromoted(idea.id(), now));
        }
        if (seat == null)
            return Verdict.reject("not-in-a-group", "This is done inside a breakout group, while it meets.");
        if (command instanceof EditNotes c) {
            Workspaces.Room room = ws.room(seat.round(), seat.group());
            String text = c.base() == null || c.base() == room.version()
                    ? c.text()
                    : NotesMerge.merge(room.notesAt(c.base()).orElse(""), room.notes(), c.text());
            if (text.length() > MAX_NOTES)
                return Verdict.reject("text-too-long", "Notes are at most " + MAX_NOTES + " characters.");
            if (text.equals(room.notes()) && room.version() > 0) return Verdict.accept();
            return Verdict.accept(new NotesEdited(seat.round(), seat.group(), text, personId, now));
        }
        if (command instanceof AddIdea c) {
            String text = c.text().strip();
            if (text.isEmpty()) return Verdict.reject("text-empty", "Write the idea on the card.");
            if (text.length() > MAX_IDEA)
                return Verdict.reject("text-too-long", "A card holds at most " + MAX_IDEA + " characters.");
            return Verdict.accept(
                    new IdeaAdded("i" + (ws.ideasAdded() + 1), seat.round(), seat.group(), text, personId, now));
        }
        if (command instanceof RaiseHand c) return raiseHand(ws, seat, personId, c, now);
        if (command instanceof PostMessage c) return Chat.post(ws, seat, personId, c.text(), now);
        if (command instanceof HideMessage c) return Chat.hide(ws, seat, personId, c, now);
        if (command instanceof LowerHand) {
            if (!ws.room(seat.round(), seat.group()).queue().contains(personId))
                return Verdict.reject("hand-not-raised", "Your hand is not up.");
            return Verdict.accept(new HandLowered(personId));
        }
        if (command instanceof CallHelp) {
            if (ws.room(seat.round(), seat.group()).helpCalled())
                return Verdict.reject("help-already-called", "Help is on its way.");
            return Verdict.accept(new HelpCalled(seat.round(), seat.group(), personId, now));
        }
        if (!seat.facilitates()) return Verdict.reject("forbidden", "Only the group's facilitators do this.");
        if (command instanceof GiveFloor c) {
            if (c.personId() != null && !groupPeople.contains(c.personId())) {
                return Verdict.reject("not-in-this-group", "This person is not in your group.");
            }
            return Verdict.accept(new FloorGiven(seat.round(), seat.group(), c.personId(), now));
        }
        if (command instanceof EditIdea c) {
            Idea idea = ownIdea(ws, seat, c.ideaId());
            if (idea == null) return noSuchIdea();
            String text = c.text().strip();
            if (text.isEmpty() || text.length() > MAX_IDEA)
                return Verdict.reject("invalid-text", "A card holds 1 to " + MAX_IDEA + " characters.");
            return Verdict.accept(new IdeaEdited(idea.id(), text, personId));
        }
        if (command instanceof StarIdea c) {
            Idea idea = ownIdea(ws, seat, c.ideaId());
            return idea == null ? noSuchIdea() : Verdict.accept(new IdeaStarred(idea.id(), c.starred()));
        }
        if (command instanceof MergeIdeas c) {
            Idea into = ownIdea(ws, seat, c.intoId());
            Idea from = ownIdea(ws, seat, c.fromId());
            if (into == null || from == null) return noSuchIdea();
            if (into.id().equals(from.id())) return Verdict.reject("same-idea", "A card cannot be merged into itself.");
            return Verdict.accept(new IdeasMerged(into.id(), from.id()));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** A hand, bare or with a typed note or a message to read out; raised again with either, it updates them. */
    private static Verdict raiseHand(Workspaces ws, Seat seat, String personId, RaiseHand c, Instant now) {
        Workspaces.Room room = ws.room(seat.round(), seat.group());
        String note = c.note() == null || c.note().isBlank() ? null : c.note().strip();
        if (note != null && note.length() > MAX_NOTE)
            return Verdict.reject("text-too-long", "A note with a raised hand is at most " + MAX_NOTE + " characters.");
        if (c.messageId() != null) {
            ChatMessage message = room.message(c.messageId()).orElse(null);
            if (message == null || message.hidden() || !personId.equals(message.byPersonId()))
                return Verdict.reject("no-such-message", "There is no such message of yours in your group's chat.");
        }
        if (room.queue().contains(personId) && note == null && c.messageId() == null) {
            return Verdict.reject("hand-already-raised", "Your hand is already up.");
        }
        return Verdict.accept(new HandRaised(seat.round(), seat.group(), personId, now, note, c.messageId()));
    }

    private static boolean facilitates(Seat seat, Idea idea) {
        return seat != null && seat.facilitates() && seat.round() == idea.round() && seat.group() == idea.group();
    }

    /** A card of the seat's own group and round, or null. */
    private static Idea ownIdea(Workspaces ws, Seat seat, String id) {
        return ws.idea(id)
                .filter(i -> i.round() == seat.round() && i.group() == seat.group())
                .orElse(null);
    }

    private static Verdict noSuchIdea() {
        return Verdict.reject("no-such-idea", "There is no such card in your group.");
    }
}
