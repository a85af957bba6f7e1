package org.assemblyhub.sortition.select;

/**
 * How far a run is, for a screen: the phase, how many panels it knows, how many people have their probability fixed
 * (leximin) out of the pool, and the lowest probability it can guarantee so far (NaN before it knows).
 */
public record Progress(String phase, int panels, int fixedPeople, int poolSize, double minimumProbability) {
    /** Receives progress; called on the thread that runs the selection, so it must return quickly. */
    public interface Listener {
        void report(Progress progress);

        Listener NONE = p -> {};
    }
}
