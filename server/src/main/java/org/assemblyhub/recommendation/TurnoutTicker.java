package org.assemblyhub.recommendation;

import io.vertx.core.Vertx;
import org.assemblyhub.recommendation.domain.BallotDecider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a ballot's turnout is shown: only at the ticks of a fixed grid of the wall clock (every 20 s), and only if a
 * vote
 * landed since the last one — so a vote after a quiet spell is not seen the moment it lands. Like the session clock,
 * it checks at least once a second against the injected {@link Clock}; at the tick it asks, like any command, for the
 * turnout to be shown.
 */
final class TurnoutTicker {
    private final Vertx vertx;
    private final Clock clock;
    private final Runnable show;
    private Instant tick;
    private long timer = -1;

    TurnoutTicker(Vertx vertx, Clock clock, Runnable show) {
        this.vertx = vertx;
        this.clock = clock;
        this.show = show;
    }

    /** A vote landed (or the hub restarted with one not shown yet): show it at the next tick, unless one is set. */
    void changed() {
        if (tick != null) return;
        tick = BallotDecider.nextTick(clock.instant());
        check();
    }

    private void check() {
        long wait = Duration.between(clock.instant(), tick).toMillis();
        if (wait <= 0) {
            tick = null;
            timer = -1;
            show.run();
            return;
        }
        timer = vertx.setTimer(Math.min(1_000, wait), t -> check());
    }

    void stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
    }
}
