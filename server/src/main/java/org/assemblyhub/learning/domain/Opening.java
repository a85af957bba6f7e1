package org.assemblyhub.learning.domain;

import org.assemblyhub.kernel.Phase;

import java.io.Serializable;
import java.time.Instant;

/**
 * When an item opens to members: at a date ({@code at}), once the assembly has reached a phase, or once a session of
 * the script has started; all null: at once.
 */
public record Opening(Instant at, Phase phase, String session) implements Serializable {
    public static final Opening NOW = new Opening(null, null, null);

    public boolean now() {
        return at == null && phase == null && session == null;
    }
}
