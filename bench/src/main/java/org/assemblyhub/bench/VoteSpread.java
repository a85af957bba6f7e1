package org.assemblyhub.bench;

import org.HdrHistogram.Histogram;

import java.util.Arrays;
import java.util.List;

/**
 * Splits vote → screen into its two halves, per vote: ack → the first screen showing it (the engine's part: decide,
 * write, pace, publish) and first → last screen (the fan-out's part). A tail in the first half is the engine's, in
 * the second the gateways' (or the machine's).
 */
final class VoteSpread {
    private final Histogram toFirstMicros = new Histogram(600_000_000L, 3);
    private final Histogram spreadMicros = new Histogram(600_000_000L, 3);
    private List<LatencyBook.Vote> votes;
    private long[] first;
    private long[] last;

    void begin(List<LatencyBook.Vote> roundVotes) {
        votes = roundVotes;
        first = new long[roundVotes.size()];
        last = new long[roundVotes.size()];
        Arrays.fill(first, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
    }

    /** One screen's arrivals for this round's votes ({@link LatencyBook#arrivals}). */
    void screen(long[] arrivals) {
        for (int k = 0; k < arrivals.length; k++) {
            if (arrivals[k] < 0) continue;
            first[k] = Math.min(first[k], arrivals[k]);
            last[k] = Math.max(last[k], arrivals[k]);
        }
    }

    void end() {
        for (int k = 0; k < first.length; k++) {
            if (first[k] == Long.MAX_VALUE) continue;
            record(toFirstMicros, first[k] - votes.get(k).ackNanos());
            record(spreadMicros, last[k] - first[k]);
        }
    }

    double toFirstMs(double percentile) {
        return toFirstMicros.getTotalCount() == 0 ? 0 : toFirstMicros.getValueAtPercentile(percentile) / 1_000.0;
    }

    double spreadMs(double percentile) {
        return spreadMicros.getTotalCount() == 0 ? 0 : spreadMicros.getValueAtPercentile(percentile) / 1_000.0;
    }

    private static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(Math.max(0, nanos) / 1_000, histogram.getHighestTrackableValue()));
    }
}
