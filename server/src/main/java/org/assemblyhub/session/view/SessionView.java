package org.assemblyhub.session.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.session.domain.PlannedSession;
import org.assemblyhub.session.domain.SessionClock;

import java.time.Duration;
import java.time.Instant;

/**
 * The live clock as screens show it. Everyone sees the running session: its current and next segment and when the
 * segment ends ({@code endsAt}, or {@code remainingMs} while paused) — clients count down locally. Organisers and
 * facilitators also see the script's sessions and who leads.
 */
public final class SessionView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SessionView() {}

    public static ObjectNode project(SessionClock clock, Audience audience) {
        ObjectNode view = JSON.objectNode();
        if (clock.isRunning()) {
            PlannedSession session = clock.running();
            ObjectNode running = view.putObject("running");
            running.put("id", session.id())
                    .put("title", session.title())
                    .put("index", clock.index())
                    .put("count", session.segments().size());
            ObjectNode segment = segment(clock.segment(), running.putObject("segment"));
            segment.put("minutes", clock.plannedMinutes());
            boolean staff = !audience.onlooker() && audience.kind() != Audience.Kind.MEMBER;
            if (staff && !clock.segment().harvest().isEmpty()) {
                var harvest = segment.putObject("harvest");
                int order = 0;
                for (String item : clock.segment().harvest()) harvest.put(Integer.toString(++order), item);
            }
            clock.next().ifPresent(next -> segment(next, running.putObject("next")));
            if (clock.isPaused()) {
                running.put("paused", true)
                        .put("remainingMs", clock.remaining(Instant.EPOCH).toMillis());
            } else {
                clock.deadline().ifPresent(end -> {
                    running.put("paused", false).put("endsAt", end.toString());
                    int warning = clock.segment().warningMinutes();
                    if (warning > 0)
                        running.put(
                                "warningAt",
                                end.minus(Duration.ofMinutes(warning)).toString());
                });
            }
        }
        if (!audience.onlooker() && audience.kind() != Audience.Kind.MEMBER) {
            if (clock.hasScript()) {
                ObjectNode script = view.putObject("script").put("title", clock.scriptTitle());
                ObjectNode sessions = script.putObject("sessions");
                int order = 0;
                for (PlannedSession s : clock.sessions()) {
                    sessions.putObject(s.id())
                            .put("order", ++order)
                            .put("title", s.title())
                            .put(
                                    "minutes",
                                    s.segments().stream()
                                            .mapToInt(PlannedSegment::minutes)
                                            .sum())
                            .put("segments", s.segments().size());
                }
            }
            if (clock.lead() != null) view.put("lead", clock.lead());
        }
        return view;
    }

    private static ObjectNode segment(PlannedSegment segment, ObjectNode node) {
        node.put("kind", segment.kind()).put("title", segment.title()).put("minutes", segment.minutes());
        if (segment.text() != null) node.put("text", segment.text());
        return node;
    }
}
