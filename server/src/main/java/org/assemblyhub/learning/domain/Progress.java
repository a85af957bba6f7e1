package org.assemblyhub.learning.domain;

import org.assemblyhub.learning.domain.LearningEvent.*;

import java.io.Serializable;
import java.time.Instant;
import java.util.*;

/** The fold of each person's progress: what they have done, and their answers to tasks (personal: never in a view). */
public final class Progress implements Serializable {
    /** A person's latest answer to an item's task. */
    public record Answer(String text, List<Integer> choices, Instant at) implements Serializable {}

    private final Map<String, Set<String>> done = new HashMap<>();
    private final Map<String, Map<String, Answer>> answers = new HashMap<>();
    private long version;
    /** Answers brought to a group's board: item, author and round (once each). */
    private final Set<String> brought = new HashSet<>();

    void evolve(LearningEvent event) {
        if (event instanceof ItemDone e) {
            done.computeIfAbsent(e.personId(), k -> new LinkedHashSet<>()).add(e.itemId());
            version++;
        } else if (event instanceof ItemUndone e) {
            Set<String> mine = done.get(e.personId());
            if (mine != null) mine.remove(e.itemId());
            version++;
        } else if (event instanceof LearningOptionsSet) {
            version++; // names appear or go: staff ask again
        } else if (event instanceof AnswerBrought e) {
            brought.add(e.itemId() + "/" + e.personId() + "/" + e.round());
        } else if (event instanceof TaskAnswered e) {
            answers.computeIfAbsent(e.itemId(), k -> new LinkedHashMap<>())
                    .put(e.personId(), new Answer(e.text(), e.choices(), e.at()));
            version++;
        }
    }

    public Set<String> doneBy(String personId) {
        return Collections.unmodifiableSet(done.getOrDefault(personId, Set.of()));
    }

    public boolean isDone(String personId, String itemId) {
        return done.getOrDefault(personId, Set.of()).contains(itemId);
    }

    public Optional<Answer> answer(String itemId, String personId) {
        return Optional.ofNullable(answers.getOrDefault(itemId, Map.of()).get(personId));
    }

    public Map<String, Answer> answersTo(String itemId) {
        return Collections.unmodifiableMap(answers.getOrDefault(itemId, Map.of()));
    }

    public boolean brought(String itemId, String personId, int round) {
        return brought.contains(itemId + "/" + personId + "/" + round);
    }

    /** Changes with every completion and answer: staff screens ask for the counts again when it moves. */
    public long version() {
        return version;
    }
}
