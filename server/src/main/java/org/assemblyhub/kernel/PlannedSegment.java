package org.assemblyhub.kernel;

import java.io.Serializable;
import java.util.List;

/**
 * One segment of a run-of-show script as the hub plans it: the session clock runs it, other capabilities react to it.
 *
 * @param text           what the segment is about (prompt, question, statement or material), may be null
 * @param warningMinutes minutes before the end at which groups are warned (breakouts; 0 otherwise)
 * @param minSize        smallest group (breakouts; 0 otherwise)
 * @param maxSize        largest group (breakouts; 0 otherwise)
 * @param keepGroups     breakouts only: reuse the previous round's groups instead of mixing anew
 * @param extendableMinutes breakouts only: how far a group may run over, if the lead allows it
 * @param harvest        breakouts only: what the group's facilitators must bring back
 * @param options        poll only: the answers to choose from
 * @param inGroups       consensus only: the round runs in every breakout group at once
 * @param material       learning only: the talk or reading it is about, and whether questions to experts run live
 */
public record PlannedSegment(
        String kind,
        String title,
        int minutes,
        String text,
        int warningMinutes,
        int minSize,
        int maxSize,
        boolean keepGroups,
        int extendableMinutes,
        List<String> harvest,
        List<String> options,
        boolean inGroups,
        Material material)
        implements Serializable {
    /** A learning segment's material, from the script ({@code url} may be null); {@code qa}: live questions. */
    public record Material(String title, String speaker, String url, boolean qa) implements Serializable {}

    public PlannedSegment {
        harvest = harvest == null ? List.of() : List.copyOf(harvest);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public PlannedSegment(
            String kind,
            String title,
            int minutes,
            String text,
            int warningMinutes,
            int minSize,
            int maxSize,
            boolean keepGroups,
            int extendableMinutes,
            List<String> harvest,
            List<String> options,
            boolean inGroups) {
        this(
                kind,
                title,
                minutes,
                text,
                warningMinutes,
                minSize,
                maxSize,
                keepGroups,
                extendableMinutes,
                harvest,
                options,
                inGroups,
                null);
    }

    public PlannedSegment(String kind, String title, int minutes, String text, int warningMinutes) {
        this(kind, title, minutes, text, warningMinutes, 0, 0, false, 0, List.of(), List.of(), false, null);
    }

    public boolean isPoll() {
        return "poll".equals(kind) || "consensus".equals(kind);
    }

    public boolean isBreakouts() {
        return "breakouts".equals(kind);
    }
}
