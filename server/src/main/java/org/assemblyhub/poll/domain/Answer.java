package org.assemblyhub.poll.domain;

import org.assemblyhub.kernel.agreement.Level;

import java.io.Serializable;
import java.util.List;

/**
 * One person's answer: {@code choices} (option indexes; for a ranking, best first), {@code value} (scale or
 * agreement level) or {@code text} (open answer, or the reason given with an agreement level).
 */
public record Answer(List<Integer> choices, Integer value, String text) implements Serializable {
    public Answer {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A problem with this answer to {@code spec}, or null. */
    public String problemFor(PollSpec spec) {
        PollKind kind = spec.kind();
        int n = spec.options().size();
        if (kind == PollKind.SINGLE || kind == PollKind.MULTIPLE || kind == PollKind.RANKING) {
            if (choices.isEmpty()) return "Choose an option.";
            if (choices.stream().anyMatch(c -> c == null || c < 0 || c >= n)) return "There is no such option.";
            if (choices.stream().distinct().count() != choices.size()) {
                return kind == PollKind.RANKING ? "Each option can be ranked only once." : "An option is chosen twice.";
            }
            if (kind == PollKind.SINGLE && choices.size() != 1) return "Choose exactly one option.";
            if (kind == PollKind.MULTIPLE && choices.size() > spec.maxChoices())
                return "Choose at most " + spec.maxChoices() + " options.";
            return null;
        }
        if (kind == PollKind.SCALE) {
            if (value == null || value < spec.scaleMin() || value > spec.scaleMax()) {
                return "Choose a value from " + spec.scaleMin() + " to " + spec.scaleMax() + ".";
            }
            return null;
        }
        if (kind == PollKind.TEXT) {
            if (text == null || text.isBlank()) return "Write your answer.";
            if (text.length() > PollSpec.MAX_TEXT) return "An answer is at most " + PollSpec.MAX_TEXT + " characters.";
            return null;
        }
        if (value == null || value < kind.firstLevel() || value > kind.lastLevel()) {
            return "Choose a level from " + kind.firstLevel() + " to " + kind.lastLevel() + ".";
        }
        if (text != null && text.length() > PollSpec.MAX_REASON)
            return "A reason is at most " + PollSpec.MAX_REASON + " characters.";
        if (kind == PollKind.CONSENT && kind.level(value) == Level.BLOCK && (text == null || text.isBlank())) {
            return "An objection needs its reason, so the proposal can be improved.";
        }
        return null;
    }
}
