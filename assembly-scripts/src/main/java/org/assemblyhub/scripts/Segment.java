package org.assemblyhub.scripts;

import java.util.List;

/** One timed part of a session. Every kind has a title and planned minutes; the rest depends on the kind. */
public sealed interface Segment {
    String title();

    int minutes();

    /** The spelling used in scripts ("plenary", "breakouts"...). */
    default String kind() {
        return getClass().getSimpleName().toLowerCase();
    }

    record Plenary(String title, int minutes, String prompt, String speaker) implements Segment {}

    /**
     * Members split into groups of {@code minSize}–{@code maxSize}. {@code keepGroups} reuses the previous round's
     * groups; {@code harvest} lists what facilitators must bring back; groups get a warning {@code warningMinutes}
     * before the end; {@code extendableMinutes} is how much the lead may let a group extend (0: not at all).
     */
    record Breakouts(
            String title,
            int minutes,
            String prompt,
            int minSize,
            int maxSize,
            boolean keepGroups,
            List<String> harvest,
            int warningMinutes,
            int extendableMinutes)
            implements Segment {
        public Breakouts {
            harvest = List.copyOf(harvest);
        }
    }

    record Harvest(String title, int minutes, String prompt) implements Segment {}

    record Poll(String title, int minutes, String question, List<String> options) implements Segment {
        public Poll {
            options = List.copyOf(options);
        }
    }

    record Consensus(String title, int minutes, String statement, boolean inGroups) implements Segment {}

    record Learning(String title, int minutes, String material, String speaker, String url, boolean qa)
            implements Segment {}

    record Break(String title, int minutes) implements Segment {}
}
