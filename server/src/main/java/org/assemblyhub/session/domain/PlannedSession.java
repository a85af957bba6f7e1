package org.assemblyhub.session.domain;

import org.assemblyhub.kernel.PlannedSegment;

import java.io.Serializable;
import java.util.List;

/** A session of the attached script as the clock needs it: ordered segments with their planned minutes. */
public record PlannedSession(String id, String title, List<PlannedSegment> segments) implements Serializable {
    public PlannedSession {
        segments = List.copyOf(segments);
    }
}
