package org.assemblyhub.assembly.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

import java.util.ArrayList;
import java.util.List;

/**
 * Wire → domain for polls, consensus rounds, drafts and ballots (the shapes; the rules are the deciders'). Free text
 * that others will read is refused when it carries markup.
 */
final class DecisionDecoder {
    private DecisionDecoder() {}

    /** The command, or null when {@code name} is not one of these. */
    static Decoded decode(String name, JsonObject a) {
        return switch (name) {
            case "open-poll" -> checked(new PollCommand.OpenPoll(spec(a)), a.getString("question"), a.getValue("options"), a.getValue("labels"));
            case "answer-poll" -> {
                String text = string(a, "text", PollSpec.MAX_REASON * 2);
                yield checked(new PollCommand.AnswerPoll(id(a, "pollId"), new Answer(ints(a, "choices", PollSpec.MAX_OPTIONS * 2),
                        optionalInt(a, "value"), text)), text);
            }
            case "close-poll" -> Decoded.ok(new PollCommand.ClosePoll(id(a, "pollId")));
            case "propose-draft" -> {
                Analysis analysis = analysis(a);
                yield checked(new DraftCommand.ProposeDraft(string(a, "title", 400), string(a, "text", 20_000), analysis,
                        a.getValue("fromIdeaId") == null ? null : id(a, "fromIdeaId")), a.getString("title"), a.getString("text"), analysis.fields().values());
            }
            case "amend-draft" -> {
                Analysis analysis = analysis(a);
                yield checked(new DraftCommand.AmendDraft(id(a, "draftId"), requiredInt(a, "baseVersion"), string(a, "title", 400),
                        string(a, "text", 20_000), analysis, string(a, "note", 1_000)),
                        a.getString("title"), a.getString("text"), a.getString("note"), analysis.fields().values());
            }
            case "open-ballot" -> {
                List<String> drafts = new ArrayList<>();
                Object raw = a.getValue("draftIds");
                if (!(raw instanceof JsonArray list) || list.size() > 50) throw new CommandDecoder.BadArgs("'draftIds' must be a list of at most 50 draft ids.");
                for (Object o : list) {
                    if (!(o instanceof String s) || s.length() > CommandDecoder.MAX_ID) throw new CommandDecoder.BadArgs("Each draft id must be text.");
                    drafts.add(s);
                }
                AdoptionRule rule = a.getValue("rule") == null ? AdoptionRule.DEFAULT : rule(a.getJsonObject("rule"));
                yield checked(new BallotCommand.OpenBallot(string(a, "title", 400), drafts, rule), a.getString("title"));
            }
            case "cast-ballot" -> Decoded.ok(new BallotCommand.CastBallot(id(a, "ballotId"), ints(a, "levels", 60),
                    string(a, "secret", 128), string(a, "previousSecret", 128)));
            case "close-ballot" -> Decoded.ok(new BallotCommand.CloseBallot(id(a, "ballotId")));
            case "find-receipt" -> Decoded.ok(new BallotCommand.FindReceipt(id(a, "ballotId"), string(a, "secret", 128)));
            default -> null;
        };
    }

    private static PollSpec spec(JsonObject a) {
        PollKind kind = PollKind.parse(a.getString("kind", ""));
        if (kind == null) throw new CommandDecoder.BadArgs("Unknown kind of poll; use single, multiple, scale, ranking, text, gradients, fist, consent or support.");
        PollSpec.Voters voters = switch (a.getString("voters", "everyone")) {
            case "everyone" -> PollSpec.Voters.EVERYONE;
            case "group" -> PollSpec.Voters.GROUP;
            case "facilitators" -> PollSpec.Voters.FACILITATORS;
            default -> throw new CommandDecoder.BadArgs("'voters' is everyone, group or facilitators.");
        };
        int maxChoices = a.getValue("maxChoices") == null ? strings(a, "options").size() : requiredInt(a, "maxChoices");
        return new PollSpec(kind, string(a, "question", PollSpec.MAX_QUESTION * 2), strings(a, "options"), maxChoices,
                a.getValue("scaleMin") == null ? 1 : requiredInt(a, "scaleMin"), a.getValue("scaleMax") == null ? 5 : requiredInt(a, "scaleMax"),
                strings(a, "labels"), !Boolean.FALSE.equals(a.getValue("secret")), !Boolean.FALSE.equals(a.getValue("liveResults")),
                voters, a.getValue("group") == null ? 0 : requiredInt(a, "group"), Boolean.TRUE.equals(a.getValue("inGroups")),
                fraction(a, "quorum"), a.getValue("rule") instanceof JsonObject r ? rule(r) : null,
                a.getValue("subject") == null ? null : id(a, "subject"), a.getValue("minutes") == null ? 0 : requiredInt(a, "minutes"), false);
    }

    private static AdoptionRule rule(JsonObject r) {
        AdoptionRule d = AdoptionRule.DEFAULT;
        try {
            return new AdoptionRule(
                    r.getValue("threshold") == null ? d.threshold() : fraction(r, "threshold"),
                    r.getValue("base") == null ? d.base() : AdoptionRule.Base.valueOf(r.getString("base").toUpperCase().replace('-', '_')),
                    r.containsKey("quorum") ? fraction(r, "quorum") : d.quorum(),
                    r.getValue("block") == null ? d.block() : AdoptionRule.BlockEffect.valueOf(r.getString("block").toUpperCase()),
                    r.containsKey("anotherRoundAt") ? fraction(r, "anotherRoundAt") : d.anotherRoundAt());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new CommandDecoder.BadArgs("The rule is not understood: threshold and quorum are fractions like \"4/5\"; base is valid-votes, "
                    + "ballots-cast or all-members; block is veto, discuss or oppose.");
        }
    }

    private static Fraction fraction(JsonObject a, String key) {
        Object value = a.getValue(key);
        if (value == null) return null;
        try {
            return Fraction.parse((String) value);
        } catch (RuntimeException e) {
            throw new CommandDecoder.BadArgs("'" + key + "' must be a fraction like \"2/3\".");
        }
    }

    private static Analysis analysis(JsonObject a) {
        Object raw = a.getValue("analysis");
        if (raw == null) return Analysis.EMPTY;
        if (!(raw instanceof JsonObject x)) throw new CommandDecoder.BadArgs("'analysis' must be an object.");
        int max = Analysis.MAX_FIELD * 2;
        return new Analysis(string(x, "benefits", max), string(x, "drawbacks", max), string(x, "costs", max),
                string(x, "implementers", max), string(x, "tradeoffs", max), string(x, "evidence", max));
    }

    /** The command, unless one of the texts others will read carries markup. */
    private static Decoded checked(org.assemblyhub.assembly.domain.DomainCommand command, Object... texts) {
        for (Object t : texts) {
            if (t instanceof String s && PlainText.hasMarkup(s)) return markup();
            if (t instanceof Iterable<?> many) {
                for (Object o : many) if (o instanceof String s && PlainText.hasMarkup(s)) return markup();
            }
        }
        return Decoded.ok(command);
    }

    private static Decoded markup() {
        return Decoded.failed("markup-not-allowed", "Write plain text: tags and other markup (<…>) are not accepted.");
    }

    private static String id(JsonObject a, String key) {
        String s = string(a, key, CommandDecoder.MAX_ID);
        if (s == null || s.isBlank()) throw new CommandDecoder.BadArgs("'" + key + "' is required.");
        return s;
    }

    private static String string(JsonObject a, String key, int max) {
        Object value = a.getValue(key);
        if (value == null) return null;
        if (!(value instanceof String s)) throw new CommandDecoder.BadArgs("'" + key + "' must be text.");
        if (s.length() > max) throw new CommandDecoder.BadArgs("'" + key + "' is longer than " + max + " characters.");
        return s;
    }

    private static List<String> strings(JsonObject a, String key) {
        Object raw = a.getValue(key);
        if (raw == null) return List.of();
        if (!(raw instanceof JsonArray list) || list.size() > PollSpec.MAX_OPTIONS * 2) throw new CommandDecoder.BadArgs("'" + key + "' must be a short list of texts.");
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s) || s.length() > PollSpec.MAX_OPTION * 2) throw new CommandDecoder.BadArgs("Each of '" + key + "' must be short text.");
            out.add(s.strip());
        }
        return out;
    }

    private static List<Integer> ints(JsonObject a, String key, int max) {
        Object raw = a.getValue(key);
        if (raw == null) return List.of();
        if (!(raw instanceof JsonArray list) || list.size() > max) throw new CommandDecoder.BadArgs("'" + key + "' must be a list of at most " + max + " whole numbers.");
        List<Integer> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Integer || o instanceof Long)) throw new CommandDecoder.BadArgs("Each of '" + key + "' must be a whole number.");
            out.add(((Number) o).intValue());
        }
        return out;
    }

    private static Integer optionalInt(JsonObject a, String key) {
        return a.getValue(key) == null ? null : requiredInt(a, key);
    }

    private static int requiredInt(JsonObject a, String key) {
        Object value = a.getValue(key);
        if (!(value instanceof Integer || value instanceof Long)) throw new CommandDecoder.BadArgs("'" + key + "' must be a whole number.");
        long v = ((Number) value).longValue();
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) throw new CommandDecoder.BadArgs("'" + key + "' is out of range.");
        return (int) v;
    }
}
