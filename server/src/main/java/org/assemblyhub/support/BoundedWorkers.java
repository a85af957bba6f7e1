package org.assemblyhub.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.shareddata.Shareable;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of its own for work that costs real time on request (a PDF, a parsed upload), so that it never takes
 * the threads the journal's fsyncs run on, and a burst of such requests is refused at once rather than queued without
 * end. Shared by name across verticles.
 */
public final class BoundedWorkers {
    private final WorkerExecutor executor;
    private final AtomicInteger inFlight;
    private final int maxInFlight;

    /** Refused because the pool and its queue are full; the caller answers "busy, try again". */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("busy", null, false, false);
        }
    }

    public BoundedWorkers(Vertx vertx, String name, int threads, int maxInFlight) {
        this.executor = vertx.createSharedWorkerExecutor(name, threads);
        this.inFlight = (AtomicInteger) vertx.sharedData()
                .<String, Counter>getLocalMap("assembly-hub.workers")
                .computeIfAbsent(name, n -> new Counter())
                .count;
        this.maxInFlight = maxInFlight;
    }

    private static final class Counter implements Shareable {
        final AtomicInteger count = new AtomicInteger();
    }

    public <T> Future<T> submit(Callable<T> work) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return Future.failedFuture(new Busy());
        }
        return executor.executeBlocking(work, false).andThen(ar -> inFlight.decrementAndGet());
    }
}
