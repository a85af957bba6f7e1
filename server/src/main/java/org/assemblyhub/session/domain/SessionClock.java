package org.assemblyhub.session.domain;

import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.session.domain.SessionEvent.*;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The fold of {@link SessionEvent}s: the attached script, the lead, and where the running session stands. */
public final class SessionClock implements Serializable, Agenda {
    private String scriptTitle;
    private List<PlannedSession> sessions = List.of();
    private String lead;
    private PlannedSession running;
    private int index = -1;
    private Instant segmentStartedAt;
    private int extraMinutes;
    private Instant pausedAt;
    private Duration pausedBefore = Duration.ZERO;
    /** Sessions that have ended at least once. */
    private final Set<String> held = new HashSet<>();

    public void evolve(SessionEvent event) {
        if (event instanceof ScriptAttached e) {
            scriptTitle = e.title();
            sessions = e.sessions();
        } else if (event instanceof LeadAppointed e) {
            lead = e.personId();
        } else if (event instanceof SessionStarted e) {
            running = session(e.sessionId()).orElseThrow();
        } else if (event instanceof SegmentStarted e) {
            index = e.index();
            segmentStartedAt = e.at();
            extraMinutes = 0;
            pausedAt = null;
            pausedBefore = Duration.ZERO;
        } else if (event instanceof SegmentExtended e) {
            extraMinutes += e.minutes();
        } else if (event instanceof SessionPaused e) {
            pausedAt = e.at();
        } else if (event instanceof SessionResumed e) {
            pausedBefore = pausedBefore.plus(Duration.between(pausedAt, e.at()));
            pausedAt = null;
        } else if (event instanceof SessionEnded) {
            if (running != null) held.add(running.id());
            running = null;
            index = -1;
            pausedAt = null;
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    public boolean hasScript() {
        return scriptTitle != null;
    }

    public String scriptTitle() {
        return scriptTitle;
    }

    public List<PlannedSession> sessions() {
        return sessions;
    }

    public Optional<PlannedSession> session(String id) {
        return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public String lead() {
        return lead;
    }

    public boolean isRunning() {
        return running != null;
    }

    public PlannedSession running() {
        return running;
    }

    public int index() {
        return index;
    }

    public boolean isPaused() {
        return pausedAt != null;
    }

    public PlannedSegment segment() {
        return running == null ? null : running.segments().get(index);
    }

    public Optional<PlannedSegment> next() {
        return running == null || index + 1 >= running.segments().size()
                ? Optional.empty()
                : Optional.of(running.segments().get(index + 1));
    }

    public int plannedMinutes() {
        return segment().minutes() + extraMinutes;
    }

    /** Time left in the current segment at {@code now}; negative once overrun, frozen while paused. */
    public Duration remaining(Instant now) {
        Instant reference = pausedAt != null ? pausedAt : now;
        Duration elapsed = Duration.between(segmentStartedAt, reference).minus(pausedBefore);
        return Duration.ofMinutes(plannedMinutes()).minus(elapsed);
    }

    /** When the current segment ends if nothing changes; empty when no session runs or it is paused. */
    public Optional<Instant> deadline() {
        if (running == null || pausedAt != null) return Optional.empty();
        return Optional.of(
                segmentStartedAt.plus(Duration.ofMinutes(plannedMinutes())).plus(pausedBefore));
    }

    @Override
    public Optional<PlannedSegment> current() {
        return isRunning() ? Optional.of(segment()) : Optional.empty();
    }

    @Override
    public List<Scheduled> schedule() {
        return sessions.stream()
                .map(s -> new Scheduled(
                        s.id(),
                        s.title(),
                        s.phase(),
                        s.plannedStart(),
                        held.contains(s.id()),
                        running != null && running.id().equals(s.id())))
                .toList();
    }

    @Override
    public List<PlannedSegment> segments(String sessionId) {
        return session(sessionId).map(PlannedSession::segments).orElse(List.of());
    }

    @Override
    public Optional<Phase> phaseEntered(List<DomainEvent> events) {
        return events.stream()
                .filter(e -> e instanceof SessionEvent.SessionStarted)
                .map(e -> ((SessionEvent.SessionStarted) e).sessionId())
                .reduce((first, last) -> last)
                .flatMap(this::session)
                .map(PlannedSession::phase);
    }

    /** The segment a batch of accepted events enters: a session started or moved on, or ended (entered: null). */
    @Override
    public Optional<Move> move(List<DomainEvent> events) {
        String sessionId = isRunning() ? running().id() : null;
        boolean moved = false;
        PlannedSegment entered = null;
        for (DomainEvent e : events) {
            if (e instanceof SessionEvent.SessionStarted s) sessionId = s.sessionId();
            if (e instanceof SessionEvent.SegmentStarted s) {
                moved = true;
                String id = sessionId;
                entered = session(id).map(p -> p.segments().get(s.index())).orElse(null);
            }
            if (e instanceof SessionEvent.SessionEnded) {
                moved = true;
                entered = null;
            }
        }
        return moved ? Optional.of(new Move(entered)) : Optional.empty();
    }
}
