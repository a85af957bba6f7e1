package org.assemblyhub.cluster;

import org.assemblyhub.engine.Tenure;

import java.time.Clock;

/**
 * This node's hold on one assembly, as its engine sees it. It is current until half the lease after the start of the
 * last renewal that succeeded: an owner that cannot renew (cut off, frozen, overloaded) stops acknowledging at half
 * the lease, well before the lease runs out and another node may take the assembly.
 */
final class Hold implements Tenure {
    private final String assemblyId;
    private final Clock clock;
    private final long leaseMs;
    private final Runnable onFenced;
    private volatile Lease lease;
    private volatile long confirmedAtMs;
    private volatile boolean lost;

    /** {@code confirmedAtMs}: when the request that took the lease started (the lease may count from then). */
    Hold(String assemblyId, Lease lease, long confirmedAtMs, Clock clock, long leaseMs, Runnable onFenced) {
        this.assemblyId = assemblyId;
        this.lease = lease;
        this.confirmedAtMs = confirmedAtMs;
        this.clock = clock;
        this.leaseMs = leaseMs;
        this.onFenced = onFenced;
    }

    String assemblyId() {
        return assemblyId;
    }

    Lease lease() {
        return lease;
    }

    long epoch() {
        return lease.epoch();
    }

    /** A renewal that started at {@code startedAtMs} succeeded. */
    void renewed(Lease renewed, long startedAtMs) {
        this.lease = renewed;
        this.confirmedAtMs = startedAtMs;
    }

    void lose() {
        lost = true;
    }

    boolean lost() {
        return lost;
    }

    @Override
    public boolean current() {
        return !lost && clock.millis() < confirmedAtMs + leaseMs / 2;
    }

    @Override
    public void fenced() {
        lost = true;
        onFenced.run();
    }
}
