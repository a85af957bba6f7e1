package org.assemblyhub.kernel.agreement;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An agreement scale counted and read under its {@link AdoptionRule}. {@code base} is the number the threshold was
 * applied to; {@code support} and the other counts are by {@link Level}.
 */
public record AgreementTally(
        int[] perLevel, Map<Level, Integer> byLevel, int cast, int eligible, int base, Outcome outcome, String reason) {

    public static AgreementTally of(Scale kind, List<Integer> values, int eligible, AdoptionRule rule) {
        int[] perLevel = new int[kind.size()];
        Map<Level, Integer> by = new EnumMap<>(Level.class);
        for (Level l : Level.values()) by.put(l, 0);
        for (int v : values) {
            perLevel[v - kind.firstLevel()]++;
            by.merge(kind.level(v), 1, Integer::sum);
        }
        int cast = values.size();
        int support = by.get(Level.SUPPORT);
        int blocks = by.get(Level.BLOCK);
        int against = by.get(Level.AGAINST) + (rule.block() == AdoptionRule.BlockEffect.OPPOSE ? blocks : 0);
        int valid = cast - by.get(Level.ABSTAIN);
        int base =
                switch (rule.base()) {
                    case VALID_VOTES -> valid;
                    case BALLOTS_CAST -> cast;
                    case ALL_MEMBERS -> eligible;
                };
        if (rule.quorum() != null && !rule.quorum().reachedBy(cast, eligible)) {
            return new AgreementTally(
                    perLevel,
                    by,
                    cast,
                    eligible,
                    base,
                    Outcome.NO_QUORUM,
                    cast + " of " + eligible + " took part; the quorum is " + rule.quorum() + ".");
        }
        if (blocks > 0 && rule.block() != AdoptionRule.BlockEffect.OPPOSE) {
            boolean veto = rule.block() == AdoptionRule.BlockEffect.VETO;
            return new AgreementTally(
                    perLevel,
                    by,
                    cast,
                    eligible,
                    base,
                    veto ? Outcome.NOT_ADOPTED : Outcome.ANOTHER_ROUND,
                    blocks
                            + (blocks == 1 ? " block" : " blocks")
                            + (veto ? ": not adopted." : ": another round is needed."));
        }
        if (rule.anotherRoundAt() != null
                && by.get(Level.MORE_DISCUSSION) > 0
                && rule.anotherRoundAt().reachedBy(by.get(Level.MORE_DISCUSSION), cast)) {
            return new AgreementTally(
                    perLevel,
                    by,
                    cast,
                    eligible,
                    base,
                    Outcome.ANOTHER_ROUND,
                    by.get(Level.MORE_DISCUSSION) + " of " + cast + " ask for more discussion (" + rule.anotherRoundAt()
                            + " or more calls another round).");
        }
        boolean adopted = base > 0 && rule.threshold().reachedBy(support, base);
        return new AgreementTally(
                perLevel,
                by,
                cast,
                eligible,
                base,
                adopted ? Outcome.ADOPTED : Outcome.NOT_ADOPTED,
                support + " support of " + base + (adopted ? " reaches " : " does not reach ") + rule.threshold()
                        + ".");
    }

    public int support() {
        return byLevel.get(Level.SUPPORT);
    }
}
