package org.assemblyhub.learning.domain;

import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.learning.domain.LearningCommand.*;
import org.assemblyhub.learning.domain.LearningEvent.*;
import org.assemblyhub.learning.domain.Question.Status;

import java.time.Instant;
import java.util.List;

/** Decides the questions to experts: asking, upvoting, moderating, answering, and live Q&A. */
public final class QuestionsDecider {
    private QuestionsDecider() {}

    /** {@code group}: where the asker sits now, else their learning group (0: none). */
    public static Verdict ask(Questions questions, Acting who, int group, String text, Instant now) {
        return Verdict.accept(
                new QuestionAsked(questions.nextId(), who.personId(), group, who.seatedGroup() > 0, text, now));
    }

    public static Verdict upvote(Questions questions, Acting who, Upvote c, Instant now) {
        Question q = questions.question(c.questionId()).orElse(null);
        if (q == null) return noSuchQuestion();
        if (q.status() == Status.PENDING) return notApproved();
        if (q.status() != Status.APPROVED) return closed();
        boolean voted = questions.votedBy(q.id(), who.personId());
        if (c.vote() && voted)
            return Verdict.reject("already-voted", "You already upvoted this question: one vote per person.");
        if (!c.vote() && !voted) return Verdict.reject("not-voted", "You had not upvoted this question.");
        return Verdict.accept(new QuestionUpvoted(q.id(), who.personId(), c.vote(), now));
    }

    public static Verdict approve(Questions questions, Acting who, String questionId, Instant now) {
        Question q = questions.question(questionId).orElse(null);
        if (q == null) return noSuchQuestion();
        if (q.status() == Status.APPROVED) return Verdict.accept(List.of());
        if (q.status() != Status.PENDING) return closed();
        return Verdict.accept(new QuestionApproved(q.id(), who.personId(), now));
    }

    public static Verdict edit(Questions questions, Acting who, Edit c, Instant now) {
        Question q = questions.question(c.questionId()).orElse(null);
        if (q == null) return noSuchQuestion();
        if (!q.open()) return closed();
        return Verdict.accept(new QuestionEdited(q.id(), q.personId(), c.text(), c.note(), who.personId(), now));
    }

    public static Verdict hide(Questions questions, Acting who, Hide c, Instant now) {
        Question q = questions.question(c.questionId()).orElse(null);
        if (q == null) return noSuchQuestion();
        if (!q.open()) return closed();
        return Verdict.accept(new QuestionHidden(q.id(), c.reason(), who.personId(), now));
    }

    public static Verdict merge(Questions questions, Acting who, Merge c, Instant now) {
        Question q = questions.question(c.questionId()).orElse(null);
        Question into = questions.question(c.into()).orElse(null);
        if (q == null || into == null) return noSuchQuestion();
        if (q.id().equals(into.id()))
            return Verdict.reject("same-question", "A question cannot be merged into itself.");
        if (!q.open() || !into.open()) return closed();
        return Verdict.accept(new QuestionsMerged(q.id(), into.id(), who.personId(), now));
    }

    public static Verdict answer(Questions questions, Acting who, AnswerQuestion c, Instant now) {
        Question q = questions.question(c.questionId()).orElse(null);
        if (q == null) return noSuchQuestion();
        if (q.status() == Status.PENDING) return notApproved();
        if (q.status() != Status.APPROVED) return closed();
        return Verdict.accept(new QuestionAnswered(q.id(), c.text(), who.personId(), now));
    }

    public static Verdict open(Questions questions, String title, boolean fromScript, Instant now) {
        if (questions.live()) return Verdict.reject("qa-already-open", "Questions to the experts are already live.");
        return Verdict.accept(new QaOpened(title, fromScript, now));
    }

    public static Verdict close(Questions questions, Instant now) {
        if (!questions.live()) return Verdict.reject("qa-not-open", "Questions to the experts are not live.");
        return Verdict.accept(new QaClosed(now));
    }

    private static Verdict noSuchQuestion() {
        return Verdict.reject("no-such-question", "There is no such question.");
    }

    private static Verdict notApproved() {
        return Verdict.reject("question-not-approved", "This question has not been approved by the facilitators yet.");
    }

    private static Verdict closed() {
        return Verdict.reject("question-closed", "This question was already answered, hidden or merged.");
    }
}
