package org.assemblyhub.live.domain;

import org.assemblyhub.assembly.domain.Actor;
import org.assemblyhub.assembly.domain.Decision;
import org.assemblyhub.assembly.domain.Role;
import org.assemblyhub.live.domain.SessionCommand.*;
import org.assemblyhub.live.domain.SessionEvent.*;

import java.time.Instant;

/** decide(clock, actor, command, now) → events or a rejection, for everything that steers the live clock. */
public final class SessionDecider {
    public static final int MAX_EXTENSION = 30;

    private SessionDecider() {}

    public static Decision decide(SessionClock clock, Actor actor, SessionCommand command, Instant now) {
        if (command instanceof AttachScript c) {
            if (actor.role() != Role.ORGANISER) return Decision.reject("forbidden", "Only organisers attach a script.");
            if (clock.isRunning()) return Decision.reject("session-running", "End the running session before attaching another script.");
            if (c.sessions().isEmpty()) return Decision.reject("invalid-script", "The script has no session.");
            return Decision.accept(new ScriptAttached(c.title(), c.sessions()));
        }
        if (command instanceof AppointLead c) {
            if (actor.role() != Role.ORGANISER) return Decision.reject("forbidden", "Only organisers appoint the lead facilitator.");
            if (!c.eligible()) return Decision.reject("not-a-facilitator", "The lead must be a facilitator or an organiser.");
            return Decision.accept(new LeadAppointed(c.personId()));
        }
        if (command instanceof AdvanceClock c) {
            if (!actor.isHub()) return Decision.reject("forbidden", "Only the hub's timer moves the clock on.");
            boolean stillCurrent = clock.isRunning() && clock.running().id().equals(c.sessionId()) && clock.index() == c.index();
            if (!stillCurrent || clock.isPaused() || clock.remaining(now).compareTo(java.time.Duration.ZERO) > 0) return Decision.accept();
            return moveTo(clock, clock.index() + 1, now);
        }
        if (!leads(clock, actor)) return Decision.reject("forbidden", "Only the lead facilitator steers the session.");
        if (command instanceof StartSession c) {
            if (clock.isRunning()) return Decision.reject("session-running", "A session is already running.");
            if (clock.session(c.sessionId()).isEmpty()) {
                return Decision.reject("no-such-session", "The script has no session '" + c.sessionId() + "'.");
            }
            return Decision.accept(new SessionStarted(c.sessionId(), now), new SegmentStarted(0, now));
        }
        if (!clock.isRunning()) return Decision.reject("no-session-running", "No session is running.");
        if (command instanceof PauseSession) {
            return clock.isPaused() ? Decision.reject("already-paused", "The session is already paused.")
                    : Decision.accept(new SessionPaused(now));
        }
        if (command instanceof ResumeSession) {
            return clock.isPaused() ? Decision.accept(new SessionResumed(now))
                    : Decision.reject("not-paused", "The session is not paused.");
        }
        if (command instanceof ExtendSegment c) {
            if (c.minutes() < 1 || c.minutes() > MAX_EXTENSION) {
                return Decision.reject("invalid-extension", "Extend by 1 to " + MAX_EXTENSION + " minutes.");
            }
            return Decision.accept(new SegmentExtended(c.minutes()));
        }
        if (command instanceof SkipSegment) return moveTo(clock, clock.index() + 1, now);
        if (command instanceof GoBack) {
            return clock.index() == 0 ? Decision.reject("first-segment", "This is already the first segment.")
                    : moveTo(clock, clock.index() - 1, now);
        }
        if (command instanceof EndSession) return Decision.accept(new SessionEnded(now));
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** Organisers always may; otherwise only the appointed lead. */
    public static boolean leads(SessionClock clock, Actor actor) {
        return actor.role() == Role.ORGANISER || (actor.personId() != null && actor.personId().equals(clock.lead()));
    }

    private static Decision moveTo(SessionClock clock, int index, Instant now) {
        if (index >= clock.running().segments().size()) return Decision.accept(new SessionEnded(now));
        return Decision.accept(new SegmentStarted(index, now));
    }
}
