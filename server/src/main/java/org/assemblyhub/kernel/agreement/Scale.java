package org.assemblyhub.kernel.agreement;

import java.util.List;

/**
 * The agreement scales, each with a fixed meaning per level (labels can change, meanings cannot): gradients of
 * agreement (Kaner's eight levels), fist-to-five, sociocratic consent, and the support scale of final ballots. Shared
 * by
 * consensus rounds (polls) and ballots (recommendations).
 */
public enum Scale {
    /** 1 wholehearted endorsement, 2 minor point of contention, 3 support with reservations, 4 abstain,
     * 5 more discussion needed, 6 don't like but will support, 7 serious disagreement, 8 block. */
    GRADIENTS(
            1,
            List.of(
                    Level.SUPPORT,
                    Level.SUPPORT,
                    Level.SUPPORT,
                    Level.ABSTAIN,
                    Level.MORE_DISCUSSION,
                    Level.SUPPORT,
                    Level.AGAINST,
                    Level.BLOCK)),
    /** 0 fist (block), 1 serious concerns, 2 want to discuss more, 3 can live with it, 4 support, 5 full support. */
    FIST(0, List.of(Level.BLOCK, Level.AGAINST, Level.MORE_DISCUSSION, Level.SUPPORT, Level.SUPPORT, Level.SUPPORT)),
    /** 1 consent, 2 consent with a concern, 3 objection, 4 stand aside. */
    CONSENT(1, List.of(Level.SUPPORT, Level.SUPPORT, Level.BLOCK, Level.ABSTAIN)),
    /** 1 strongly support, 2 support, 3 abstain, 4 oppose, 5 strongly oppose. */
    SUPPORT(1, List.of(Level.SUPPORT, Level.SUPPORT, Level.ABSTAIN, Level.AGAINST, Level.AGAINST));

    private final int first;
    private final List<Level> levels;

    Scale(int first, List<Level> levels) {
        this.first = first;
        this.levels = levels;
    }

    public int firstLevel() {
        return first;
    }

    public int lastLevel() {
        return first + levels.size() - 1;
    }

    public Level level(int value) {
        return levels.get(value - first);
    }

    public int size() {
        return levels.size();
    }

    public String wire() {
        return name().toLowerCase();
    }

    public static Scale parse(String text) {
        for (Scale s : values()) if (s.wire().equals(text)) return s;
        return null;
    }
}
