package org.assemblyhub.web.live;

import io.vertx.core.Context;

import java.util.ArrayDeque;

/**
 * Observers' copies of an update go out in slices, so that members never wait behind them. Writing one update to
 * 5,000 observers takes one event loop tens of milliseconds; done in one go, a member's vote read on that loop, and
 * the ack that answers it, waited for the whole of it (a vote sent→every screen p99 of 533 ms against the raw
 * broadcast's 288 ms at 10,000 observers). Here each turn of the loop writes at most {@link #SLICE} observer frames,
 * then hands the loop back: what arrived meanwhile (a member's command, an ack, a member audience's update) runs
 * before the next slice.
 *
 * <p>Slices keep the order of updates: every socket gets update n before update n + 1, as the patches' bases need.
 * While nothing waits, a small audience (at most one slice) is written at once, exactly as before.
 */
final class OnlookerQueue {
    /** At most this many frames per turn of the event loop: about a millisecond of writing. */
    static final int SLICE = 256;

    /** Whoever receives an audience's updates: a socket's session, in production. */
    interface Recipient {
        void deliver(long seq, SharedText text);
    }

    private static final class Update {
        final Recipient[] to;
        final long seq;
        final SharedText text;
        final Runnable done;
        int next;

        Update(Recipient[] to, long seq, SharedText text, Runnable done) {
            this.to = to;
            this.seq = seq;
            this.text = text;
            this.done = done;
        }
    }

    private final Context context;
    private final ArrayDeque<Update> waiting = new ArrayDeque<>();
    private boolean turnAsked;

    /** {@code context}: the gateway verticle's own, the one its sockets write from. */
    OnlookerQueue(Context context) {
        this.context = context;
    }

    /** Called on the gateway's context. */
    void send(Recipient[] to, long seq, SharedText text) {
        send(to, seq, text, () -> {});
    }

    /** The same; {@code done} runs once the last recipient has the update. */
    void send(Recipient[] to, long seq, SharedText text, Runnable done) {
        waiting.add(new Update(to, seq, text, done));
        if (!turnAsked) writeSlice();
    }

    /** How many updates still have sockets to reach (for tests and metrics). */
    int backlog() {
        return waiting.size();
    }

    private void writeSlice() {
        turnAsked = false;
        int budget = SLICE;
        while (budget > 0 && !waiting.isEmpty()) {
            Update update = waiting.peek();
            int end = Math.min(update.to.length, update.next + budget);
            for (int i = update.next; i < end; i++) update.to[i].deliver(update.seq, update.text);
            budget -= end - update.next;
            update.next = end;
            if (end == update.to.length) {
                waiting.poll();
                update.done.run();
            }
        }
        if (!waiting.isEmpty()) {
            turnAsked = true;
            context.runOnContext(v -> writeSlice());
        }
    }
}
