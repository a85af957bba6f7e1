package org.assemblyhub.kernel.plug;

import org.assemblyhub.kernel.agreement.AdoptionRule;
import org.assemblyhub.kernel.agreement.Fraction;

import java.util.Map;

/** Reads an adoption rule from the wire (consensus rounds and ballots), with the same rules as every argument. */
public final class RuleArgs {
    private static final Map<String, AdoptionRule.Base> BASES = Map.of(
            "valid-votes",
            AdoptionRule.Base.VALID_VOTES,
            "ballots-cast",
            AdoptionRule.Base.BALLOTS_CAST,
            "all-members",
            AdoptionRule.Base.ALL_MEMBERS);
    private static final Map<String, AdoptionRule.BlockEffect> BLOCKS = Map.of(
            "veto",
            AdoptionRule.BlockEffect.VETO,
            "discuss",
            AdoptionRule.BlockEffect.DISCUSS,
            "oppose",
            AdoptionRule.BlockEffect.OPPOSE);

    private RuleArgs() {}

    /** Every key optional: what is not given is the default rule's. */
    public static AdoptionRule rule(WireArgs r) {
        AdoptionRule d = AdoptionRule.DEFAULT;
        return new AdoptionRule(
                r.has("threshold") ? fraction(r, "threshold") : d.threshold(),
                r.oneOf("base", BASES, d.base()),
                r.raw().containsKey("quorum") ? fraction(r, "quorum") : d.quorum(),
                r.oneOf("block", BLOCKS, d.block()),
                r.raw().containsKey("anotherRoundAt") ? fraction(r, "anotherRoundAt") : d.anotherRoundAt());
    }

    public static Fraction fraction(WireArgs a, String key) {
        return a.parsed(key, Fraction::parse, "'" + key + "' must be a fraction like \"2/3\".");
    }
}
