package org.assemblyhub.poll.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.kernel.agreement.AdoptionRule;
import org.assemblyhub.poll.domain.PollEvent.PollAnswered;
import org.assemblyhub.poll.domain.PollKind;
import org.assemblyhub.poll.domain.PollSpec;
import org.assemblyhub.poll.domain.Polls;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Polls and consensus rounds as each audience sees them. Plenary polls and rounds run in every group reach everyone;
 * a group's own poll reaches that group, the lead and organisers. Results show while open only when the poll says so.
 * Polls are secret by default: nobody sees who answered what. A named poll (a show of hands) shows participants
 * who gave which answer; observers never see names. Reasons given in a round reach participants, never observers.
 * In a round run in groups, each group sees its own count and the total; the lead and organisers see every group's.
 * Group numbers restart every breakout round, so a group's content is keyed by round and group: group 1 of round 2
 * never sees what group 1 of round 1 said.
 */
public final class PollView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PollView() {}

    /** {@code breakoutRound}: the current breakout round (the one the audience's group belongs to). */
    public static ObjectNode project(Polls polls, Roster state, Audience audience, int breakoutRound) {
        ObjectNode view = JSON.objectNode();
        boolean desk = audience.kind() == Audience.Kind.LEAD || audience.kind() == Audience.Kind.ORGANISER;
        for (Polls.Poll poll : polls.all()) {
            PollSpec spec = poll.spec();
            boolean sameRound = poll.opened().breakoutRound() == breakoutRound;
            if (spec.voters() == PollSpec.Voters.GROUP && !desk && (audience.group() != spec.group() || !sameRound))
                continue;
            ObjectNode p = poll(poll, audience, desk, sameRound);
            if (!spec.secret() && p.has("results") && !audience.onlooker()) p.set("names", names(poll, state));
            view.set(poll.id(), p);
        }
        return view;
    }

    private static ObjectNode poll(Polls.Poll poll, Audience audience, boolean desk, boolean sameRound) {
        PollSpec spec = poll.spec();
        ObjectNode p = JSON.objectNode();
        p.put("kind", spec.kind().wire()).put("question", spec.question());
        if (!spec.options().isEmpty()) strings(p.putArray("options"), spec.options());
        if (!spec.labels().isEmpty()) strings(p.putArray("labels"), spec.labels());
        if (spec.kind() == PollKind.MULTIPLE) p.put("maxChoices", spec.maxChoices());
        if (spec.kind() == PollKind.SCALE) p.put("scaleMin", spec.scaleMin()).put("scaleMax", spec.scaleMax());
        p.put("secret", spec.secret())
                .put("liveResults", spec.liveResults())
                .put("voters", spec.voters().name().toLowerCase())
                .put("group", spec.group())
                .put("inGroups", spec.inGroups())
                .put("round", poll.opened().round())
                .put("open", poll.isOpen())
                .put("openedAt", poll.opened().at().toString())
                .put("eligible", poll.eligible())
                .put("answered", poll.answers().size());
        if (spec.subject() != null) p.put("subject", spec.subject());
        if (spec.kind().isAgreement()) {
            p.put("rule", spec.ruleOrDefault().describe());
            ruleParts(p.putObject("ruleParts"), spec.ruleOrDefault());
        }
        if (spec.quorum() != null) p.put("quorum", spec.quorum().toString());
        if (poll.opened().closesAt() != null)
            p.put("closesAt", poll.opened().closesAt().toString());
        poll.closed().ifPresent(c -> p.put("closedAt", c.at().toString()));
        if (!spec.liveResults() && poll.isOpen()) return p;
        List<PollAnswered> answers = List.copyOf(poll.answers());
        boolean participant = !audience.onlooker();
        ObjectNode results = PollResults.of(
                spec,
                poll.eligible(),
                answers,
                g -> true,
                participant,
                desk || audience.kind() == Audience.Kind.FACILITATOR);
        if (spec.quorum() != null && !spec.kind().isAgreement())
            results.put("quorumReached", spec.quorum().reachedBy(answers.size(), poll.eligible()));
        p.set("results", results);
        if (spec.inGroups()) {
            ObjectNode groups = p.putObject("groups");
            answers.stream().mapToInt(PollAnswered::group).distinct().sorted().forEach(group -> {
                if (!desk && (audience.group() != group || !sameRound)) return;
                IntPredicate only = g -> g == group;
                groups.set(String.valueOf(group), PollResults.of(spec, 0, answers, only, participant, false));
            });
        }
        return p;
    }

    /**
     * A named poll (a show of hands): who gave which answer, for participants. Keyed by option index, scale value or
     * level; rankings and open answers are listed by the first choice or not at all.
     */
    private static ObjectNode names(Polls.Poll poll, Roster state) {
        ObjectNode names = JSON.objectNode();
        for (PollAnswered a : poll.answers()) {
            List<Integer> keys = a.answer().value() != null
                    ? List.of(a.answer().value())
                    : a.answer().choices().isEmpty()
                            ? List.of()
                            : poll.spec().kind() == PollKind.RANKING
                                    ? List.of(a.answer().choices().get(0))
                                    : a.answer().choices();
            for (int key : keys) {
                ArrayNode list = names.has(String.valueOf(key))
                        ? (ArrayNode) names.get(String.valueOf(key))
                        : names.putArray(String.valueOf(key));
                list.add(state.displayName(a.personId()));
            }
        }
        return names;
    }

    /** The rule's parts, named as in {@code open-poll}'s {@code rule} (absent: none): clients state it in words. */
    static void ruleParts(ObjectNode node, AdoptionRule rule) {
        node.put("threshold", rule.threshold().toString())
                .put("base", rule.base().name().toLowerCase().replace('_', '-'))
                .put("block", rule.block().name().toLowerCase());
        if (rule.quorum() != null) node.put("quorum", rule.quorum().toString());
        if (rule.anotherRoundAt() != null)
            node.put("anotherRoundAt", rule.anotherRoundAt().toString());
    }

    static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
