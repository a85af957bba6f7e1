package org.assemblyhub.engine;

import io.vertx.core.Vertx;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * When the engine's views go out. A durable batch's views go out at once while the {@link PublishBudget} allows it
 * (one update per {@link ViewPace} interval, small bursts), otherwise at the next update the budget allows, together
 * with everything that landed meanwhile. A slot that comes while an append is in flight waits for it to land (the
 * model is then ahead of the journal), so published state is always durable state.
 */
final class ViewPacer {
    private final Vertx vertx;
    private final int maxIntervalMs;
    private final Runnable publish;
    private final IntSupplier sockets;
    private final BooleanSupplier writing;
    private final PublishBudget budget = new PublishBudget();
    private boolean pending;
    private boolean afterWrite;
    private long timer = -1;

    /** {@code publish} brings every audience's view to the durable state; {@code writing}: an append is in flight. */
    ViewPacer(Vertx vertx, int maxIntervalMs, Runnable publish, IntSupplier sockets, BooleanSupplier writing) {
        this.vertx = vertx;
        this.maxIntervalMs = maxIntervalMs;
        this.publish = publish;
        this.sockets = sockets;
        this.writing = writing;
    }

    /** A durable batch landed: its views go out now, or at the next update the budget allows. */
    void landed() {
        if (afterWrite) {
            flush(); // the slot came during the append: this batch goes out with it
            return;
        }
        if (timer >= 0) {
            pending = true; // already waiting for the next slot: this batch joins it
            return;
        }
        long now = System.nanoTime();
        long interval = intervalNanos();
        if (budget.tryTake(now, interval)) {
            run();
            return;
        }
        pending = true;
        long delayMs = Math.max(1, budget.nanosUntilNext(now, interval) / 1_000_000);
        timer = vertx.setTimer(delayMs, t -> {
            timer = -1;
            if (writing.getAsBoolean()) afterWrite = true;
            else flush();
        });
    }

    /** After a failed append the state was reloaded from the journal: a slot that waited for it goes out now. */
    void reloaded() {
        if (afterWrite) flush();
    }

    /**
     * Before a client's sync: a waiting update goes out first, or — when an append is in flight — right after it
     * lands, so a client (re)joining gets every acknowledged change in its sync or in the patch that follows.
     */
    void beforeSync() {
        if (pending && !writing.getAsBoolean()) flush();
        else if (pending) afterWrite = true;
    }

    private void flush() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        budget.take(System.nanoTime(), intervalNanos());
        run();
    }

    private void run() {
        afterWrite = false;
        publish.run();
        pending = false;
    }

    private long intervalNanos() {
        return ViewPace.intervalMs(sockets.getAsInt(), maxIntervalMs) * 1_000_000L;
    }
}
