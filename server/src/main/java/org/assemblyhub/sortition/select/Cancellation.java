package org.assemblyhub.sortition.select;

import java.util.concurrent.atomic.AtomicBoolean;

/** Lets another thread stop a long run; the algorithms look at it between two solver calls. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }
}
