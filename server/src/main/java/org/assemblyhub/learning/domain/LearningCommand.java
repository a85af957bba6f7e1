package org.assemblyhub.learning.domain;

import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.WritesText;

import java.util.List;

/** What people ask of the learning phase; the queries (Mine, Progress, TaskAnswers) record nothing. */
public sealed interface LearningCommand extends DomainCommand {
    /** The upload route's, once a file is stored and checked ({@code file.by()}: the uploader). */
    record StoreFile(StoredFile file) implements LearningCommand {}

    /** The upload route's, before it reads a byte: may {@code by} upload, and how much is stored already. */
    record CheckUpload(String by) implements LearningCommand {}

    /** {@code moduleId} null: a new module. */
    record PublishModule(String moduleId, String title, String summary, boolean isPublic, List<String> authors)
            implements LearningCommand {
        public PublishModule {
            authors = authors == null ? null : List.copyOf(authors);
        }
    }

    /** {@code item.id()} null: a new item. */
    record PublishItem(Item item) implements LearningCommand, WritesText {}

    record WithdrawItem(String itemId) implements LearningCommand {}

    record SetOptions(boolean namedProgress) implements LearningCommand {}

    record OpenDueItems() implements LearningCommand {}

    record MarkDone(String itemId, boolean done, boolean watched) implements LearningCommand, WritesText {}

    record AnswerTask(String itemId, String text, List<Integer> choices) implements LearningCommand, WritesText {
        public AnswerTask {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    record Mine() implements LearningCommand {}

    record Progress() implements LearningCommand {}

    record TaskAnswers(String itemId) implements LearningCommand {}

    record BringAnswer(String itemId, String personId) implements LearningCommand, WritesText {}

    record AskQuestion(String text) implements LearningCommand, WritesText {}

    record Upvote(String questionId, boolean vote) implements LearningCommand, WritesText {}

    record Approve(String questionId) implements LearningCommand {}

    record Edit(String questionId, String text, String note) implements LearningCommand {}

    record Hide(String questionId, String reason) implements LearningCommand {}

    record Merge(String questionId, String into) implements LearningCommand {}

    record AnswerQuestion(String questionId, String text) implements LearningCommand, WritesText {}

    record OpenQa(String title) implements LearningCommand {}

    record CloseQa() implements LearningCommand {}
}
