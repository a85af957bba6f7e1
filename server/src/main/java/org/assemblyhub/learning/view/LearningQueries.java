package org.assemblyhub.learning.view;

import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Seating;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.learning.domain.Item;
import org.assemblyhub.learning.domain.Learning;
import org.assemblyhub.learning.domain.Progress;
import org.assemblyhub.learning.domain.Question;
import org.assemblyhub.learning.domain.Task;

import java.util.*;

/**
 * What the learning phase answers to one person, never put in a shared view: their own progress, answers (with a
 * quiz's feedback) and questions; and for staff, progress per group as counts (names only when the organiser turned
 * named progress on) and the answers of the members they look after.
 */
public final class LearningQueries {
    private LearningQueries() {}

    public static Verdict mine(Learning learning, String personId) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("done", List.copyOf(learning.progress.doneBy(personId)));
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Item item : learning.library.items()) {
            learning.progress.answer(item.id(), personId).ifPresent(a -> answers.put(item.id(), answer(item, a)));
        }
        result.put("answers", answers);
        List<String> votes = new ArrayList<>();
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Question q : learning.questions.all()) {
            if (learning.questions.votedBy(q.id(), personId)) votes.add(q.id());
            if (!personId.equals(q.personId())) continue;
            Map<String, Object> mine = new LinkedHashMap<>();
            mine.put("id", q.id());
            mine.put("text", q.text());
            mine.put("status", q.status().wire());
            if (q.reason() != null) mine.put("reason", q.reason());
            if (q.note() != null) mine.put("note", q.note());
            if (q.into() != null) mine.put("into", q.into());
            if (q.answer() != null) mine.put("answer", q.answer());
            questions.add(mine);
        }
        result.put("votes", votes);
        result.put("questions", questions);
        return new Verdict.Answered(result);
    }

    /** A quiz's answer comes back with what the author needs to learn from it: right or not, and why. */
    private static Map<String, Object> answer(Item item, Progress.Answer a) {
        Map<String, Object> node = new LinkedHashMap<>();
        if (a.text() != null) node.put("text", a.text());
        node.put("at", a.at().toString());
        Task task = item.task();
        if (task == null || task.kind() != Task.Kind.QUIZ || a.choices().isEmpty()) return node;
        node.put("choices", a.choices());
        List<Map<String, Object>> feedback = new ArrayList<>();
        int score = 0;
        for (int i = 0; i < task.questions().size() && i < a.choices().size(); i++) {
            Task.QuizQuestion q = task.questions().get(i);
            boolean correct = a.choices().get(i) == q.correct();
            if (correct) score++;
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("correct", correct);
            one.put("answer", q.correct());
            if (q.feedback() != null) one.put("feedback", q.feedback());
            feedback.add(one);
        }
        node.put("feedback", feedback);
        node.put("score", score);
        node.put("of", task.questions().size());
        return node;
    }

    /** Progress per learning group: the facilitator's own group, or every group for the lead and organisers. */
    public static Verdict progress(Learning learning, Model model, Acting who) {
        boolean named = learning.library.namedProgress();
        List<Map<String, Object>> groups = new ArrayList<>();
        scope(model, who).forEach((group, members) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("group", group);
            g.put("members", members.size());
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, List<String>> names = new LinkedHashMap<>();
            for (Item item : learning.library.items()) {
                int done = 0;
                List<String> who2 = new ArrayList<>();
                for (String m : members) {
                    if (learning.progress.isDone(m, item.id())) {
                        done++;
                        if (named) who2.add(model.roster().displayName(m));
                    }
                }
                counts.put(item.id(), done);
                if (named) names.put(item.id(), who2);
            }
            g.put("items", counts);
            if (named) g.put("names", names);
            groups.add(g);
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("named", named);
        result.put("groups", groups);
        return new Verdict.Answered(result);
    }

    public static Verdict taskAnswers(Learning learning, Model model, Acting who, String itemId) {
        Item item = learning.library.item(itemId).orElse(null);
        if (item == null) return Verdict.reject("no-such-item", "There is no such item (it may have been withdrawn).");
        if (item.task() == null) return Verdict.reject("no-task", "This item has no task.");
        List<Map<String, Object>> answers = new ArrayList<>();
        scope(model, who).forEach((group, members) -> {
            for (String m : members) {
                learning.progress.answer(itemId, m).ifPresent(a -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("personId", m);
                    one.put("name", model.roster().displayName(m));
                    one.put("group", group);
                    if (a.text() != null) one.put("text", a.text());
                    if (!a.choices().isEmpty()) one.put("choices", a.choices());
                    one.put("at", a.at().toString());
                    answers.add(one);
                });
            }
        });
        return new Verdict.Answered(Map.of("answers", answers));
    }

    /**
     * The members someone looks after, by learning group: a facilitator, the members of the group they facilitated in
     * the latest round they took part in; the lead and organisers, every member (group 0: never in a group).
     */
    private static SortedMap<Integer, List<String>> scope(Model model, Acting who) {
        SortedMap<Integer, List<String>> scope = new TreeMap<>();
        Seating seating = model.seating();
        if (who.leads() || who.role() == Role.ORGANISER) {
            Map<String, Integer> groups = seating.lastGroups();
            for (Person p : model.roster().people().values()) {
                if (p.role() != Role.MEMBER) continue;
                scope.computeIfAbsent(groups.getOrDefault(p.id(), 0), g -> new ArrayList<>())
                        .add(p.id());
            }
            return scope;
        }
        seating.lastSeatOf(who.personId())
                .filter(Seating.Seat::facilitates)
                .ifPresent(seat -> scope.put(
                        seat.group(),
                        seating.members(seat.round(), seat.group()).stream()
                                // a member who sat in a later round belongs to that round's group now
                                .filter(m -> seating.lastSeatOf(m)
                                        .map(s -> s.round() == seat.round())
                                        .orElse(false))
                                .toList()));
        return scope;
    }
}
