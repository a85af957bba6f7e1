package org.assemblyhub.recommendation;

import static org.assemblyhub.kernel.plug.PlainWire.checked;
import static org.assemblyhub.kernel.plug.WireArgs.MAX_LEVEL;
import static org.assemblyhub.kernel.plug.WireCommand.DESK;
import static org.assemblyhub.kernel.plug.WireCommand.MEMBERS;
import static org.assemblyhub.kernel.plug.WireCommand.ORGANISERS;
import static org.assemblyhub.kernel.plug.WireCommand.of;

import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.RuleArgs;
import org.assemblyhub.kernel.plug.WireArgs;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.recommendation.domain.Analysis;
import org.assemblyhub.recommendation.domain.BallotCommand;
import org.assemblyhub.recommendation.domain.DraftCommand;

import java.util.HexFormat;
import java.util.List;

/**
 * Wire commands of drafts and ballots (the shapes; the rules are the deciders'). Free text that others will read is
 * refused when it carries markup.
 */
public final class RecommendationWire {
    private RecommendationWire() {}

    public static final List<WireCommand> COMMANDS = List.of(
            of("propose-draft", DESK, (a, c) -> {
                Analysis analysis = analysis(a);
                String title = a.text("title", 400);
                String text = a.text("text", 20_000);
                return checked(
                        new DraftCommand.ProposeDraft(title, text, analysis, a.optionalId("fromIdeaId")),
                        title,
                        text,
                        analysis.fields().values());
            }),
            of("amend-draft", DESK, (a, c) -> {
                Analysis analysis = a.has("analysis") ? analysis(a) : null; // none sent: the draft keeps its analysis
                String title = a.text("title", 400);
                String text = a.text("text", 20_000);
                String note = a.text("note", 1_000);
                return checked(
                        new DraftCommand.AmendDraft(
                                a.id("draftId"),
                                a.integer("baseVersion", 1, Integer.MAX_VALUE),
                                title,
                                text,
                                analysis,
                                note),
                        title,
                        text,
                        note,
                        analysis == null ? List.of() : analysis.fields().values());
            }),
            of("open-ballot", DESK, (a, c) -> {
                if (!a.has("draftIds"))
                    throw new WireArgs.BadArgs("'draftIds' must be a list of at most 50 draft ids.");
                List<String> drafts = a.texts("draftIds", 50, WireArgs.MAX_ID);
                WireArgs rule = a.object("rule");
                String title = a.text("title", 400);
                byte[] salt = new byte[16];
                c.random().nextBytes(salt);
                return checked(
                        new BallotCommand.OpenBallot(
                                title,
                                drafts,
                                rule == null ? null : RuleArgs.rule(rule),
                                HexFormat.of().formatHex(salt)),
                        title);
            }),
            of(
                    "cast-ballot",
                    MEMBERS,
                    (a, c) -> Decoded.ok(new BallotCommand.CastBallot(
                            a.id("ballotId"),
                            a.integers("levels", 60, -MAX_LEVEL, MAX_LEVEL),
                            a.text("secret", 128),
                            a.text("previousSecret", 128)))),
            of("set-ballot-rule", ORGANISERS, (a, c) -> {
                WireArgs rule = a.object("rule");
                if (rule == null) throw new WireArgs.BadArgs("'rule' is an object such as {\"threshold\": \"2/3\"}.");
                return Decoded.ok(new BallotCommand.SetDefaultRule(RuleArgs.rule(rule)));
            }),
            of("close-ballot", DESK, (a, c) -> Decoded.ok(new BallotCommand.CloseBallot(a.id("ballotId")))),
            of("ballot-standing", MEMBERS, (a, c) -> Decoded.ok(new BallotCommand.Standing(a.id("ballotId")))),
            of(
                    "find-receipt",
                    MEMBERS,
                    (a, c) -> Decoded.ok(new BallotCommand.FindReceipt(a.id("ballotId"), a.text("secret", 128)))));

    private static Analysis analysis(WireArgs a) {
        WireArgs x = a.object("analysis");
        if (x == null) return Analysis.EMPTY;
        int max = Analysis.MAX_FIELD * 2;
        return new Analysis(
                x.text("benefits", max),
                x.text("drawbacks", max),
                x.text("costs", max),
                x.text("implementers", max),
                x.text("tradeoffs", max),
                x.text("evidence", max));
    }
}
