package org.assemblyhub.engine;

import io.vertx.core.Vertx;

import java.util.function.BooleanSupplier;

/**
 * Lets a held observers' update go once this node's gateways have written the previous one to every observer
 * ({@link ObserverBacklog}): checked every few milliseconds on the engine's loop, and only while no append is in
 * flight, so what observers see is durable state. A gateway that never reports (closed mid-update) cannot silence
 * observers: after {@link #MAX_HOLD_MS} the update goes anyway.
 */
final class ObserverRelease {
    static final long CHECK_MS = 5;
    static final long MAX_HOLD_MS = 1_000;

    private final Vertx vertx;
    private final ObserverBacklog backlog;
    private final String assemblyId;
    private final Runnable publishObservers;
    private final BooleanSupplier writing;
    private long timer = -1;
    private long heldSince;

    /** {@code publishObservers} brings observers' view up to durable state; {@code writing}: an append in flight. */
    ObserverRelease(
            Vertx vertx,
            ObserverBacklog backlog,
            String assemblyId,
            Runnable publishObservers,
            BooleanSupplier writing) {
        this.vertx = vertx;
        this.backlog = backlog;
        this.assemblyId = assemblyId;
        this.publishObservers = publishObservers;
        this.writing = writing;
    }

    /** Whether observers' updates should wait now: the previous one is still being written on this node. */
    boolean busy() {
        return backlog.busy(assemblyId);
    }

    /** The observers' view was not brought up to date: release it as soon as the gateways are done. */
    void held() {
        if (timer >= 0) return;
        heldSince = System.nanoTime();
        timer = vertx.setPeriodic(CHECK_MS, t -> {
            boolean overdue = System.nanoTime() - heldSince > MAX_HOLD_MS * 1_000_000;
            if ((busy() && !overdue) || writing.getAsBoolean()) return;
            vertx.cancelTimer(timer);
            timer = -1;
            publishObservers.run();
        });
    }

    /** The observers' view went out with everything else: nothing is held any more. */
    void released() {
        if (timer < 0) return;
        vertx.cancelTimer(timer);
        timer = -1;
    }
}
