package org.assemblyhub.learning.domain;

import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.OffersCard;
import org.assemblyhub.kernel.Seating;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.learning.domain.LearningCommand.*;
import org.assemblyhub.learning.domain.LearningEvent.*;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Decides progress: an item done (or not), a task answered, an answer brought into a group's workspace. */
public final class ProgressDecider {
    private ProgressDecider() {}

    public static Verdict markDone(Learning learning, Acting who, MarkDone c, boolean open, Instant now) {
        Item item = learning.library.item(c.itemId()).orElse(null);
        if (item == null) return MaterialsDecider.noSuchItem();
        boolean done = learning.progress.isDone(who.personId(), item.id());
        if (c.done() == done) return Verdict.accept(List.of());
        if (c.done() && !open) return notOpen();
        return Verdict.accept(
                c.done()
                        ? new ItemDone(who.personId(), item.id(), c.watched(), now)
                        : new ItemUndone(who.personId(), item.id(), now));
    }

    public static Verdict answerTask(Learning learning, Acting who, AnswerTask c, boolean open, Instant now) {
        Item item = learning.library.item(c.itemId()).orElse(null);
        if (item == null) return MaterialsDecider.noSuchItem();
        Task task = item.task();
        if (task == null) return Verdict.reject("no-task", "This item has no task.");
        if (!open) return notOpen();
        if (task.kind() == Task.Kind.QUIZ) {
            if (c.choices().size() != task.questions().size())
                return Verdict.reject(
                        "invalid-answer",
                        "Answer each of the quiz's " + task.questions().size() + " questions.");
            for (int i = 0; i < c.choices().size(); i++) {
                int choice = c.choices().get(i);
                if (choice < 0 || choice >= task.questions().get(i).options().size())
                    return Verdict.reject("invalid-answer", "Question " + (i + 1) + " has no option " + choice + ".");
            }
            if (same(learning, who, item, null, c.choices())) return Verdict.accept(List.of());
            return Verdict.accept(new TaskAnswered(who.personId(), item.id(), null, c.choices(), now));
        }
        if (c.text() == null || c.text().isBlank()) return Verdict.reject("text-empty", "Write your answer first.");
        if (c.text().length() > task.maxAnswer())
            return Verdict.reject(
                    "text-too-long", "An answer to this task is at most " + task.maxAnswer() + " characters.");
        if (same(learning, who, item, c.text(), List.of())) return Verdict.accept(List.of());
        return Verdict.accept(new TaskAnswered(who.personId(), item.id(), c.text(), List.of(), now));
    }

    /** The same answer again records nothing. */
    private static boolean same(Learning learning, Acting who, Item item, String text, List<Integer> choices) {
        return learning.progress
                .answer(item.id(), who.personId())
                .map(a -> Objects.equals(a.text(), text) && a.choices().equals(choices))
                .orElse(false);
    }

    public static Verdict bring(
            Learning learning, Acting who, Seating seating, String authorName, BringAnswer c, Instant now) {
        if (who.facilitatedGroup() == 0)
            return Verdict.reject("not-in-a-group", "Bring answers in from a group you facilitate while it meets.");
        Item item = learning.library.item(c.itemId()).orElse(null);
        if (item == null) return MaterialsDecider.noSuchItem();
        if (item.task() == null) return Verdict.reject("no-task", "This item has no task.");
        if (item.task().kind() == Task.Kind.QUIZ)
            return Verdict.reject("invalid-task", "Quiz answers stay with their author; bring a written answer.");
        boolean inGroup = seating.seatOf(c.personId())
                .map(s -> s.group() == who.facilitatedGroup() && !s.facilitates())
                .orElse(false);
        if (!inGroup) return Verdict.reject("not-your-group", "This person is not a member of your group.");
        Progress.Answer answer =
                learning.progress.answer(item.id(), c.personId()).orElse(null);
        if (answer == null || answer.text() == null)
            return Verdict.reject("no-answer", "This person has not answered this task yet.");
        if (learning.progress.brought(item.id(), c.personId(), who.round())) return Verdict.accept(List.of());
        return Verdict.accept(new AnswerBrought(
                item.id(),
                c.personId(),
                who.personId(),
                who.round(),
                who.facilitatedGroup(),
                answer.text(),
                new OffersCard.CardSource("task", item.id(), item.title(), authorName),
                now));
    }

    private static Verdict notOpen() {
        return Verdict.reject("item-not-open", "This item is not open yet.");
    }
}
