package org.assemblyhub.session;

import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.scripts.Script;
import org.assemblyhub.scripts.Segment;
import org.assemblyhub.session.domain.PlannedSession;

import java.util.List;

/** A validated script → the sessions the clock runs (the clock keeps only what it needs to show and time). */
public final class ScriptPlans {
    private ScriptPlans() {}

    public static List<PlannedSession> of(Script script) {
        return script.sessions().stream()
                .map(s -> new PlannedSession(
                        s.id(),
                        s.title(),
                        s.segments().stream().map(ScriptPlans::segment).toList(),
                        Phase.parse(s.phase()),
                        s.plannedStart() == null ? null : s.plannedStart().toInstant()))
                .toList();
    }

    private static PlannedSegment segment(Segment segment) {
        String text = null;
        int warning = 0;
        int min = 0;
        int max = 0;
        boolean keep = false;
        int extendable = 0;
        List<String> harvest = List.of();
        List<String> options = List.of();
        boolean inGroups = false;
        PlannedSegment.Material material = null;
        if (segment instanceof Segment.Plenary p) text = p.prompt();
        if (segment instanceof Segment.Breakouts b) {
            text = b.prompt();
            warning = b.warningMinutes();
            min = b.minSize();
            max = b.maxSize();
            keep = b.keepGroups();
            extendable = b.extendableMinutes();
            harvest = b.harvest();
        }
        if (segment instanceof Segment.Harvest h) text = h.prompt();
        if (segment instanceof Segment.Poll p) {
            text = p.question();
            options = p.options();
        }
        if (segment instanceof Segment.Consensus c) {
            text = c.statement();
            inGroups = c.inGroups();
        }
        if (segment instanceof Segment.Learning l) {
            text = l.material() + (l.speaker() == null ? "" : " — " + l.speaker());
            material = new PlannedSegment.Material(l.material(), l.speaker(), l.url(), l.qa());
        }
        return new PlannedSegment(
                segment.kind(),
                segment.title(),
                segment.minutes(),
                text,
                warning,
                min,
                max,
                keep,
                extendable,
                harvest,
                options,
                inGroups,
                material);
    }
}
