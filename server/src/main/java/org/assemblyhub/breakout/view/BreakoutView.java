package org.assemblyhub.breakout.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.breakout.domain.AllocationQuality;
import org.assemblyhub.breakout.domain.BreakoutRooms;
import org.assemblyhub.breakout.domain.Group;
import org.assemblyhub.breakout.workspace.Workspaces;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Roster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        return project(rooms, new Workspaces(), state, audience);
    }

    /** {@code ws}: each group's workspace, for the desk's tiles (hands, help calls, speaking balance, harvest). */
    public static ObjectNode project(BreakoutRooms rooms, Workspaces ws, Roster state, Audience audience) {
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
        if (rooms.isOpen() && !audience.onlooker() && audience.kind() != Audience.Kind.MEMBER) {
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
                                        .filter(m -> state.present().contains(m)
                                                || state.phoneOnly().contains(m))
                                        .count());
                long phones =
                        g.members().stream().filter(state.phoneOnly()::contains).count();
                if (phones > 0) node.put("phoneOnly", phones);
                if (rooms.extraMinutes(g.number()) > 0) node.put("extraMinutes", rooms.extraMinutes(g.number()));
                if (rooms.returned(g.number())) node.put("returned", true);
                tile(node, rooms, ws, g);
                if (names) {
                    ObjectNode members = node.putObject("members");
                    g.members().forEach(m -> members.put(m, state.displayName(m)));
                    visitors(node, rooms, g, state);
                }
            }
            if (names) {
                ArrayNode coverage = coverage(rooms.groups(), state);
                if (!coverage.isEmpty()) view.set("coverage", coverage);
                view.set("quality", quality(rooms.plan().quality()));
                view.set("randomBaseline", quality(rooms.plan().randomBaseline()));
            }
        }
        return view;
    }

    /** What the desk shows of a group at a glance: hands up, a help call, how evenly people spoke, cards harvested. */
    private static void tile(ObjectNode node, BreakoutRooms rooms, Workspaces ws, Group g) {
        int round = rooms.workspaceRound(rooms.round());
        Workspaces.Room room = ws.room(round, g.number());
        node.put("hands", room.queue().size()).put("help", room.helpCalled());
        Set<String> members = Set.copyOf(g.members());
        long total = 0;
        long most = 0;
        int speakers = 0;
        for (Map.Entry<String, Duration> spoken : room.spoken().entrySet()) {
            if (!members.contains(spoken.getKey())) continue;
            long seconds = spoken.getValue().toSeconds();
            total += seconds;
            most = Math.max(most, seconds);
            if (seconds > 0) speakers++;
        }
        node.put("speakers", speakers).put("topShare", total == 0 ? 0 : (int) Math.round(100.0 * most / total));
        node.put("harvested", (int)
                ws.ideas(round, g.number()).stream().filter(i -> i.promoted()).count());
        if (rooms.groupEndsAt(g.number()) != null && !rooms.returned(g.number()))
            node.put("endsAt", rooms.groupEndsAt(g.number()).toString());
    }

    private static void visitors(ObjectNode node, BreakoutRooms rooms, Group g, Roster state) {
        List<String> visitors = rooms.visitorsOf(g.number());
        if (visitors.isEmpty()) return;
        ObjectNode names = node.putObject("visitors");
        visitors.forEach(v -> names.put(v, state.displayName(v)));
    }

    private static ObjectNode myGroup(BreakoutRooms rooms, Group g, Roster state, boolean withMembers) {
        ObjectNode node = JSON.objectNode().put("number", g.number());
        visitors(node, rooms, g, state);
        if (rooms.extraMinutes(g.number()) > 0) node.put("extraMinutes", rooms.extraMinutes(g.number()));
        if (rooms.groupEndsAt(g.number()) != null)
            node.put("endsAt", rooms.groupEndsAt(g.number()).toString());
        facilitators(node, g, state);
        if (withMembers) {
            ObjectNode members = node.putObject("members");
            for (String m : g.members()) {
                ObjectNode member = members.putObject(m)
                        .put("name", state.displayName(m))
                        .put("online", state.present().contains(m));
                if (state.phoneOnly().contains(m)) member.put("phoneOnly", true);
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

    /** Values with more distinct answers than this are free text, not a category groups should mix. */
    private static final int MAX_VALUES = 12;

    /**
     * For each attribute value some members hold: how many groups have nobody holding it, and how many a random split
     * of the same sizes would leave without on average — Σ over groups of C(N−k, s)/C(N, s) (N members, k of them
     * holding the value, s the group's size). What the desk says in words ("2 groups have no one over 60; random
     * would have 5").
     */
    private static ArrayNode coverage(List<Group> groups, Roster state) {
        ArrayNode coverage = JSON.arrayNode();
        Map<String, Map<String, Integer>> holders = new TreeMap<>();
        int total = 0;
        for (Group g : groups) {
            for (String m : g.members()) {
                total++;
                state.person(m).ifPresent(p -> p.attributes()
                        .forEach((attribute, value) -> holders.computeIfAbsent(attribute, a -> new TreeMap<>())
                                .merge(value, 1, Integer::sum)));
            }
        }
        for (Map.Entry<String, Map<String, Integer>> attribute : holders.entrySet()) {
            if (attribute.getValue().size() < 2 || attribute.getValue().size() > MAX_VALUES) continue;
            for (Map.Entry<String, Integer> value : attribute.getValue().entrySet()) {
                int without = 0;
                double random = 0;
                for (Group g : groups) {
                    boolean none = g.members().stream().noneMatch(m -> state.person(m)
                            .map(p -> value.getKey().equals(p.attributes().get(attribute.getKey())))
                            .orElse(false));
                    if (none) without++;
                    random += chanceOfNone(total, value.getValue(), g.members().size());
                }
                if (without == 0 && random < 0.5) continue;
                coverage.addObject()
                        .put("attribute", attribute.getKey())
                        .put("value", value.getKey())
                        .put("without", without)
                        .put("random", Math.round(random * 10) / 10.0);
            }
        }
        return coverage;
    }

    /** The chance that a group of {@code size} drawn at random from {@code n} people has none of {@code k}. */
    static double chanceOfNone(int n, int k, int size) {
        double chance = 1;
        for (int i = 0; i < size; i++) chance *= Math.max(0, n - k - i) / (double) (n - i);
        return chance;
    }

    private static ObjectNode quality(AllocationQuality q) {
        ObjectNode node = JSON.objectNode().put("repeatedPairs", q.repeatedPairs());
        ObjectNode deviation = node.putObject("meanDeviation");
        q.meanDeviation().forEach(deviation::put);
        return node;
    }
}
