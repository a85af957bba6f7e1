package org.assemblyhub.breakout.workspace;

import org.assemblyhub.breakout.workspace.WorkspaceCommand.HideMessage;
import org.assemblyhub.breakout.workspace.WorkspaceEvent.MessageHidden;
import org.assemblyhub.breakout.workspace.WorkspaceEvent.MessagePosted;
import org.assemblyhub.kernel.Seating.Seat;
import org.assemblyhub.kernel.Verdict;

import java.time.Instant;

/**
 * A group's chat, for members who cannot or dare not speak: the people seated in the group (members, facilitators,
 * hosts) post; its facilitators hide a message with a reason. {@code seat} is the sender's seat in an open group.
 */
final class Chat {
    private Chat() {}

    static Verdict post(Workspaces ws, Seat seat, String personId, String text, Instant now) {
        String message = text == null ? "" : text.strip();
        if (message.isEmpty()) return Verdict.reject("text-empty", "Write the message first.");
        if (message.length() > WorkspaceDecider.MAX_MESSAGE)
            return Verdict.reject(
                    "text-too-long", "A message is at most " + WorkspaceDecider.MAX_MESSAGE + " characters.");
        Workspaces.Room room = ws.room(seat.round(), seat.group());
        if (room.messagesSince(personId, now.minus(WorkspaceDecider.CHAT_WINDOW)) >= WorkspaceDecider.CHAT_BURST)
            return Verdict.reject("chat-too-fast", "Please wait a moment before sending more messages.");
        // Ids count within the room: they tell nobody how much other groups wrote.
        String id =
                "c" + seat.round() + "-" + seat.group() + "-" + (room.messages().size() + 1);
        return Verdict.accept(new MessagePosted(id, seat.round(), seat.group(), message, personId, now));
    }

    /** The role first, then the reason, then the message: a member learns nothing about messages by trying. */
    static Verdict hide(Workspaces ws, Seat seat, String personId, HideMessage c, Instant now) {
        if (!seat.facilitates()) return Verdict.reject("forbidden", "Only the group's facilitators hide messages.");
        String reason = c.reason() == null ? "" : c.reason().strip();
        if (reason.isEmpty()) return Verdict.reject("reason-required", "Say why the message is hidden.");
        if (reason.length() > WorkspaceDecider.MAX_NOTE)
            return Verdict.reject("text-too-long", "A reason is at most " + WorkspaceDecider.MAX_NOTE + " characters.");
        ChatMessage message =
                ws.room(seat.round(), seat.group()).message(c.messageId()).orElse(null);
        if (message == null) return Verdict.reject("no-such-message", "There is no such message in your group's chat.");
        if (message.hidden()) return Verdict.reject("already-hidden", "This message is already hidden.");
        return Verdict.accept(new MessageHidden(message.id(), reason, personId, now));
    }
}
