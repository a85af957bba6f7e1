package org.assemblyhub.breakout.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.breakout.domain.BreakoutRooms;
import org.assemblyhub.breakout.workspace.ChatMessage;
import org.assemblyhub.breakout.workspace.Idea;
import org.assemblyhub.breakout.workspace.Workspaces;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Roster;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A group's workspace for its own audience (notes, cards, queue with typed requests, chat, help call; speaking times
 * for its facilitators) and the harvest board: published cards for everyone (so groups see what the others found),
 * every promoted card with its status for the lead's desk and organisers, with the groups calling for help.
 */
public final class WorkspaceView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final int MAX_EDITORS_SHOWN = 5;
    /** The chat's last messages a view carries (views stay bounded; the group's report keeps the whole chat). */
    public static final int CHAT_SHOWN = 200;

    private WorkspaceView() {}

    public static ObjectNode workspace(Workspaces ws, BreakoutRooms rooms, Roster state, Audience audience) {
        ObjectNode view = JSON.objectNode();
        if (!audience.inGroup() || !rooms.isOpen()) return view;
        int round = rooms.workspaceRound(rooms.round());
        Workspaces.Room room = ws.room(round, audience.group());
        view.put("notes", room.notes()).put("notesVersion", room.version()).put("help", room.helpCalled());
        List<Map.Entry<String, Instant>> editors = List.copyOf(room.editors().entrySet());
        if (!editors.isEmpty()) {
            ObjectNode names = view.putObject("notesEditors");
            editors.subList(Math.max(0, editors.size() - MAX_EDITORS_SHOWN), editors.size())
                    .forEach(e -> names.putObject(e.getKey())
                            .put("name", state.displayName(e.getKey()))
                            .put("at", e.getValue().toString()));
        }
        ObjectNode ideas = view.putObject("ideas");
        int order = 0;
        for (Idea idea : ws.ideas(round, audience.group())) {
            ObjectNode card = ideas.putObject(idea.id())
                    .put("order", ++order)
                    .put("text", idea.text())
                    .put("starred", idea.starred())
                    .put("promoted", idea.promoted());
            if (idea.source() != null)
                card.putObject("source")
                        .put("kind", idea.source().kind())
                        .put("ref", idea.source().ref())
                        .put("title", idea.source().title())
                        .put("by", idea.source().by());
        }
        ObjectNode queue = view.putObject("queue");
        int position = 0;
        for (String personId : room.queue()) {
            ObjectNode entry =
                    queue.putObject(personId).put("position", ++position).put("name", state.displayName(personId));
            request(room, personId, entry);
        }
        chat(room, state, view);
        if (room.speaker() != null) {
            view.putObject("speaker")
                    .put("id", room.speaker())
                    .put("name", state.displayName(room.speaker()))
                    .put("since", room.turnStartedAt().toString());
        }
        if (audience.kind() == Audience.Kind.FACILITATOR) {
            ObjectNode spoken = view.putObject("spokenSeconds");
            room.spoken().forEach((personId, time) -> spoken.put(personId, time.toSeconds()));
        }
        return view;
    }

    /** A typed request with a hand: its note, and the message to read out while it is still shown. */
    private static void request(Workspaces.Room room, String personId, ObjectNode entry) {
        Workspaces.HandRequest request = room.request(personId);
        if (request == null) return;
        if (request.note() != null) entry.put("note", request.note());
        room.message(request.messageId())
                .filter(m -> !m.hidden())
                .ifPresent(m -> entry.putObject("readOut").put("id", m.id()).put("text", m.text()));
    }

    /**
     * The chat's last {@link #CHAT_SHOWN} messages by id (a merge patch then carries only what changed); a hidden one
     * keeps its place, author and time, with the facilitator's reason instead of its text.
     */
    private static void chat(Workspaces.Room room, Roster state, ObjectNode view) {
        List<ChatMessage> messages = room.messages();
        if (messages.isEmpty()) return;
        ObjectNode chat = view.putObject("chat").put("total", messages.size());
        ObjectNode shown = chat.putObject("messages");
        int from = Math.max(0, messages.size() - CHAT_SHOWN);
        for (int i = from; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            ObjectNode node = shown.putObject(m.id())
                    .put("order", i + 1)
                    .put("by", m.byPersonId())
                    .put("name", state.displayName(m.byPersonId()))
                    .put("at", m.at().toString());
            if (m.hidden()) node.put("hidden", m.hiddenReason());
            else node.put("text", m.text());
        }
    }

    public static ObjectNode harvest(Workspaces ws, BreakoutRooms rooms, Audience audience) {
        ObjectNode view = JSON.objectNode();
        boolean desk = !audience.inGroup()
                && (audience.kind() == Audience.Kind.FACILITATOR
                        || audience.kind() == Audience.Kind.LEAD
                        || audience.kind() == Audience.Kind.ORGANISER);
        List<Idea> board = ws.harvest();
        int order = 0;
        ObjectNode items = JSON.objectNode();
        for (Idea idea : board) {
            order++;
            if (!idea.published() && !desk) continue;
            ObjectNode item = items.putObject(idea.id())
                    .put("order", order)
                    .put("text", idea.text())
                    .put("group", idea.group())
                    .put("round", idea.round());
            if (desk) item.put("published", idea.published());
        }
        if (!items.isEmpty()) view.set("items", items);
        if (desk && rooms.isOpen()) {
            List<Integer> calls = ws.helpCalls(rooms.workspaceRound(rooms.round()));
            if (!calls.isEmpty()) {
                ObjectNode help = view.putObject("helpCalls");
                calls.forEach(g -> help.put(Integer.toString(g), true));
            }
        }
        return view;
    }
}
