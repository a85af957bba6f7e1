package org.assemblyhub.session.domain;

import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PlannedSegment;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A session of the attached script as the clock needs it: ordered segments with their planned minutes, and the phase
 * of the assembly it belongs to ({@code phase}: null when the script does not say; journals before it was kept), and
 * when it is planned to start ({@code plannedStart}: null when the script does not say).
 */
public record PlannedSession(String id, String title, List<PlannedSegment> segments, Phase phase, Instant plannedStart)
        implements Serializable {
    public PlannedSession {
        segments = List.copyOf(segments);
    }

    public PlannedSession(String id, String title, List<PlannedSegment> segments) {
        this(id, title, segments, null, null);
    }

    public PlannedSession(String id, String title, List<PlannedSegment> segments, Phase phase) {
        this(id, title, segments, phase, null);
    }
}
