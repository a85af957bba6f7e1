package org.assemblyhub.breakout.workspace;

import java.io.Serializable;
import java.time.Instant;

/**
 * A message of a group's chat. A facilitator may hide it: {@code hiddenReason} is then set and no view or report shows
 * its text any more (the journal, being append-only, still holds it).
 */
public record ChatMessage(
        String id, int round, int group, String text, String byPersonId, Instant at, String hiddenReason)
        implements Serializable {
    public boolean hidden() {
        return hiddenReason != null;
    }

    ChatMessage hide(String reason) {
        return new ChatMessage(id, round, group, text, byPersonId, at, reason);
    }
}
