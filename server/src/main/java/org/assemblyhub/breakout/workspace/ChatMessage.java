package org.assemblyhub.breakout.workspace;

import java.io.Serializable;
import java.time.Instant;

/**
 * A message of a group's chat. A facilitator may hide it: {@code hiddenReason} is then set and its text is dropped
 * from the state (so from snapshots, views and reports); the journal, being append-only, still holds it.
 */
public record ChatMessage(
        String id, int round, int group, String text, String byPersonId, Instant at, String hiddenReason)
        implements Serializable {
    public boolean hidden() {
        return hiddenReason != null;
    }

    ChatMessage hide(String reason) {
        return new ChatMessage(id, round, group, null, byPersonId, at, reason);
    }
}
