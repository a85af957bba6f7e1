package org.assemblyhub.learning.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.learning.domain.Question;
import org.assemblyhub.learning.domain.Questions;

import java.util.*;

/**
 * Questions to experts as each audience sees them: observers the public archive of answers; members and experts the
 * queue too; staff (facilitators, the lead, organisers) also what waits for moderation, what was hidden and why, and
 * the queue's coverage — which groups (and, for the lead and organisers, which attribute values) the questions and
 * votes come from, and which groups have nothing in the top of the queue.
 */
public final class QuestionsView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QuestionsView() {}

    public static ObjectNode project(
            Questions questions, Roster roster, Map<String, Integer> groups, Audience audience) {
        ObjectNode qa = JSON.objectNode().put("live", questions.live());
        if (questions.liveTitle() != null) qa.put("liveTitle", questions.liveTitle());
        boolean staff = audience.kind() == Audience.Kind.FACILITATOR
                || audience.kind() == Audience.Kind.LEAD
                || audience.kind() == Audience.Kind.ORGANISER;
        if (audience.kind() != Audience.Kind.OBSERVER) {
            ArrayNode queue = qa.putArray("queue");
            for (Question q : questions.queue()) {
                ObjectNode node = queue.addObject()
                        .put("id", q.id())
                        .put("text", q.text())
                        .put("votes", questions.votes(q.id()))
                        .put("group", q.group())
                        .put("askedAt", q.askedAt().toString());
                if (q.note() != null) node.putObject("edited").put("note", q.note());
            }
        }
        ArrayNode archive = qa.putArray("archive");
        for (Question q : questions.withStatus(Question.Status.ANSWERED)) {
            ObjectNode node = archive.addObject()
                    .put("id", q.id())
                    .put("text", q.text())
                    .put("votes", questions.votes(q.id()))
                    .put("answeredLive", q.answer() == null)
                    .put("answeredAt", q.answeredAt().toString());
            if (q.answer() != null) node.put("answer", q.answer());
            if (q.note() != null) node.putObject("edited").put("note", q.note());
        }
        if (!staff) return qa;
        ArrayNode pending = qa.putArray("pending");
        for (Question q : questions.withStatus(Question.Status.PENDING)) {
            pending.addObject()
                    .put("id", q.id())
                    .put("text", q.text())
                    .put("group", q.group())
                    .put("askedBy", roster.displayName(q.personId()))
                    .put("askedAt", q.askedAt().toString());
        }
        ArrayNode hidden = qa.putArray("hidden");
        for (Question q : questions.withStatus(Question.Status.HIDDEN)) {
            hidden.addObject().put("id", q.id()).put("text", q.text()).put("reason", q.reason());
        }
        boolean desk = audience.kind() != Audience.Kind.FACILITATOR;
        qa.set("coverage", coverage(questions, roster, groups, desk));
        return qa;
    }

    /**
     * Per group: questions asked (not hidden), upvotes given by its people, and questions in the top {@link
     * Questions#TOP} of the queue; the groups with none there; per attribute value (desk only) the same counts.
     */
    static ObjectNode coverage(Questions questions, Roster roster, Map<String, Integer> groups, boolean byAttribute) {
        List<Question> top = questions.queue().stream().limit(Questions.TOP).toList();
        SortedMap<Integer, int[]> perGroup = new TreeMap<>(); // asked, upvotes, inTop
        for (Map.Entry<String, Integer> seat : groups.entrySet()) {
            if (roster.person(seat.getKey()).map(p -> p.role() == Role.MEMBER).orElse(false))
                perGroup.computeIfAbsent(seat.getValue(), g -> new int[3]);
        }
        SortedMap<String, int[]> perValue = new TreeMap<>(); // "attribute\u0000value" → asked, upvotes
        for (Question q : questions.all()) {
            if (q.status() == Question.Status.HIDDEN) continue;
            if (q.group() > 0) perGroup.computeIfAbsent(q.group(), g -> new int[3])[0]++;
            attributes(roster, q.personId()).forEach(key -> perValue.computeIfAbsent(key, k -> new int[2])[0]++);
            for (String voter : questions.voters(q.id())) {
                Integer g = groups.get(voter);
                if (g != null && g > 0) perGroup.computeIfAbsent(g, x -> new int[3])[1]++;
                attributes(roster, voter).forEach(key -> perValue.computeIfAbsent(key, k -> new int[2])[1]++);
            }
        }
        for (Question q : top) if (q.group() > 0) perGroup.computeIfAbsent(q.group(), g -> new int[3])[2]++;
        ObjectNode coverage = JSON.objectNode().put("top", Questions.TOP);
        ArrayNode list = coverage.putArray("groups");
        ArrayNode without = coverage.putArray("without");
        perGroup.forEach((g, n) -> {
            list.addObject()
                    .put("group", g)
                    .put("asked", n[0])
                    .put("upvotes", n[1])
                    .put("inTop", n[2]);
            if (n[2] == 0) without.add(g);
        });
        if (byAttribute) {
            ArrayNode values = coverage.putArray("attributes");
            perValue.forEach((key, n) -> {
                int cut = key.indexOf('\u0000');
                values.addObject()
                        .put("attribute", key.substring(0, cut))
                        .put("value", key.substring(cut + 1))
                        .put("asked", n[0])
                        .put("upvotes", n[1]);
            });
        }
        return coverage;
    }

    private static List<String> attributes(Roster roster, String personId) {
        Optional<Person> person = roster.person(personId);
        if (person.isEmpty()) return List.of();
        List<String> keys = new ArrayList<>();
        person.get().attributes().forEach((k, v) -> keys.add(k + '\u0000' + v));
        return keys;
    }
}
