package org.assemblyhub.poll.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.agreement.AgreementTally;
import org.assemblyhub.kernel.agreement.Level;
import org.assemblyhub.poll.domain.Answer;
import org.assemblyhub.poll.domain.ModifiedBorda;
import org.assemblyhub.poll.domain.PollEvent.PollAnswered;
import org.assemblyhub.poll.domain.PollKind;
import org.assemblyhub.poll.domain.PollSpec;
import org.assemblyhub.poll.domain.Schulze;
import org.assemblyhub.poll.domain.WordCloud;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The tally of a poll's answers (those from the groups {@code groups} accepts) as JSON; also used by the open-data
 * export.
 */
public final class PollResults {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PollResults() {}

    /**
     * @param eligible    the roll's size for the rule's quorum (0 for a group's part of a round: no rule applied)
     * @param withReasons the reasons given with agreement levels, without names
     * @param withTexts   open answers in full, without names (otherwise the word cloud only)
     */
    public static ObjectNode of(
            PollSpec spec,
            int eligible,
            List<PollAnswered> all,
            IntPredicate groups,
            boolean withReasons,
            boolean withTexts) {
        List<Answer> answers = all.stream()
                .filter(a -> groups.test(a.group()))
                .map(PollAnswered::answer)
                .toList();
        ObjectNode r = JSON.objectNode().put("count", answers.size());
        int n = spec.options().size();
        PollKind kind = spec.kind();
        if (kind == PollKind.SINGLE || kind == PollKind.MULTIPLE) {
            int[] counts = new int[n];
            answers.forEach(a -> a.choices().forEach(c -> counts[c]++));
            ints(r.putArray("counts"), counts);
        } else if (kind == PollKind.RANKING) {
            List<List<Integer>> ballots = answers.stream().map(Answer::choices).toList();
            Schulze schulze = Schulze.of(n, ballots);
            ArrayNode ranking = r.putArray("schulze");
            schulze.ranking()
                    .forEach(tier -> ints(
                            ranking.addArray(),
                            tier.stream().mapToInt(Integer::intValue).toArray()));
            ArrayNode pairwise = r.putArray("pairwise");
            for (int[] row : schulze.pairwise()) ints(pairwise.addArray(), row);
            ints(r.putArray("borda"), ModifiedBorda.points(n, ballots));
            int[] first = new int[n];
            ballots.forEach(b -> first[b.get(0)]++);
            ints(r.putArray("firstChoices"), first);
        } else if (kind == PollKind.SCALE) {
            int[] counts = new int[spec.scaleMax() - spec.scaleMin() + 1];
            int[] values = answers.stream().mapToInt(Answer::value).sorted().toArray();
            for (int v : values) counts[v - spec.scaleMin()]++;
            ints(r.putArray("counts"), counts);
            if (values.length > 0) {
                r.put("mean", Math.round(Arrays.stream(values).average().orElse(0) * 100) / 100.0);
                int mid = values.length / 2;
                r.put("median", values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0);
            }
        } else if (kind == PollKind.TEXT) {
            List<String> texts = answers.stream().map(Answer::text).toList();
            ArrayNode words = r.putArray("words");
            WordCloud.of(texts, 60)
                    .forEach(w -> words.addObject().put("word", w.word()).put("count", w.count()));
            if (withTexts) texts.forEach(r.putArray("texts")::add);
        } else {
            List<Integer> values = answers.stream().map(Answer::value).toList();
            AgreementTally t = AgreementTally.of(kind.scale(), values, eligible, spec.ruleOrDefault());
            ints(r.putArray("levels"), t.perLevel());
            ObjectNode by = r.putObject("byLevel");
            t.byLevel()
                    .forEach((level, count) -> by.put(level.name().toLowerCase().replace('_', '-'), count));
            if (eligible > 0)
                r.put("base", t.base()).put("outcome", t.outcome().wire()).put("reason", t.reason());
            if (withReasons) {
                ArrayNode reasons = r.putArray("reasons");
                all.stream()
                        .filter(a -> groups.test(a.group()) && a.answer().text() != null)
                        .forEach(a -> {
                            Level level = kind.level(a.answer().value());
                            if (level.asksReason() || kind == PollKind.CONSENT) {
                                reasons.addObject()
                                        .put("level", a.answer().value())
                                        .put("text", a.answer().text())
                                        .put("group", a.group());
                            }
                        });
            }
        }
        return r;
    }

    private static void ints(ArrayNode array, int[] values) {
        for (int v : values) array.add(v);
    }
}
