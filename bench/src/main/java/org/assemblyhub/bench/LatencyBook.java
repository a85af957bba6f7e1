package org.assemblyhub.bench;

import org.HdrHistogram.Histogram;

import java.util.List;

/**
 * Vote → screen bookkeeping. A vote is acknowledged with the journal position ({@code seq}) that holds it; a screen
 * shows a tally that includes the vote from the first message it receives whose {@code seq} is at or past that
 * position. For each (observer, vote) pair the delay is that message's arrival minus the ack's arrival (clamped at
 * zero: the view may reach an observer before the ack reaches the voter). Delays go into an HdrHistogram in
 * microseconds; pairs never seen are counted as missed.
 */
public final class LatencyBook {
    /**
     * A vote as its sender saw it: the seq in its ack, when the ack arrived and when the vote was sent
     * ({@link System#nanoTime()}).
     */
    public record Vote(long seq, long ackNanos, long sentNanos) {
        public Vote(long seq, long ackNanos) {
            this(seq, ackNanos, ackNanos);
        }

        /** The same vote timed from its sending instead of its ack (the whole way: in, decided, written, out). */
        public Vote asSent() {
            return new Vote(seq, sentNanos, sentNanos);
        }
    }

    private final Histogram micros = new Histogram(600_000_000L, 3);
    private long missed;
    private long pairs;

    /**
     * Adds one observer's arrivals ({@code seqs[i]} arrived at {@code times[i]}, in arrival order) against all votes
     * ({@code votes} sorted by seq). Linear in votes + arrivals.
     */
    public void observer(List<Vote> votes, long[] seqs, long[] times, int count) {
        add(votes, arrivals(votes, seqs, times, count));
    }

    /** Adds one observer's arrivals already matched to the votes ({@link #arrivals}). */
    public void add(List<Vote> votes, long[] arrivals) {
        for (int k = 0; k < arrivals.length; k++) {
            pairs++;
            if (arrivals[k] < 0) {
                missed++;
                continue;
            }
            long delay = Math.max(0, arrivals[k] - votes.get(k).ackNanos()) / 1_000;
            micros.recordValue(Math.min(delay, micros.getHighestTrackableValue()));
        }
    }

    /** When this observer's screen first showed each vote ({@code votes} sorted by seq), or -1 when it never did. */
    public static long[] arrivals(List<Vote> votes, long[] seqs, long[] times, int count) {
        long[] arrivals = new long[votes.size()];
        int j = 0;
        long highest = Long.MIN_VALUE;
        for (int k = 0; k < arrivals.length; k++) {
            while (j < count && Math.max(highest, seqs[j]) < votes.get(k).seq()) {
                highest = Math.max(highest, seqs[j]);
                j++;
            }
            arrivals[k] = j == count ? -1 : times[j];
        }
        return arrivals;
    }

    public long missed() {
        return missed;
    }

    public long pairs() {
        return pairs;
    }

    /** The delay at a percentile, in milliseconds. */
    public double percentileMs(double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1_000.0;
    }

    public double maxMs() {
        return micros.getTotalCount() == 0 ? 0 : micros.getMaxValue() / 1_000.0;
    }
}
