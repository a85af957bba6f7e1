package org.assemblyhub.poll.domain;

import org.assemblyhub.kernel.agreement.AdoptionRule;
import org.assemblyhub.kernel.agreement.Fraction;

import java.io.Serializable;
import java.util.List;

/**
 * Everything that defines a poll or a consensus round, fixed when it opens.
 *
 * @param options    choices (single, multiple, ranking)
 * @param maxChoices multiple choice: how many may be ticked
 * @param scaleMin scale: lowest value (labels: {@code labels.get(0)} for the lowest, {@code labels.get(1)} for the
 * highest)
 * @param labels     scale end labels, or custom labels for an agreement scale's levels (empty: the standard ones)
 * @param secret     nobody sees who answered what (the default; answers are still kept per person, so a vote can be
 *                   changed); otherwise a named poll, a show of hands that participants see
 * @param liveResults results shown while the poll is open; otherwise only the number of answers until it closes
 * @param voters     who answers; {@code group} says which group for {@link Voters#GROUP}
 * @param inGroups   agreement kinds: run in every breakout group at once, totalled across groups
 * @param quorum     share of the eligible who must answer (null: none)
 * @param rule       agreement kinds: how the result is read
 * @param subject    the draft recommendation a consensus round is about (null: a statement)
 * @param minutes    closes itself after this long (0: closed by hand)
 * @param fromScript opened by the script's segment, and closed when the segment ends
 */
public record PollSpec(
        PollKind kind,
        String question,
        List<String> options,
        int maxChoices,
        int scaleMin,
        int scaleMax,
        List<String> labels,
        boolean secret,
        boolean liveResults,
        Voters voters,
        int group,
        boolean inGroups,
        Fraction quorum,
        AdoptionRule rule,
        String subject,
        int minutes,
        boolean fromScript)
        implements Serializable {
    public enum Voters {
        EVERYONE,
        GROUP,
        FACILITATORS
    }

    public static final int MAX_QUESTION = 500;
    public static final int MAX_OPTION = 200;
    public static final int MAX_OPTIONS = 20;
    public static final int MAX_TEXT = 280;
    public static final int MAX_REASON = 500;

    public PollSpec {
        options = options == null ? List.of() : List.copyOf(options);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public PollSpec withVoters(Voters voters, int group) {
        return new PollSpec(
                kind,
                question,
                options,
                maxChoices,
                scaleMin,
                scaleMax,
                labels,
                secret,
                liveResults,
                voters,
                group,
                inGroups,
                quorum,
                rule,
                subject,
                minutes,
                fromScript);
    }

    /** A problem with the definition itself, or null. */
    public String problem() {
        if (kind == null) return "Choose a kind of question.";
        if (question == null || question.isBlank()) return "Write the question.";
        if (question.length() > MAX_QUESTION) return "A question is at most " + MAX_QUESTION + " characters.";
        boolean choices = kind == PollKind.SINGLE || kind == PollKind.MULTIPLE || kind == PollKind.RANKING;
        if (choices && (options.size() < 2 || options.size() > MAX_OPTIONS))
            return "Give 2 to " + MAX_OPTIONS + " options.";
        if (!choices && !options.isEmpty()) return "Only choice and ranking questions have options.";
        if (options.stream().anyMatch(o -> o == null || o.isBlank() || o.length() > MAX_OPTION)) {
            return "Each option holds 1 to " + MAX_OPTION + " characters.";
        }
        if (options.stream().map(String::strip).distinct().count() != options.size())
            return "Two options are the same.";
        if (kind == PollKind.MULTIPLE && (maxChoices < 1 || maxChoices > options.size())) {
            return "The maximum number of choices is between 1 and the number of options.";
        }
        if (kind == PollKind.SCALE && (scaleMax <= scaleMin || scaleMax - scaleMin > 10))
            return "A scale has 2 to 11 points.";
        if (kind.isAgreement() && !labels.isEmpty() && labels.size() != kind.size()) {
            return "Give a label for each of the " + kind.size() + " levels, or none.";
        }
        if (labels.stream().anyMatch(l -> l == null || l.length() > MAX_OPTION))
            return "A label is at most " + MAX_OPTION + " characters.";
        if (inGroups && !kind.isAgreement()) return "Only consensus rounds run in every group at once.";
        if (minutes < 0 || minutes > 240) return "A poll lasts 0 to 240 minutes (0: until closed by hand).";
        return null;
    }

    /** The rule applied to an agreement result: the poll's own, or the default one. */
    public AdoptionRule ruleOrDefault() {
        return rule == null ? AdoptionRule.DEFAULT : rule;
    }
}
