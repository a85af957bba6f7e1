package org.assemblyhub.kernel;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * How much text participants have written into the journal, in all and per person (the fold of
 * {@link ParticipantText} events), and the quota check: one person cannot fill the disk, nor use up the assembly's
 * allowance on their own.
 */
public final class TextUsage implements Serializable {
    private final Map<String, Long> perPerson = new HashMap<>();
    private long total;

    public void evolve(ParticipantText event) {
        long bytes = event.textBytes();
        total += bytes;
        if (event.byPersonId() != null) perPerson.merge(event.byPersonId(), bytes, Long::sum);
    }

    public long total() {
        return total;
    }

    public long of(String personId) {
        return perPerson.getOrDefault(personId, 0L);
    }

    /** Null when {@code personId} may write more; otherwise why not. */
    public Rejection refusal(String personId, long assemblyLimit, long personLimit) {
        if (total >= assemblyLimit) {
            return Rejection.of(
                    "quota-exceeded",
                    "This assembly has reached the amount of text it can keep. Please tell the organisers.");
        }
        if (personId != null && of(personId) >= personLimit) {
            return Rejection.of(
                    "quota-exceeded",
                    "You have written as much text as one person can in this assembly. Please tell the organisers.");
        }
        return null;
    }
}
