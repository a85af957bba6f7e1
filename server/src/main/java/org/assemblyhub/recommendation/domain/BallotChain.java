package org.assemblyhub.recommendation.domain;

import org.assemblyhub.kernel.agreement.AdoptionRule;
import org.assemblyhub.kernel.agreement.AgreementTally;
import org.assemblyhub.kernel.agreement.Scale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What each link of a ballot's chain holds, and the count made from the chain alone — the same code the hub uses to
 * tally and {@code ./hub verify ballot} uses to re-count, so a published record can be checked by anyone.
 */
public final class BallotChain {
    public static final String OPENED = "opened";
    public static final String ROLL_EXTENDED = "roll-extended";
    public static final String ACCEPTED = "accepted";
    public static final String SUPERSEDED = "superseded";
    public static final String CLOSED = "closed";
    public static final String TALLIED = "tallied";

    private BallotChain() {}

    static Map<String, String> opened(BallotSpec spec, List<String> roll, String salt, Instant at) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", spec.title());
        f.put("items", String.valueOf(spec.items().size()));
        for (int i = 0; i < spec.items().size(); i++) {
            BallotSpec.Item item = spec.items().get(i);
            f.put("item." + (i + 1), item.draftId() + " v" + item.version() + " " + item.title());
        }
        f.put("scale", Scale.SUPPORT.wire());
        f.put("rule", spec.rule().describe());
        f.put("roll.size", String.valueOf(roll.size()));
        f.put("roll.fingerprint", fingerprint(roll, salt));
        f.put("at", at.toString());
        return f;
    }

    /**
     * SHA-256 of the roll's person ids, sorted, one per line, after a random salt and a line feed: organisers, who see
     * the salt, can check it against their list; nobody else can try guesses of who was there (without the salt, a
     * roll of 150 known ids missing three takes half a million guesses). Older ballots have no salt.
     */
    public static String fingerprint(List<String> roll, String salt) {
        String ids = roll.stream().sorted().collect(Collectors.joining("\n"));
        return AuditEntry.sha256(salt == null ? ids : salt + "\n" + ids);
    }

    /** A latecomer joined the roll: its new size and fingerprint (same salt as the opening). */
    static Map<String, String> rollExtended(List<String> roll, String salt, Instant at) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("roll.size", String.valueOf(roll.size()));
        f.put("roll.fingerprint", fingerprint(roll, salt));
        f.put("at", at.toString());
        return f;
    }

    /** The roll's size as the chain last stated it: at the opening, or at the last latecomer. */
    public static int rollSize(List<AuditEntry> chain) {
        int size = 0;
        for (AuditEntry e : chain) {
            if (OPENED.equals(e.type()) || ROLL_EXTENDED.equals(e.type()))
                size = Integer.parseInt(e.fields().get("roll.size"));
        }
        return size;
    }

    static Map<String, String> accepted(String tracker, List<Integer> levels) {
        return Map.of("tracker", tracker, "choice", Trackers.choiceText(levels));
    }

    static Map<String, String> superseded(String tracker) {
        return Map.of("tracker", tracker);
    }

    static Map<String, String> closed(int turnout, int counted, Instant at) {
        return Map.of("turnout", String.valueOf(turnout), "counted", String.valueOf(counted), "at", at.toString());
    }

    /** One line per item: counts per support level, the base, and the outcome under the rule. */
    public static Map<String, String> tally(List<AuditEntry> chain) {
        AuditEntry opened = chain.get(0);
        int items = Integer.parseInt(opened.fields().get("items"));
        int eligible = rollSize(chain);
        AdoptionRule rule = AdoptionRule.parse(opened.fields().get("rule"));
        Map<String, List<Integer>> live = liveBallots(chain);
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < items; i++) {
            List<Integer> values = new ArrayList<>();
            for (List<Integer> choice : live.values()) values.add(choice.get(i));
            AgreementTally t = AgreementTally.of(Scale.SUPPORT, values, eligible, rule);
            f.put(
                    "item." + (i + 1),
                    "levels="
                            + Arrays.stream(t.perLevel())
                                    .mapToObj(String::valueOf)
                                    .collect(Collectors.joining(",")) + " support=" + t.support() + " base=" + t.base()
                            + " outcome=" + t.outcome().wire());
        }
        f.put("counted", String.valueOf(live.size()));
        return f;
    }

    /** Tracker → levels of the ballots that count: accepted and not superseded, in chain order. */
    public static Map<String, List<Integer>> liveBallots(List<AuditEntry> chain) {
        Map<String, List<Integer>> live = new LinkedHashMap<>();
        for (AuditEntry e : chain) {
            if (ACCEPTED.equals(e.type()))
                live.put(
                        e.fields().get("tracker"),
                        Trackers.parseChoice(e.fields().get("choice")));
            if (SUPERSEDED.equals(e.type())) live.remove(e.fields().get("tracker"));
        }
        return live;
    }

    /** The outcome word of item {@code i} (1-based) in a tallied entry. */
    public static Optional<String> outcome(AuditEntry tallied, int item) {
        String line = tallied.fields().get("item." + item);
        if (line == null) return Optional.empty();
        int at = line.indexOf("outcome=");
        return at < 0 ? Optional.empty() : Optional.of(line.substring(at + 8));
    }
}
