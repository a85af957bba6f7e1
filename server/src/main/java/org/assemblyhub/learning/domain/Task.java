package org.assemblyhub.learning.domain;

import java.io.Serializable;
import java.util.List;

/**
 * A short task on an item: a reflection ("three things I learned"), a question one still has, or a quiz whose keys
 * never leave the server's state (the member's own answers come back with their feedback).
 */
public record Task(Kind kind, String prompt, List<QuizQuestion> questions) implements Serializable {
    public static final int MAX_PROMPT = 500;
    public static final int MAX_QUESTIONS = 10;
    public static final int MAX_REFLECTION = 1000;
    public static final int MAX_QUESTION_ANSWER = 500;

    public Task {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public enum Kind {
        REFLECTION,
        QUESTION,
        QUIZ;

        public static Kind parse(String text) {
            if (text == null) return null;
            for (Kind k : values()) if (k.name().equalsIgnoreCase(text.trim())) return k;
            return null;
        }

        public String wire() {
            return name().toLowerCase();
        }
    }

    /** {@code correct}: the index of the right option; {@code feedback} may be null. */
    public record QuizQuestion(String text, List<String> options, int correct, String feedback)
            implements Serializable {
        public static final int MIN_OPTIONS = 2;
        public static final int MAX_OPTIONS = 6;

        public QuizQuestion {
            options = List.copyOf(options);
        }
    }

    /** Why this task cannot be used, or null when it is well formed. */
    public String problem() {
        if (kind != Kind.QUIZ) return questions.isEmpty() ? null : "Only a quiz has questions.";
        if (questions.isEmpty() || questions.size() > MAX_QUESTIONS)
            return "A quiz has 1 to " + MAX_QUESTIONS + " questions.";
        for (QuizQuestion q : questions) {
            if (q.options().size() < QuizQuestion.MIN_OPTIONS || q.options().size() > QuizQuestion.MAX_OPTIONS)
                return "Each question of a quiz has 2 to 6 options.";
            if (q.correct() < 0 || q.correct() >= q.options().size())
                return "The correct answer of '" + q.text() + "' is not one of its options.";
        }
        return null;
    }

    /** The longest text answer this task takes. */
    public int maxAnswer() {
        return kind == Kind.REFLECTION ? MAX_REFLECTION : MAX_QUESTION_ANSWER;
    }
}
