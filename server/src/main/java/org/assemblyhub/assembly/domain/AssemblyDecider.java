package org.assemblyhub.assembly.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.assemblyhub.assembly.domain.AssemblyCommand.*;
import org.assemblyhub.assembly.domain.AssemblyEvent.*;

/**
 * decide(state, actor, command, now) → events or a rejection. Pure: no I/O, no clock of its own, no randomness
 * (tokens arrive already hashed in the command).
 */
public final class AssemblyDecider {
    public static final int MAX_TITLE = 200;
    public static final int MAX_QUESTION = 2_000;
    public static final int MAX_ANNOUNCEMENT = 1_000;
    public static final int MAX_ROSTER = 5_000;

    private AssemblyDecider() {}

    public static Decision decide(AssemblyState state, Actor actor, AssemblyCommand command, Instant now) {
        if (command instanceof CreateAssembly create) return create(state, create);
        if (!state.exists()) return Decision.reject("no-such-assembly", "This assembly does not exist.");
        if (command instanceof ImportRoster c) return organiserOnly(actor, "import a roster", () -> importRoster(state, c));
        if (command instanceof IssueInvitation c) return organiserOnly(actor, "issue invitations", () -> issue(state, actor, c));
        if (command instanceof RevokeInvitation c) {
            return organiserOnly(actor, "revoke invitations", () -> revoke(state, actor, c));
        }
        if (command instanceof ChangePhase c) return organiserOnly(actor, "change the phase", () -> changePhase(state, c));
        if (command instanceof Announce c) return organiserOnly(actor, "make announcements", () -> announce(state, actor, c, now));
        if (command instanceof MarkPresence c) return hubOnly(actor, () -> markPresence(state, c, now));
        if (command instanceof ResetPresence) {
            return hubOnly(actor, () -> state.present().isEmpty() ? Decision.accept() : Decision.accept(new PresenceReset()));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static Decision create(AssemblyState state, CreateAssembly c) {
        if (state.exists()) return Decision.reject("assembly-exists", "An assembly with this id already exists.");
        String title = c.title() == null ? "" : c.title().strip();
        if (title.isEmpty()) return Decision.reject("title-empty", "Give the assembly a title.");
        if (title.length() > MAX_TITLE) {
            return Decision.reject("title-too-long", "The title is longer than " + MAX_TITLE + " characters.");
        }
        String question = c.question() == null ? "" : c.question().strip();
        if (question.length() > MAX_QUESTION) {
            return Decision.reject("question-too-long", "The question is longer than " + MAX_QUESTION + " characters.");
        }
        if (c.organiser().role() != Role.ORGANISER) {
            return Decision.reject("invalid-organiser", "The first person of an assembly must be an organiser.");
        }
        return Decision.accept(
                new AssemblyCreated(c.assemblyId(), title, question, c.publicAssembly(), c.deliveryKey(), c.deliveryKeyFingerprint()),
                new PeopleAdded(List.of(c.organiser())),
                new InvitationIssued(c.organiser().id(), c.organiserTokenHash()));
    }

    private static Decision importRoster(AssemblyState state, ImportRoster c) {
        if (state.phase() == Phase.CLOSED) return closed();
        if (!state.phase().acceptsNewPeople()) {
            return Decision.reject("out-of-phase",
                    "New people can join only during onboarding or learning; the assembly is in " + state.phase().wire() + ".");
        }
        if (c.people().isEmpty()) return Decision.reject("roster-empty", "The roster has nobody in it.");
        if (c.people().size() != c.tokenHashes().size()) throw new IllegalArgumentException("one token hash per person");
        if (state.people().size() + c.people().size() > MAX_ROSTER) {
            return Decision.reject("roster-too-large", "An assembly holds at most " + MAX_ROSTER + " people.");
        }
        Set<String> seen = new HashSet<>();
        for (Person p : c.people()) {
            if (!seen.add(p.id()) || state.people().containsKey(p.id())) {
                return Decision.reject("duplicate-person", "The id '" + p.id() + "' is already on the roster.");
            }
        }
        List<AssemblyEvent> events = new ArrayList<>();
        events.add(new PeopleAdded(c.people()));
        for (int i = 0; i < c.people().size(); i++) {
            events.add(new InvitationIssued(c.people().get(i).id(), c.tokenHashes().get(i)));
        }
        return Decision.accept(events);
    }

    private static Decision issue(AssemblyState state, Actor actor, IssueInvitation c) {
        if (state.phase() == Phase.CLOSED) return closed();
        if (state.person(c.personId()).isEmpty()) return noSuchPerson(c.personId());
        if (c.personId().equals(actor.personId())) {
            // The old link would end this very session before its answer arrives: the new one would be lost.
            return Decision.reject("cannot-reissue-self", "You cannot replace your own link here: another organiser, or the hub's operator, can.");
        }
        return Decision.accept(new InvitationIssued(c.personId(), c.tokenHash()));
    }

    private static Decision revoke(AssemblyState state, Actor actor, RevokeInvitation c) {
        if (state.person(c.personId()).isEmpty()) return noSuchPerson(c.personId());
        if (c.personId().equals(actor.personId())) {
            return Decision.reject("cannot-revoke-self", "You cannot revoke your own invitation: you would lock yourself out.");
        }
        if (!state.hasActiveInvitation(c.personId())) {
            return Decision.reject("no-active-invitation", "This person has no active invitation to revoke.");
        }
        return Decision.accept(new InvitationRevoked(c.personId()));
    }

    private static Decision changePhase(AssemblyState state, ChangePhase c) {
        if (c.to() == null) return Decision.reject("invalid-phase", "Unknown phase.");
        if (state.phase() == Phase.CLOSED) return closed();
        if (state.phase() == c.to()) {
            return Decision.reject("phase-unchanged", "The assembly is already in " + c.to().wire() + ".");
        }
        return Decision.accept(new PhaseChanged(state.phase(), c.to()));
    }

    private static Decision announce(AssemblyState state, Actor actor, Announce c, Instant now) {
        if (state.phase() == Phase.CLOSED) return closed();
        String text = c.text() == null ? "" : c.text().strip();
        if (text.isEmpty()) return Decision.reject("text-empty", "Write something to announce.");
        if (text.length() > MAX_ANNOUNCEMENT) {
            return Decision.reject("text-too-long", "An announcement is at most " + MAX_ANNOUNCEMENT + " characters.");
        }
        String id = "a" + (state.announcements().size() + 1);
        return Decision.accept(new AnnouncementMade(id, text, actor.personId(), now));
    }

    private static Decision markPresence(AssemblyState state, MarkPresence c, Instant now) {
        if (state.person(c.personId()).isEmpty()) return noSuchPerson(c.personId());
        boolean present = state.present().contains(c.personId());
        if (present == c.connected()) return Decision.accept();
        return Decision.accept(c.connected()
                ? new PersonConnected(c.personId(), now)
                : new PersonDisconnected(c.personId(), now));
    }

    private static Decision organiserOnly(Actor actor, String what, java.util.function.Supplier<Decision> then) {
        if (actor.role() != Role.ORGANISER) return Decision.reject("forbidden", "Only organisers can " + what + ".");
        return then.get();
    }

    private static Decision hubOnly(Actor actor, java.util.function.Supplier<Decision> then) {
        if (!actor.isHub()) return Decision.reject("forbidden", "Only the hub itself records presence.");
        return then.get();
    }

    private static Decision closed() {
        return Decision.reject("assembly-closed", "The assembly is closed: nothing can change any more.");
    }

    private static Decision noSuchPerson(String personId) {
        return Decision.reject("no-such-person", "Nobody with id '" + personId + "' is on the roster.");
    }
}
