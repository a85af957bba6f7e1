package org.assemblyhub.breakout.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.breakout.domain.AllocationQuality;
import org.assemblyhub.breakout.domain.BreakoutRooms;
import org.assemblyhub.breakout.domain.Group;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Roster;

import java.util.function.IntUnaryOperator;

/**
 * Breakout rounds as each audience sees them. Inside a group: members see their group's number and facilitators;
 * the group's facilitators also see who is in it and online. In the plenary: everyone sees whether a round is open;
 * facilitators at the plenary desk see every group's size and attendance; the lead and organisers see the groups with
 * names and the allocation quality (the lead adjusts them). Other members' names in other groups: lead and organisers
 * only.
 */
public final class BreakoutView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BreakoutView() {}

    public static ObjectNode project(BreakoutRooms rooms, Roster state, Audience audience) {
        return project(rooms, state, audience, g -> 0);
    }

    /** {@code promoted}: how many cards each group of the current round has sent to the harvest board. */
    public static ObjectNode project(BreakoutRooms rooms, Roster state, Audience audience, IntUnaryOperator promoted) {
        ObjectNode view = JSON.objectNode();
        if (audience.kind() == Audience.Kind.ORGANISER
                && (!rooms.pinned().isEmpty() || !rooms.keepApart().isEmpty())) {
            ObjectNode constraints = view.putObject("constraints");
            ObjectNode pins = constraints.putObject("pinned");
            rooms.pinned().forEach(pins::put);
            ObjectNode apart = constraints.putObject("keepApart");
            rooms.keepApart().forEach(pair -> {
                var ids = pair.stream().sorted().toList();
                apart.put(
                        ids.get(0) + "|" + ids.get(1),
                        state.displayName(ids.get(0)) + " / " + state.displayName(ids.get(1)));
            });
        }
        if (!rooms.hasPlan()) return view;
        view.put("round", rooms.round())
                .put("open", rooms.isOpen())
                .put("groupCount", rooms.groups().size());
        if (rooms.isOpen() && audience.kind() != Audience.Kind.OBSERVER && audience.kind() != Audience.Kind.MEMBER) {
            view.put("extensionsAllowed", rooms.extensionsAllowed());
        }
        if (audience.inGroup()) {
            rooms.groups().stream()
                    .filter(g -> g.number() == audience.group())
                    .findFirst()
                    .ifPresent(g -> view.set(
                            "myGroup", myGroup(rooms, g, state, audience.kind() == Audience.Kind.FACILITATOR)));
        } else if (audience.kind() == Audience.Kind.FACILITATOR
                || audience.kind() == Audience.Kind.LEAD
                || audience.kind() == Audience.Kind.ORGANISER) {
            boolean names = audience.kind() != Audience.Kind.FACILITATOR;
            ObjectNode groups = view.putObject("groups");
            for (Group g : rooms.groups()) {
                ObjectNode node = groups.putObject(Integer.toString(g.number()));
                facilitators(node, g, state);
                node.put("size", g.members().size())
                        .put(
                                "present",
                                g.members().stream()
                                        .filter(state.present()::contains)
                                        .count());
                if (rooms.extraMinutes(g.number()) > 0) node.put("extraMinutes", rooms.extraMinutes(g.number()));
                if (rooms.returned(g.number())) node.put("returned", true);
                node.put("harvested", promoted.applyAsInt(g.number()));
                if (names) {
                    ObjectNode members = node.putObject("members");
                    g.members().forEach(m -> members.put(m, state.displayName(m)));
                }
            }
            if (names) {
                view.set("quality", quality(rooms.plan().quality()));
                view.set("randomBaseline", quality(rooms.plan().randomBaseline()));
            }
        }
        return view;
    }

    private static ObjectNode myGroup(BreakoutRooms rooms, Group g, Roster state, boolean withMembers) {
        ObjectNode node = JSON.objectNode().put("number", g.number());
        if (rooms.extraMinutes(g.number()) > 0) node.put("extraMinutes", rooms.extraMinutes(g.number()));
        if (rooms.groupEndsAt(g.number()) != null)
            node.put("endsAt", rooms.groupEndsAt(g.number()).toString());
        facilitators(node, g, state);
        if (withMembers) {
            ObjectNode members = node.putObject("members");
            for (String m : g.members()) {
                members.putObject(m)
                        .put("name", state.displayName(m))
                        .put("online", state.present().contains(m));
            }
        } else {
            node.put("size", g.members().size());
        }
        return node;
    }

    private static void facilitators(ObjectNode node, Group g, Roster state) {
        if (g.leadFacilitator() != null) node.put("lead", state.displayName(g.leadFacilitator()));
        if (g.coFacilitator() != null) node.put("co", state.displayName(g.coFacilitator()));
    }

    private static ObjectNode quality(AllocationQuality q) {
        ObjectNode node = JSON.objectNode().put("repeatedPairs", q.repeatedPairs());
        ObjectNode deviation = node.putObject("meanDeviation");
        q.meanDeviation().forEach(deviation::put);
        return node;
    }
}
