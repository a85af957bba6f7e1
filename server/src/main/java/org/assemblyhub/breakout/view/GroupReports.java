package org.assemblyhub.breakout.view;

import org.assemblyhub.breakout.domain.Breakouts;
import org.assemblyhub.breakout.domain.Group;
import org.assemblyhub.breakout.workspace.ChatMessage;
import org.assemblyhub.breakout.workspace.Idea;
import org.assemblyhub.breakout.workspace.Workspaces;
import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.kernel.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group's work outlives its round: its notes, cards and chat (a hidden message as its reason) stay readable as a
 * report, per round and group, by the people who met in it (members and facilitators) and by the lead and organisers.
 * A round that kept its groups continues the same workspaces, so its report is the one begun in the first of those
 * rounds.
 */
public final class GroupReports {
    private GroupReports() {}

    /** {@code reports: [{round, rounds, group}]}: what this person may read, first rounds first. */
    public static Verdict list(Breakouts breakouts, Acting who) {
        Map<String, Map<String, Object>> reports = new LinkedHashMap<>();
        breakouts.rooms.rounds().forEach((round, groups) -> {
            int workspace = breakouts.rooms.workspaceRound(round);
            for (Group g : groups) {
                if (!who.leads() && !g.seats(who.personId())) continue;
                Map<String, Object> report = reports.computeIfAbsent(workspace + "/" + g.number(), k -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("round", workspace);
                    r.put("group", g.number());
                    r.put("rounds", new ArrayList<Integer>());
                    return r;
                });
                @SuppressWarnings("unchecked")
                List<Integer> rounds = (List<Integer>) report.get("rounds");
                rounds.add(round);
            }
        });
        return new Verdict.Answered(Map.of("reports", List.copyOf(reports.values())));
    }

    /** One report, if this person may read it: who met, the notes, the cards and what went to the harvest. */
    public static Verdict read(Breakouts breakouts, Roster roster, Acting who, int round, int group) {
        int workspace = breakouts.rooms.workspaceRound(round);
        Map<Integer, Group> met = new TreeMap<>();
        breakouts.rooms.rounds().forEach((r, groups) -> {
            if (breakouts.rooms.workspaceRound(r) != workspace) return;
            groups.stream().filter(g -> g.number() == group).findFirst().ifPresent(g -> met.put(r, g));
        });
        if (met.isEmpty()) return Verdict.reject("no-such-report", "No group met under that number in that round.");
        if (!who.leads() && met.values().stream().noneMatch(g -> g.seats(who.personId())))
            return Verdict.reject(
                    "forbidden", "Only the group's members and facilitators and the lead read its report.");
        Group last = met.values().stream().reduce((a, b) -> b).orElseThrow();
        Workspaces ws = breakouts.workspaces;
        List<Map<String, Object>> cards = new ArrayList<>();
        for (Idea idea : ws.ideas(workspace, group)) {
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("text", idea.text());
            card.put("starred", idea.starred());
            card.put("promoted", idea.promoted());
            card.put("published", idea.published());
            cards.add(card);
        }
        List<String> facilitators = new ArrayList<>();
        for (String f : new String[] {last.leadFacilitator(), last.coFacilitator()}) {
            if (f != null) facilitators.add(roster.displayName(f));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("round", workspace);
        report.put("rounds", List.copyOf(met.keySet()));
        report.put("group", group);
        report.put("facilitators", facilitators);
        report.put("members", last.members().stream().map(roster::displayName).toList());
        report.put("notes", ws.room(workspace, group).notes());
        report.put("cards", cards);
        List<Map<String, Object>> chat = new ArrayList<>();
        for (ChatMessage m : ws.room(workspace, group).messages()) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("name", roster.displayName(m.byPersonId()));
            message.put("at", m.at().toString());
            message.put(m.hidden() ? "hidden" : "text", m.hidden() ? m.hiddenReason() : m.text());
            chat.add(message);
        }
        report.put("chat", chat);
        return new Verdict.Answered(report);
    }
}
