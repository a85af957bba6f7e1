package org.assemblyhub.assembly.engine;

import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.WireArgs;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.decision.domain.Analysis;
import org.assemblyhub.decision.domain.BallotCommand;
import org.assemblyhub.decision.domain.DraftCommand;
import org.assemblyhub.poll.domain.AdoptionRule;
import org.assemblyhub.poll.domain.Answer;
import org.assemblyhub.poll.domain.Fraction;
import org.assemblyhub.poll.domain.PollCommand;
import org.assemblyhub.poll.domain.PollKind;
import org.assemblyhub.poll.domain.PollSpec;
import org.assemblyhub.support.PlainText;

import java.util.List;
import java.util.Map;

import static org.assemblyhub.kernel.plug.WireCommand.DESK;
import static org.assemblyhub.kernel.plug.WireCommand.MEMBERS;
import static org.assemblyhub.kernel.plug.WireCommand.PARTICIPANTS;
import static org.assemblyhub.kernel.plug.WireCommand.of;

/**
 * Wire commands of polls, consensus rounds, drafts and ballots (the shapes; the rules are the deciders'). Free text
 * that others will read is refused when it carries markup.
 */
final class DecisionWire {
    static final int MAX_LEVEL = 100;

    private DecisionWire() {}

    private static final Map<String, PollSpec.Voters> VOTERS = Map.of("everyone", PollSpec.Voters.EVERYONE,
            "group", PollSpec.Voters.GROUP, "facilitators", PollSpec.Voters.FACILITATORS);
    private static final Map<String, AdoptionRule.Base> BASES = Map.of("valid-votes", AdoptionRule.Base.VALID_VOTES,
            "ballots-cast", AdoptionRule.Base.BALLOTS_CAST, "all-members", AdoptionRule.Base.ALL_MEMBERS);
    private static final Map<String, AdoptionRule.BlockEffect> BLOCKS = Map.of("veto", AdoptionRule.BlockEffect.VETO,
            "discuss", AdoptionRule.BlockEffect.DISCUSS, "oppose", AdoptionRule.BlockEffect.OPPOSE);

    static final List<WireCommand> COMMANDS = List.of(
            of("open-poll", DESK, (a, c) -> {
                PollSpec spec = spec(a);
                return checked(new PollCommand.OpenPoll(spec), spec.question(), spec.options(), spec.labels());
            }),
            of("answer-poll", PARTICIPANTS, (a, c) -> {
                String text = a.text("text", PollSpec.MAX_REASON * 2);
                return checked(new PollCommand.AnswerPoll(a.id("pollId"), new Answer(a.integers("choices", PollSpec.MAX_OPTIONS * 2, 0, PollSpec.MAX_OPTIONS * 2),
                        a.optionalInteger("value", -MAX_LEVEL, MAX_LEVEL), text)), text);
            }),
            of("close-poll", DESK, (a, c) -> Decoded.ok(new PollCommand.ClosePoll(a.id("pollId")))),
            of("propose-draft", DESK, (a, c) -> {
                Analysis analysis = analysis(a);
                String title = a.text("title", 400);
                String text = a.text("text", 20_000);
                return checked(new DraftCommand.ProposeDraft(title, text, analysis, a.optionalId("fromIdeaId")),
                        title, text, analysis.fields().values());
            }),
            of("amend-draft", DESK, (a, c) -> {
                Analysis analysis = a.has("analysis") ? analysis(a) : null; // none sent: the draft keeps its analysis
                String title = a.text("title", 400);
                String text = a.text("text", 20_000);
                String note = a.text("note", 1_000);
                return checked(new DraftCommand.AmendDraft(a.id("draftId"), a.integer("baseVersion", 1, Integer.MAX_VALUE), title, text,
                        analysis, note), title, text, note, analysis == null ? List.of() : analysis.fields().values());
            }),
            of("open-ballot", DESK, (a, c) -> {
                if (!a.has("draftIds")) throw new WireArgs.BadArgs("'draftIds' must be a list of at most 50 draft ids.");
                List<String> drafts = a.texts("draftIds", 50, WireArgs.MAX_ID);
                WireArgs rule = a.object("rule");
                String title = a.text("title", 400);
                byte[] salt = new byte[16];
                c.random().nextBytes(salt);
                return checked(new BallotCommand.OpenBallot(title, drafts, rule == null ? AdoptionRule.DEFAULT : rule(rule),
                        java.util.HexFormat.of().formatHex(salt)), title);
            }),
            of("cast-ballot", MEMBERS, (a, c) -> Decoded.ok(new BallotCommand.CastBallot(a.id("ballotId"),
                    a.integers("levels", 60, -MAX_LEVEL, MAX_LEVEL), a.text("secret", 128), a.text("previousSecret", 128)))),
            of("close-ballot", DESK, (a, c) -> Decoded.ok(new BallotCommand.CloseBallot(a.id("ballotId")))),
            of("find-receipt", MEMBERS, (a, c) -> Decoded.ok(new BallotCommand.FindReceipt(a.id("ballotId"), a.text("secret", 128)))));

    private static PollSpec spec(WireArgs a) {
        PollKind kind = PollKind.parse(a.text("kind", 40) == null ? "" : a.text("kind", 40));
        if (kind == null) throw new WireArgs.BadArgs("Unknown kind of poll; use single, multiple, scale, ranking, text, gradients, fist, consent or support.");
        List<String> options = a.texts("options", PollSpec.MAX_OPTIONS * 2, PollSpec.MAX_OPTION * 2);
        WireArgs rule = a.object("rule");
        return new PollSpec(kind, a.text("question", PollSpec.MAX_QUESTION * 2), options,
                a.integer("maxChoices", 0, PollSpec.MAX_OPTIONS * 2, options.size()),
                a.integer("scaleMin", -MAX_LEVEL, MAX_LEVEL, 1), a.integer("scaleMax", -MAX_LEVEL, MAX_LEVEL, 5),
                a.texts("labels", PollSpec.MAX_OPTIONS * 2, PollSpec.MAX_OPTION * 2), a.flag("secret", true), a.flag("liveResults", true),
                a.oneOf("voters", VOTERS, null), a.integer("group", 0, BreakoutWire.MAX_GROUP, 0), a.flag("inGroups", false),
                fraction(a, "quorum"), rule == null ? null : rule(rule), a.optionalId("subject"),
                a.integer("minutes", 0, 240, 0), false);
    }

    private static AdoptionRule rule(WireArgs r) {
        AdoptionRule d = AdoptionRule.DEFAULT;
        return new AdoptionRule(
                r.has("threshold") ? fraction(r, "threshold") : d.threshold(),
                r.oneOf("base", BASES, d.base()),
                r.raw().containsKey("quorum") ? fraction(r, "quorum") : d.quorum(),
                r.oneOf("block", BLOCKS, d.block()),
                r.raw().containsKey("anotherRoundAt") ? fraction(r, "anotherRoundAt") : d.anotherRoundAt());
    }

    private static Fraction fraction(WireArgs a, String key) {
        return a.parsed(key, Fraction::parse, "'" + key + "' must be a fraction like \"2/3\".");
    }

    private static Analysis analysis(WireArgs a) {
        WireArgs x = a.object("analysis");
        if (x == null) return Analysis.EMPTY;
        int max = Analysis.MAX_FIELD * 2;
        return new Analysis(x.text("benefits", max), x.text("drawbacks", max), x.text("costs", max),
                x.text("implementers", max), x.text("tradeoffs", max), x.text("evidence", max));
    }

    /** The command, unless one of the texts others will read carries markup. */
    private static Decoded checked(org.assemblyhub.kernel.DomainCommand command, Object... texts) {
        for (Object t : texts) {
            if (t instanceof String s && PlainText.hasMarkup(s)) return BreakoutWire.markup();
            if (t instanceof Iterable<?> many) {
                for (Object o : many) if (o instanceof String s && PlainText.hasMarkup(s)) return BreakoutWire.markup();
            }
        }
        return Decoded.ok(command);
    }
}
