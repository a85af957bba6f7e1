package org.assemblyhub.scripts;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The timeline of a script as text: each session with its segments, their start (clock time when planned) and length.
 */
public final class ScriptPlan {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private ScriptPlan() {}

    public static String render(Script script) {
        StringBuilder out = new StringBuilder();
        out.append(script.title())
                .append(" — ")
                .append(script.sessions().size())
                .append(" session(s), ")
                .append(script.segmentCount())
                .append(" segments, ")
                .append(duration(script.minutes()))
                .append(" in all\n");
        for (Script.Session session : script.sessions()) {
            out.append('\n')
                    .append(session.id())
                    .append("  ")
                    .append(session.title())
                    .append("  (")
                    .append(session.phase() == null ? "" : session.phase() + ", ")
                    .append(session.plannedStart() == null ? "" : DAY.format(session.plannedStart()) + ", ")
                    .append(duration(session.minutes()))
                    .append(")\n");
            int at = 0;
            for (Segment segment : session.segments()) {
                out.append(String.format(
                        "  %s  %-9s %4d min  %s%s%n",
                        clock(session, at), segment.kind(), segment.minutes(), segment.title(), details(segment)));
                at += segment.minutes();
            }
            out.append(String.format("  %s  end%n", clock(session, at)));
        }
        return out.toString();
    }

    private static String details(Segment segment) {
        if (segment instanceof Segment.Breakouts b) {
            return "  [groups of " + b.minSize() + "–" + b.maxSize()
                    + (b.keepGroups() ? ", same groups" : ", new groups")
                    + ", warning " + b.warningMinutes() + " min before the end"
                    + (b.harvest().isEmpty() ? "" : ", harvest: " + String.join(" / ", b.harvest())) + "]";
        }
        if (segment instanceof Segment.Learning l)
            return "  [" + l.material() + (l.speaker() == null ? "" : ", " + l.speaker()) + "]";
        if (segment instanceof Segment.Plenary p && p.speaker() != null) return "  [" + p.speaker() + "]";
        return "";
    }

    private static String clock(Script.Session session, int minutes) {
        if (session.plannedStart() == null) return String.format("+%d:%02d", minutes / 60, minutes % 60);
        return session.plannedStart().plusMinutes(minutes).toLocalTime().toString();
    }

    static String duration(int minutes) {
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + String.format("%02d", minutes % 60) + " min";
    }
}
