package org.assemblyhub.kernel.agreement;

/** What a level on an agreement scale counts as when a rule is applied. */
public enum Level {
    SUPPORT,
    ABSTAIN,
    MORE_DISCUSSION,
    AGAINST,
    BLOCK;

    /** Levels whose voters are asked why (their reasons go to the next round). */
    public boolean asksReason() {
        return this != SUPPORT && this != ABSTAIN;
    }
}
