package org.assemblyhub.learning.domain;

import org.assemblyhub.learning.domain.LearningEvent.*;

import java.io.Serializable;
import java.util.*;

/**
 * The fold of the questions to experts: each question, who upvoted it (a set: one vote per person, and a merge unites
 * two sets without counting anyone twice), and whether Q&A runs live.
 */
public final class Questions implements Serializable {
    /** How many questions at the top of the queue the coverage hint looks at. */
    public static final int TOP = 5;

    private final Map<String, Question> questions = new LinkedHashMap<>();
    private final Map<String, Set<String>> votes = new HashMap<>();
    private boolean live;
    private String liveTitle;
    private boolean liveFromScript;

    void evolve(LearningEvent event) {
        if (event instanceof QuestionAsked e) {
            questions.put(
                    e.questionId(),
                    new Question(
                            e.questionId(),
                            e.personId(),
                            e.group(),
                            e.inGroup(),
                            e.text(),
                            e.at(),
                            Question.Status.PENDING,
                            null,
                            null,
                            null,
                            null,
                            null));
        } else if (event instanceof QuestionUpvoted e) {
            Set<String> voters = votes.computeIfAbsent(e.questionId(), k -> new LinkedHashSet<>());
            if (e.vote()) voters.add(e.personId());
            else voters.remove(e.personId());
        } else if (event instanceof QuestionApproved e) {
            questions.computeIfPresent(e.questionId(), (k, q) -> q.with(Question.Status.APPROVED));
        } else if (event instanceof QuestionEdited e) {
            questions.computeIfPresent(e.questionId(), (k, q) -> q.edited(e.text(), e.note()));
        } else if (event instanceof QuestionHidden e) {
            questions.computeIfPresent(e.questionId(), (k, q) -> q.hidden(e.reason()));
        } else if (event instanceof QuestionsMerged e) {
            questions.computeIfPresent(e.questionId(), (k, q) -> q.mergedInto(e.intoId()));
            Set<String> from = votes.remove(e.questionId());
            if (from != null)
                votes.computeIfAbsent(e.intoId(), k -> new LinkedHashSet<>()).addAll(from);
        } else if (event instanceof QuestionAnswered e) {
            questions.computeIfPresent(e.questionId(), (k, q) -> q.answered(e.text(), e.at()));
        } else if (event instanceof QaOpened e) {
            live = true;
            liveTitle = e.title();
            liveFromScript = e.fromScript();
        } else if (event instanceof QaClosed) {
            live = false;
            liveTitle = null;
            liveFromScript = false;
        }
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(id == null ? null : questions.get(id));
    }

    public Collection<Question> all() {
        return Collections.unmodifiableCollection(questions.values());
    }

    public int votes(String questionId) {
        return votes.getOrDefault(questionId, Set.of()).size();
    }

    public Set<String> voters(String questionId) {
        return Collections.unmodifiableSet(votes.getOrDefault(questionId, Set.of()));
    }

    public boolean votedBy(String questionId, String personId) {
        return votes.getOrDefault(questionId, Set.of()).contains(personId);
    }

    /** The approved questions waiting for an answer: most votes first, then the earliest asked. */
    public List<Question> queue() {
        return questions.values().stream()
                .filter(q -> q.status() == Question.Status.APPROVED)
                .sorted(Comparator.comparingInt((Question q) -> -votes(q.id()))
                        .thenComparing(Question::askedAt)
                        .thenComparing(Question::id))
                .toList();
    }

    public List<Question> withStatus(Question.Status status) {
        return questions.values().stream().filter(q -> q.status() == status).toList();
    }

    public String nextId() {
        return "q" + (questions.size() + 1);
    }

    public boolean live() {
        return live;
    }

    public String liveTitle() {
        return liveTitle;
    }

    public boolean liveFromScript() {
        return liveFromScript;
    }
}
