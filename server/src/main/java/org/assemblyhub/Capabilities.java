package org.assemblyhub;

import org.assemblyhub.assembly.AssemblyCapability;
import org.assemblyhub.breakout.BreakoutCapability;
import org.assemblyhub.helpdesk.HelpdeskCapability;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.learning.LearningCapability;
import org.assemblyhub.outreach.OutreachCapability;
import org.assemblyhub.poll.PollCapability;
import org.assemblyhub.recommendation.RecommendationCapability;
import org.assemblyhub.session.SessionCapability;
import org.assemblyhub.sortition.SortitionCapability;
import org.assemblyhub.video.VideoAccess;
import org.assemblyhub.video.VideoCapability;

import java.util.List;

/**
 * What an assembly on this hub can do: one line per capability. The engine knows no capability by name; adding one is
 * a package with its manifest ({@link Capability}) and a line here. The order is the order in which their reactions
 * run: the run of show moves the rooms, then the polls follow the rooms (a group's polls close with its round).
 */
public final class Capabilities {
    private Capabilities() {}

    /** {@code video}: the hub's video settings (null: a mesh with a room key of each assembly's own). */
    public static List<Capability> with(VideoAccess video) {
        return List.of(
                new AssemblyCapability(),
                new SessionCapability(),
                new BreakoutCapability(),
                new PollCapability(),
                new RecommendationCapability(),
                new LearningCapability(),
                new HelpdeskCapability(),
                new SortitionCapability(),
                new OutreachCapability(),
                new VideoCapability(video));
    }

    /** With a built-in mesh for video (tests, tools that only read journals). */
    public static List<Capability> standard() {
        return with(null);
    }
}
