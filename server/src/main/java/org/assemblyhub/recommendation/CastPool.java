package org.assemblyhub.recommendation;

import io.vertx.core.Vertx;
import org.assemblyhub.recommendation.domain.BallotCommand.CastPooled.Cast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Secret ballot casts wait here a moment (up to {@link #SIZE} casts or {@link #WAIT_MS}), so that those decided
 * together are written in a random order and the journal's order does not tell who cast which.
 *
 * @param <W> what waits for each cast's answer
 */
final class CastPool<W> {
    static final int SIZE = 8;
    static final int WAIT_MS = 1_500;

    private final Vertx vertx;
    private final BiConsumer<List<Cast>, List<W>> release;
    private final List<Cast> casts = new ArrayList<>();
    private final List<W> waiting = new ArrayList<>();
    private long timer = -1;

    /** {@code release} receives the pooled casts and, in the same order, what waits for their answers. */
    CastPool(Vertx vertx, BiConsumer<List<Cast>, List<W>> release) {
        this.vertx = vertx;
        this.release = release;
    }

    void add(Cast cast, W answer) {
        casts.add(cast);
        waiting.add(answer);
        if (casts.size() >= SIZE) {
            release();
        } else if (timer < 0) {
            timer = vertx.setTimer(WAIT_MS, t -> {
                timer = -1;
                release();
            });
        }
    }

    /** Sends what waits now (before a ballot closes, casts made before it count). */
    void release() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        if (casts.isEmpty()) return;
        List<Cast> out = List.copyOf(casts);
        List<W> answers = List.copyOf(waiting);
        casts.clear();
        waiting.clear();
        release.accept(out, answers);
    }
}
