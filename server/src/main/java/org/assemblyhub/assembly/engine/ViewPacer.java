package org.assemblyhub.assembly.engine;

import io.vertx.core.Vertx;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * When the engine's views go out. Coalesces view updates to one per interval ({@link ViewPace}): the first change
 * after a quiet spell goes out at once, later ones wait for the slot. A slot that comes while an append is in flight
 * waits for it to land (the model is then ahead of the journal), so published state is always durable state.
 */
final class ViewPacer {
    private final Vertx vertx;
    private final int maxIntervalMs;
    private final Runnable publish;
    private final IntSupplier sockets;
    private final BooleanSupplier writing;
    private long lastPublish = System.nanoTime() - Long.MAX_VALUE / 2;
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

    /** A durable batch landed: its views go out now, or at the next slot. */
    void landed() {
        if (afterWrite) {
            flush(); // the slot came during the append: this batch goes out with it
            return;
        }
        long interval = ViewPace.intervalMs(sockets.getAsInt(), maxIntervalMs) * 1_000_000L;
        long now = System.nanoTime();
        if (now - lastPublish >= interval) {
            flush();
            return;
        }
        pending = true;
        if (timer < 0) {
            long delayMs = Math.max(1, (lastPublish + interval - now) / 1_000_000);
            timer = vertx.setTimer(delayMs, t -> {
                timer = -1;
                if (writing.getAsBoolean()) afterWrite = true; else flush();
            });
        }
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
        afterWrite = false;
        publish.run();
        pending = false;
        lastPublish = System.nanoTime();
    }
}
