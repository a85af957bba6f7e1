package org.assemblyhub.session.domain;

import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PlannedSegment;

import java.io.Serializable;
import java.util.List;

/**
 * A session of the attached script as the clock needs it: ordered segments with their planned minutes, and the phase
 * of the assembly it belongs to ({@code phase}: null when the script does not say; journals before it was kept).
 */
public record PlannedSession(String id, String title, List<PlannedSegment> segments, Phase phase)
        implements Serializable {
    public PlannedSession {
        segments = List.copyOf(segments);
    }

    public PlannedSession(String id, String title, List<PlannedSegment> segments) {
        this(id, title, segments, null);
    }
}
