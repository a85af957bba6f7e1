package org.assemblyhub.poll;

import static org.assemblyhub.kernel.plug.PlainWire.checked;
import static org.assemblyhub.kernel.plug.WireArgs.MAX_LEVEL;
import static org.assemblyhub.kernel.plug.WireCommand.DESK;
import static org.assemblyhub.kernel.plug.WireCommand.PARTICIPANTS;
import static org.assemblyhub.kernel.plug.WireCommand.of;

import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.RuleArgs;
import org.assemblyhub.kernel.plug.WireArgs;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.poll.domain.Answer;
import org.assemblyhub.poll.domain.PollCommand;
import org.assemblyhub.poll.domain.PollKind;
import org.assemblyhub.poll.domain.PollSpec;

import java.util.List;
import java.util.Map;

/** Wire commands of polls and consensus rounds (the shapes; the rules are the decider's). */
public final class PollWire {
    private PollWire() {}

    private static final Map<String, PollSpec.Voters> VOTERS = Map.of(
            "everyone",
            PollSpec.Voters.EVERYONE,
            "group",
            PollSpec.Voters.GROUP,
            "facilitators",
            PollSpec.Voters.FACILITATORS);

    public static final List<WireCommand> COMMANDS = List.of(
            of("open-poll", DESK, (a, c) -> {
                PollSpec spec = spec(a);
                return checked(new PollCommand.OpenPoll(spec), spec.question(), spec.options(), spec.labels());
            }),
            of("answer-poll", PARTICIPANTS, (a, c) -> {
                String text = a.text("text", PollSpec.MAX_REASON * 2);
                return checked(
                        new PollCommand.AnswerPoll(
                                a.id("pollId"),
                                new Answer(
                                        a.integers("choices", PollSpec.MAX_OPTIONS * 2, 0, PollSpec.MAX_OPTIONS * 2),
                                        a.optionalInteger("value", -MAX_LEVEL, MAX_LEVEL),
                                        text)),
                        text);
            }),
            of("close-poll", DESK, (a, c) -> Decoded.ok(new PollCommand.ClosePoll(a.id("pollId")))));

    private static PollSpec spec(WireArgs a) {
        PollKind kind = PollKind.parse(a.text("kind", 40) == null ? "" : a.text("kind", 40));
        if (kind == null) {
            throw new WireArgs.BadArgs(
                    "Unknown kind of poll; use single, multiple, scale, ranking, text, gradients, fist, consent or support.");
        }
        List<String> options = a.texts("options", PollSpec.MAX_OPTIONS * 2, PollSpec.MAX_OPTION * 2);
        WireArgs rule = a.object("rule");
        return new PollSpec(
                kind,
                a.text("question", PollSpec.MAX_QUESTION * 2),
                options,
                a.integer("maxChoices", 0, PollSpec.MAX_OPTIONS * 2, options.size()),
                a.integer("scaleMin", -MAX_LEVEL, MAX_LEVEL, 1),
                a.integer("scaleMax", -MAX_LEVEL, MAX_LEVEL, 5),
                a.texts("labels", PollSpec.MAX_OPTIONS * 2, PollSpec.MAX_OPTION * 2),
                a.flag("secret", true),
                a.flag("liveResults", true),
                a.oneOf("voters", VOTERS, null),
                a.integer("group", 0, WireArgs.MAX_GROUP, 0),
                a.flag("inGroups", false),
                RuleArgs.fraction(a, "quorum"),
                rule == null ? null : RuleArgs.rule(rule),
                a.optionalId("subject"),
                a.integer("minutes", 0, 240, 0),
                false);
    }
}
