package org.assemblyhub.breakout.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.breakout.domain.BreakoutRooms;
import org.assemblyhub.breakout.workspace.Idea;
import org.assemblyhub.breakout.workspace.Workspaces;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Roster;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A group's workspace for its own audience (notes, cards, queue, help call; speaking times for its facilitators) and
 * the harvest board: published cards for everyone (so groups see what the others found), every promoted card with its
 * status for the lead's desk and organisers, with the groups calling for help.
 */
public final class WorkspaceView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final int MAX_EDITORS_SHOWN = 5;

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
        for (String personId : room.queue())
            queue.putObject(personId).put("position", ++position).put("name", state.displayName(personId));
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
