package org.assemblyhub.kernel.agreement;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * How an agreement result is read, every part explicit: the support threshold and what it is a share of, the quorum
 * (share of the eligible voters who must take part), what a block does, and the share of "more discussion" that
 * calls for another round (null: never).
 */
public record AdoptionRule(Fraction threshold, Base base, Fraction quorum, BlockEffect block, Fraction anotherRoundAt)
        implements Serializable {
    /** What the threshold is a share of. */
    public enum Base {
        VALID_VOTES,
        BALLOTS_CAST,
        ALL_MEMBERS
    }

    /** VETO: one block and it is not adopted; DISCUSS: another round is needed; OPPOSE: a block counts as a no. */
    public enum BlockEffect {
        VETO,
        DISCUSS,
        OPPOSE
    }

    /** Practice in citizens' assemblies: 80 % of valid votes, two thirds taking part, a block sends it back. */
    public static final AdoptionRule DEFAULT = new AdoptionRule(
            new Fraction(4, 5), Base.VALID_VOTES, new Fraction(2, 3), BlockEffect.DISCUSS, new Fraction(1, 5));

    public AdoptionRule {
        if (threshold == null || base == null || block == null) throw new IllegalArgumentException("incomplete rule");
    }

    /**
     * The rule in one line, e.g. {@code threshold=4/5 base=valid-votes quorum=2/3 block=discuss another-round-at=1/5}.
     */
    public String describe() {
        return "threshold=" + threshold + " base=" + base.name().toLowerCase().replace('_', '-')
                + " quorum=" + (quorum == null ? "none" : quorum) + " block="
                + block.name().toLowerCase()
                + " another-round-at=" + (anotherRoundAt == null ? "none" : anotherRoundAt);
    }

    /** The inverse of {@link #describe()}. */
    public static AdoptionRule parse(String text) {
        Map<String, String> parts = new HashMap<>();
        for (String part : text.strip().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) parts.put(part.substring(0, eq), part.substring(eq + 1));
        }
        String quorum = parts.getOrDefault("quorum", "none");
        String again = parts.getOrDefault("another-round-at", "none");
        return new AdoptionRule(
                Fraction.parse(parts.getOrDefault("threshold", "")),
                Base.valueOf(parts.getOrDefault("base", "").toUpperCase().replace('-', '_')),
                quorum.equals("none") ? null : Fraction.parse(quorum),
                BlockEffect.valueOf(parts.getOrDefault("block", "").toUpperCase()),
                again.equals("none") ? null : Fraction.parse(again));
    }
}
