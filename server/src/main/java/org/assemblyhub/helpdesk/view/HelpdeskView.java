package org.assemblyhub.helpdesk.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.helpdesk.domain.Helpdesk;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.kernel.Seating;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The help desk as the people who help see it: each member's tech check (or that they have not done it), who still
 * needs a hand, and the calls for help. The lead and organisers see every member; a group's facilitators, inside the
 * round, the members of their group. Nobody else gets the section: not members, not observers, not experts.
 */
public final class HelpdeskView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HelpdeskView() {}

    /** Empty when this audience sees nothing of it. */
    public static ObjectNode project(Helpdesk desk, Roster roster, Seating seating, Audience audience) {
        ObjectNode view = JSON.objectNode();
        List<String> people;
        if (audience.kind() == Audience.Kind.LEAD || audience.kind() == Audience.Kind.ORGANISER) {
            people = roster.people().values().stream()
                    .filter(p -> p.role() == Role.MEMBER)
                    .map(Person::id)
                    .toList();
        } else if (audience.kind() == Audience.Kind.FACILITATOR && audience.group() > 0) {
            people = seating.members(audience.group());
        } else {
            return view;
        }
        Map<String, Integer> groups = seating.isOpen() ? null : seating.lastGroups();
        ObjectNode members = view.putObject("members");
        int needHelp = 0;
        for (String id : people) {
            ObjectNode entry = members.putObject(id).put("name", roster.displayName(id));
            int group =
                    seating.isOpen() ? seating.seatOf(id).map(s -> s.group()).orElse(0) : groups.getOrDefault(id, 0);
            if (group > 0) entry.put("group", group);
            boolean phoneOnly = roster.phoneOnly().contains(id);
            if (phoneOnly) entry.put("phoneOnly", true);
            Helpdesk.Check check = desk.checks().get(id);
            if (check != null) {
                entry.putObject("check")
                        .put("camera", check.camera())
                        .put("microphone", check.microphone())
                        .put("connection", check.connection())
                        .put("at", check.at().toString());
            }
            boolean needs = !phoneOnly && (check == null || !check.ok());
            entry.put("needsHelp", needs);
            if (needs) needHelp++;
        }
        view.put("needHelp", needHelp);
        ObjectNode calls = view.putObject("calls");
        desk.calls().forEach((id, call) -> {
            if (!members.has(id) && !audienceSeesEveryone(audience)) return;
            ObjectNode entry = calls.putObject(id)
                    .put("name", roster.displayName(id))
                    .put("where", call.where())
                    .put("at", call.at().toString())
                    .put("answered", !call.waiting());
            if (call.answeredBy() != null) entry.put("answeredBy", roster.displayName(call.answeredBy()));
            seating.seatOf(id).filter(s -> seating.isOpen()).ifPresent(s -> entry.put("group", s.group()));
        });
        return view;
    }

    /**
     * For a facilitator: the tech checks of the members of the group they will facilitate in the round planned, or
     * else facilitated in the latest round held ({@code group} 0 and no members when they facilitate none).
     */
    public static Map<String, Object> mine(Helpdesk desk, Roster roster, Seating seating, String facilitatorId) {
        Map<String, Object> result = new LinkedHashMap<>();
        Seating.Seat seat = seating.nextSeatOf(facilitatorId)
                .filter(Seating.Seat::facilitates)
                .orElse(null);
        result.put("group", seat == null ? 0 : seat.group());
        Map<String, Object> members = new LinkedHashMap<>();
        int needHelp = 0;
        List<String> people = seat == null
                ? List.of()
                : seat.round() == seating.round()
                        ? seating.members(seat.group())
                        : seating.members(seat.round(), seat.group());
        for (String id : people) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", roster.displayName(id));
            boolean phoneOnly = roster.phoneOnly().contains(id);
            if (phoneOnly) entry.put("phoneOnly", true);
            Helpdesk.Check check = desk.checks().get(id);
            if (check != null) {
                entry.put(
                        "check",
                        Map.of(
                                "camera", check.camera(),
                                "microphone", check.microphone(),
                                "connection", check.connection(),
                                "at", check.at().toString()));
            }
            boolean needs = !phoneOnly && (check == null || !check.ok());
            entry.put("needsHelp", needs);
            if (needs) needHelp++;
            members.put(id, entry);
        }
        result.put("members", members);
        result.put("needHelp", needHelp);
        return result;
    }

    private static boolean audienceSeesEveryone(Audience audience) {
        return audience.kind() == Audience.Kind.LEAD || audience.kind() == Audience.Kind.ORGANISER;
    }
}
