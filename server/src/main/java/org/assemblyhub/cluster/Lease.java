package org.assemblyhub.cluster;

import java.util.Optional;
import java.util.Set;

/**
 * One assembly's ownership lease as the cluster keeps it: the owner node, the owner epoch (one more at every change of
 * owner, never reused: the journal refuses appends from an older one) and when the lease runs out unless renewed.
 * Times are milliseconds of the deciding node's clock: the nodes' clocks are assumed to agree to well within half a
 * lease.
 */
record Lease(String nodeId, long epoch, long expiresAtMs) {
    /** How it is kept in the map: compared whole, so a renewal or a takeover replaces exactly the lease it read. */
    String encode() {
        return epoch + "|" + expiresAtMs + "|" + nodeId;
    }

    static Lease decode(String text) {
        if (text == null) return null;
        String[] parts = text.split("\\|", 3);
        return new Lease(parts[2], Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    boolean expired(long nowMs) {
        return nowMs >= expiresAtMs;
    }

    /** The same lease, running until {@code leaseMs} after {@code nowMs}. */
    Lease renewed(long nowMs, long leaseMs) {
        return new Lease(nodeId, epoch, nowMs + leaseMs);
    }

    /** Given up on purpose (a node that stops): it may be taken at once, at the next epoch. */
    Lease released() {
        return new Lease(nodeId, epoch, 0);
    }

    /**
     * The lease node {@code me} may take in place of {@code current} (null: nobody ever owned the assembly): when it
     * ran out, or — its owner having left the cluster ({@code members}) — once that owner has surely stopped
     * acknowledging, half a lease before the end ({@link #stopsAcknowledgingAt}); never while a live owner's lease
     * runs.
     */
    static Optional<Lease> takeOver(Lease current, String me, long nowMs, long leaseMs, Set<String> members) {
        if (current == null) return Optional.of(new Lease(me, 1, nowMs + leaseMs));
        if (current.nodeId.equals(me) && !current.expired(nowMs)) return Optional.empty();
        boolean ownerGone = !members.contains(current.nodeId) && nowMs >= current.stopsAcknowledgingAt(leaseMs);
        if (current.expired(nowMs) || ownerGone) {
            return Optional.of(new Lease(me, current.epoch + 1, nowMs + leaseMs));
        }
        return Optional.empty();
    }

    /** When its owner stops acknowledging unless it renews: half a lease after the renewal that set its end. */
    long stopsAcknowledgingAt(long leaseMs) {
        return expiresAtMs - leaseMs / 2;
    }
}
