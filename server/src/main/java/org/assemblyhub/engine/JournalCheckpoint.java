package org.assemblyhub.engine;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;

/**
 * The journal head the assembly publishes (to observers, in open data): moved on at most once a {@link #EVERY}, so
 * that what anyone can watch is never the journal's live length — that would show when each private action lands (a
 * vote, a note in a group). Anyone can later check that a published head is in the journal
 * ({@code ./hub verify journal --head}), which pins every record up to its seq.
 */
final class JournalCheckpoint {
    static final Duration EVERY = Duration.ofMinutes(1);

    private JournalPosition published;
    private Instant at;

    /** The published head, first moved to {@code now}'s position if the last one is old enough. */
    JsonObject current(JournalPosition now, Instant time) {
        if (published == null || (now.seq() != published.seq() && !time.isBefore(at.plus(EVERY)))) {
            published = now;
            at = time;
        }
        return new JsonObject()
                .put("seq", published.seq())
                .put("head", published.head())
                .put("at", at.toString());
    }
}
