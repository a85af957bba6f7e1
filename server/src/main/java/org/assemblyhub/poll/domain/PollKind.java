package org.assemblyhub.poll.domain;

import org.assemblyhub.kernel.agreement.Level;
import org.assemblyhub.kernel.agreement.Scale;

/**
 * The kinds of question. The last four are agreement scales, each with a fixed meaning per level (labels can be
 * changed, meanings cannot): gradients of agreement (Kaner's eight levels), fist-to-five, sociocratic consent, and
 * the support scale of final ballots.
 */
public enum PollKind {
    SINGLE,
    MULTIPLE,
    SCALE,
    RANKING,
    TEXT,
    GRADIENTS(Scale.GRADIENTS),
    FIST(Scale.FIST),
    CONSENT(Scale.CONSENT),
    SUPPORT(Scale.SUPPORT);

    private final Scale scale;

    PollKind() {
        this(null);
    }

    PollKind(Scale scale) {
        this.scale = scale;
    }

    /** The agreement scale of an agreement kind, or null. */
    public Scale scale() {
        return scale;
    }

    public boolean isAgreement() {
        return scale != null;
    }

    public int firstLevel() {
        return scale == null ? 0 : scale.firstLevel();
    }

    public int lastLevel() {
        return scale == null ? -1 : scale.lastLevel();
    }

    public Level level(int value) {
        return scale.level(value);
    }

    /** The number of levels (agreement scales only). */
    public int size() {
        return scale == null ? 0 : scale.size();
    }

    public String wire() {
        return name().toLowerCase();
    }

    public static PollKind parse(String text) {
        for (PollKind k : values()) if (k.wire().equals(text)) return k;
        return null;
    }
}
