package org.assemblyhub.engine;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The journal head the assembly publishes (to observers, in open data): the journal as it stood at the start of the
 * current minute — whenever anyone asks within the minute, the same answer. What anyone can watch is never the
 * journal's live length, which would show when each private action lands (a vote, a note in a group), and asking
 * often tells no more than asking once a minute. Anyone can later check a published head against the journal
 * ({@code ./hub verify journal FILE --head}), which pins every record up to its seq.
 */
final class JournalCheckpoint {
    /** The journal before the first batch of the current minute, and that minute (null: nothing landed yet). */
    private JournalPosition atMinuteStart;

    private Instant minuteOfLastLanding;

    /** A batch is about to become the journal's end at {@code at}; {@code before} is where the journal stood. */
    void landing(JournalPosition before, Instant at) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        if (!minute.equals(minuteOfLastLanding)) {
            atMinuteStart = before;
            minuteOfLastLanding = minute;
        }
    }

    /** The head at the start of {@code time}'s minute, the journal being at {@code now}. */
    JsonObject current(JournalPosition now, Instant time) {
        Instant minute = time.truncatedTo(ChronoUnit.MINUTES);
        JournalPosition published =
                minuteOfLastLanding != null && !minuteOfLastLanding.isBefore(minute) ? atMinuteStart : now;
        return new JsonObject()
                .put("seq", published.seq())
                .put("head", published.head())
                .put("at", minute.toString());
    }
}
