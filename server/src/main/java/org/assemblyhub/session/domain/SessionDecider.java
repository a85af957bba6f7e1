package org.assemblyhub.session.domain;

import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.session.domain.SessionCommand.*;
import org.assemblyhub.session.domain.SessionEvent.*;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** decide(clock, actor, command, now) → events or a rejection, for everything that steers the live clock. */
public final class SessionDecider {
    public static final int MAX_EXTENSION = 30;

    private SessionDecider() {}

    /** {@code mayLead}: whether a person is on the roster as a facilitator or an organiser. */
    public static Verdict decide(
            SessionClock clock, Actor actor, SessionCommand command, Instant now, Predicate<String> mayLead) {
        if (command instanceof AttachScript c) {
            if (actor.role() != Role.ORGANISER) return Verdict.reject("forbidden", "Only organisers attach a script.");
            if (clock.isRunning())
                return Verdict.reject("session-running", "End the running session before attaching another script.");
            if (c.sessions().isEmpty()) return Verdict.reject("invalid-script", "The script has no session.");
            return Verdict.accept(new ScriptAttached(c.title(), c.sessions()));
        }
        if (command instanceof AppointLead c) {
            if (actor.role() != Role.ORGANISER)
                return Verdict.reject("forbidden", "Only organisers appoint the lead facilitator.");
            if (!mayLead.test(c.personId()))
                return Verdict.reject("not-a-facilitator", "The lead must be a facilitator or an organiser.");
            return Verdict.accept(new LeadAppointed(c.personId()));
        }
        if (command instanceof AdvanceClock c) {
            if (!actor.isHub()) return Verdict.reject("forbidden", "Only the hub's timer moves the clock on.");
            boolean stillCurrent =
                    clock.isRunning() && clock.running().id().equals(c.sessionId()) && clock.index() == c.index();
            if (!stillCurrent || clock.isPaused() || clock.remaining(now).compareTo(Duration.ZERO) > 0)
                return Verdict.accept();
            return moveTo(clock, clock.index() + 1, now);
        }
        if (!leads(clock, actor)) return Verdict.reject("forbidden", "Only the lead facilitator steers the session.");
        if (command instanceof StartSession c) {
            if (clock.isRunning()) return Verdict.reject("session-running", "A session is already running.");
            if (clock.session(c.sessionId()).isEmpty()) {
                return Verdict.reject("no-such-session", "The script has no session '" + c.sessionId() + "'.");
            }
            return Verdict.accept(new SessionStarted(c.sessionId(), now), new SegmentStarted(0, now));
        }
        if (!clock.isRunning()) return Verdict.reject("no-session-running", "No session is running.");
        if (command instanceof PauseSession) {
            return clock.isPaused()
                    ? Verdict.reject("already-paused", "The session is already paused.")
                    : Verdict.accept(new SessionPaused(now));
        }
        if (command instanceof ResumeSession) {
            return clock.isPaused()
                    ? Verdict.accept(new SessionResumed(now))
                    : Verdict.reject("not-paused", "The session is not paused.");
        }
        if (command instanceof ExtendSegment c) {
            if (c.minutes() < 1 || c.minutes() > MAX_EXTENSION) {
                return Verdict.reject("invalid-extension", "Extend by 1 to " + MAX_EXTENSION + " minutes.");
            }
            return Verdict.accept(new SegmentExtended(c.minutes()));
        }
        if (command instanceof SkipSegment) return moveTo(clock, clock.index() + 1, now);
        if (command instanceof GoBack) {
            return clock.index() == 0
                    ? Verdict.reject("first-segment", "This is already the first segment.")
                    : moveTo(clock, clock.index() - 1, now);
        }
        if (command instanceof EndSession) return Verdict.accept(new SessionEnded(now));
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** Organisers always may; otherwise only the appointed lead. */
    public static boolean leads(SessionClock clock, Actor actor) {
        return actor.role() == Role.ORGANISER
                || (actor.personId() != null && actor.personId().equals(clock.lead()));
    }

    private static Verdict moveTo(SessionClock clock, int index, Instant now) {
        if (index >= clock.running().segments().size()) return Verdict.accept(new SessionEnded(now));
        return Verdict.accept(new SegmentStarted(index, now));
    }
}
