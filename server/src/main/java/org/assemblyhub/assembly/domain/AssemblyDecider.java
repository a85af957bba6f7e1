package org.assemblyhub.assembly.domain;

import org.assemblyhub.assembly.domain.AssemblyCommand.*;
import org.assemblyhub.assembly.domain.AssemblyEvent.*;
import org.assemblyhub.kernel.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

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

    public static Verdict decide(AssemblyState state, Actor actor, DomainCommand command, Instant now) {
        if (command instanceof CreateAssembly create) return create(state, create);
        if (!state.exists()) return Verdict.reject("no-such-assembly", "This assembly does not exist.");
        if (command instanceof ImportRoster c)
            return organiserOnly(actor, "import a roster", () -> importRoster(state, c));
        if (command instanceof IssueInvitation c)
            return organiserOnly(actor, "issue invitations", () -> issue(state, actor, c));
        if (command instanceof RevokeInvitation c) {
            return organiserOnly(actor, "revoke invitations", () -> revoke(state, actor, c));
        }
        if (command instanceof ErasePerson c)
            return organiserOnly(actor, "erase people's data", () -> erase(state, actor, c, now));
        if (command instanceof EditPerson c) return organiserOnly(actor, "edit people", () -> editPerson(state, c));
        if (command instanceof ChangeRole c)
            return organiserOnly(actor, "change roles", () -> changeRole(state, actor, c));
        if (command instanceof RemovePerson c)
            return organiserOnly(actor, "remove people", () -> removePerson(state, actor, c));
        if (command instanceof SetRetention c)
            return organiserOnly(actor, "set how long personal data is kept", () -> retention(state, actor, c, now));
        if (command instanceof EraseExpiredData) return hubOnly(actor, () -> eraseExpired(state, now));
        if (command instanceof MarkPhoneOnly c)
            return organiserOnly(actor, "mark members phone-only", () -> markPhoneOnly(state, c));
        if (command instanceof ChangePhase c)
            return organiserOnly(actor, "change the phase", () -> changePhase(state, c));
        if (command instanceof Announce c)
            return organiserOnly(actor, "make announcements", () -> announce(state, actor, c, now));
        if (command instanceof Presence.Mark c) return hubOnly(actor, () -> markPresence(state, c, now));
        if (command instanceof Presence.Reset) {
            return hubOnly(
                    actor, () -> state.present().isEmpty() ? Verdict.accept() : Verdict.accept(new PresenceReset()));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static Verdict create(AssemblyState state, CreateAssembly c) {
        if (state.exists()) return Verdict.reject("assembly-exists", "An assembly with this id already exists.");
        String title = c.title() == null ? "" : c.title().strip();
        if (title.isEmpty()) return Verdict.reject("title-empty", "Give the assembly a title.");
        if (title.length() > MAX_TITLE) {
            return Verdict.reject("title-too-long", "The title is longer than " + MAX_TITLE + " characters.");
        }
        String question = c.question() == null ? "" : c.question().strip();
        if (question.length() > MAX_QUESTION) {
            return Verdict.reject("question-too-long", "The question is longer than " + MAX_QUESTION + " characters.");
        }
        if (c.organiser().role() != Role.ORGANISER) {
            return Verdict.reject("invalid-organiser", "The first person of an assembly must be an organiser.");
        }
        return Verdict.accept(
                new AssemblyCreated(
                        c.assemblyId(),
                        title,
                        question,
                        c.publicAssembly(),
                        c.deliveryKey(),
                        c.deliveryKeyFingerprint()),
                new PeopleAdded(List.of(c.organiser())),
                new InvitationIssued(c.organiser().id(), c.organiserTokenHash()));
    }

    private static Verdict importRoster(AssemblyState state, ImportRoster c) {
        if (state.phase() == Phase.CLOSED) return closed();
        if (!state.phase().acceptsNewPeople()) {
            return Verdict.reject(
                    "out-of-phase",
                    "New people can join only during onboarding or learning; the assembly is in "
                            + state.phase().wire() + ".");
        }
        if (c.people().isEmpty()) return Verdict.reject("roster-empty", "The roster has nobody in it.");
        if (c.people().size() != c.tokenHashes().size())
            throw new IllegalArgumentException("one token hash per person");
        if (state.people().size() + c.people().size() > MAX_ROSTER) {
            return Verdict.reject("roster-too-large", "An assembly holds at most " + MAX_ROSTER + " people.");
        }
        Set<String> seen = new HashSet<>();
        for (Person p : c.people()) {
            if (!seen.add(p.id()) || state.people().containsKey(p.id())) {
                return Verdict.reject("duplicate-person", "The id '" + p.id() + "' is already on the roster.");
            }
        }
        List<AssemblyEvent> events = new ArrayList<>();
        events.add(new PeopleAdded(c.people()));
        for (int i = 0; i < c.people().size(); i++) {
            events.add(
                    new InvitationIssued(c.people().get(i).id(), c.tokenHashes().get(i)));
        }
        for (Person p : c.people()) {
            if (!c.phoneOnly().contains(p.id())) continue;
            if (p.role() != Role.MEMBER) return phoneOnlyMembersOnly(p.id());
            events.add(new PhoneOnlyMarked(p.id(), true));
        }
        return Verdict.accept(events);
    }

    private static Verdict issue(AssemblyState state, Actor actor, IssueInvitation c) {
        if (state.phase() == Phase.CLOSED) return closed();
        if (state.person(c.personId()).isEmpty()) return noSuchPerson(c.personId());
        if (state.erased().contains(c.personId())) return erasedPerson();
        if (state.removed().contains(c.personId())) {
            return Verdict.reject(
                    "person-removed", "This person was removed from the assembly: add them again to invite them.");
        }
        if (c.personId().equals(actor.personId())) {
            // The old link would end this very session before its answer arrives: the new one would be lost.
            return Verdict.reject(
                    "cannot-reissue-self",
                    "You cannot replace your own link here: another organiser, or the hub's operator, can.");
        }
        return Verdict.accept(new InvitationIssued(c.personId(), c.tokenHash(), c.linkNonce()));
    }

    /** Allowed in every phase, a closed assembly included: the right to erasure outlasts the assembly. */
    private static Verdict erase(AssemblyState state, Actor actor, ErasePerson c, Instant now) {
        if (state.person(c.personId()).isEmpty()) return noSuchPerson(c.personId());
        if (state.erased().contains(c.personId()))
            return Verdict.reject("already-erased", "This person's data was already erased.");
        if (c.personId().equals(actor.personId())) {
            return Verdict.reject(
                    "cannot-erase-self",
                    "You cannot erase yourself here: another organiser, or the hub's operator, can.");
        }
        return Verdict.accept(new PersonErased(c.personId(), actor.personId(), now));
    }

    private static Verdict editPerson(AssemblyState state, EditPerson c) {
        Person p = state.person(c.personId()).orElse(null);
        if (p == null) return noSuchPerson(c.personId());
        if (state.erased().contains(p.id())) return erasedPerson();
        Person edited = new Person(
                p.id(),
                c.name() == null ? p.displayName() : c.name(),
                c.contact() == null ? p.contact() : (c.contact().isBlank() ? null : c.contact()),
                p.role(),
                c.attributes() == null ? p.attributes() : c.attributes());
        if (edited.equals(p)) return Verdict.accept();
        return Verdict.accept(new PersonEdited(edited));
    }

    private static Verdict changeRole(AssemblyState state, Actor actor, ChangeRole c) {
        Person p = state.person(c.personId()).orElse(null);
        if (p == null) return noSuchPerson(c.personId());
        if (state.erased().contains(p.id())) return erasedPerson();
        if (p.id().equals(actor.personId())) {
            return Verdict.reject("cannot-change-own-role", "You cannot change your own role: another organiser can.");
        }
        if (p.role() == c.role()) return Verdict.accept();
        return Verdict.accept(new RoleChanged(p.id(), c.role()));
    }

    private static Verdict removePerson(AssemblyState state, Actor actor, RemovePerson c) {
        if (state.person(c.personId()).isEmpty()) return noSuchPerson(c.personId());
        if (state.erased().contains(c.personId())) return erasedPerson();
        if (c.personId().equals(actor.personId())) {
            return Verdict.reject("cannot-remove-self", "You cannot remove yourself: another organiser can.");
        }
        if (state.removed().contains(c.personId()))
            return Verdict.reject("already-removed", "This person was already removed from the assembly.");
        return Verdict.accept(new PersonRemoved(c.personId(), actor.personId()));
    }

    /** A day still to come (a day already begun would erase everyone at once: that is erase-person's to do). */
    private static Verdict retention(AssemblyState state, Actor actor, SetRetention c, Instant now) {
        if (c.until() != null && !c.until().isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            return Verdict.reject(
                    "retention-in-past", "Choose a day after today: the data is erased when that day begins (UTC).");
        }
        if (Objects.equals(c.until(), state.retentionUntil())) return Verdict.accept();
        return Verdict.accept(new RetentionSet(c.until(), actor.personId()));
    }

    private static Verdict eraseExpired(AssemblyState state, Instant now) {
        if (state.retentionDeadline().filter(d -> !now.isBefore(d)).isEmpty()) return Verdict.accept();
        List<DomainEvent> events = new ArrayList<>();
        for (String personId : state.people().keySet()) {
            if (!state.erased().contains(personId)) events.add(new PersonErased(personId, null, now));
        }
        return Verdict.accept(events);
    }

    private static Verdict revoke(AssemblyState state, Actor actor, RevokeInvitation c) {
        if (state.person(c.personId()).isEmpty()) return noSuchPerson(c.personId());
        if (c.personId().equals(actor.personId())) {
            return Verdict.reject(
                    "cannot-revoke-self", "You cannot revoke your own invitation: you would lock yourself out.");
        }
        if (!state.hasActiveInvitation(c.personId())) {
            return Verdict.reject("no-active-invitation", "This person has no active invitation to revoke.");
        }
        return Verdict.accept(new InvitationRevoked(c.personId()));
    }

    private static Verdict markPhoneOnly(AssemblyState state, MarkPhoneOnly c) {
        if (state.phase() == Phase.CLOSED) return closed();
        Person person = state.person(c.personId()).orElse(null);
        if (person == null) return noSuchPerson(c.personId());
        if (state.erased().contains(person.id())) return erasedPerson();
        if (person.role() != Role.MEMBER) return phoneOnlyMembersOnly(person.id());
        if (state.phoneOnly().contains(person.id()) == c.phoneOnly()) return Verdict.accept();
        return Verdict.accept(new PhoneOnlyMarked(person.id(), c.phoneOnly()));
    }

    private static Verdict erasedPerson() {
        return Verdict.reject("person-erased", "This person's data was erased: they can no longer take part.");
    }

    private static Verdict phoneOnlyMembersOnly(String personId) {
        return Verdict.reject(
                "not-a-member", "Only members take part by phone only; '" + personId + "' is not a member.");
    }

    private static Verdict changePhase(AssemblyState state, ChangePhase c) {
        if (c.to() == null) return Verdict.reject("invalid-phase", "Unknown phase.");
        if (state.phase() == Phase.CLOSED) return closed();
        if (state.phase() == c.to()) {
            return Verdict.reject("phase-unchanged", "The assembly is already in " + c.to().wire() + ".");
        }
        return Verdict.accept(new PhaseChanged(state.phase(), c.to()));
    }

    private static Verdict announce(AssemblyState state, Actor actor, Announce c, Instant now) {
        if (state.phase() == Phase.CLOSED) return closed();
        String text = c.text() == null ? "" : c.text().strip();
        if (text.isEmpty()) return Verdict.reject("text-empty", "Write something to announce.");
        if (text.length() > MAX_ANNOUNCEMENT) {
            return Verdict.reject("text-too-long", "An announcement is at most " + MAX_ANNOUNCEMENT + " characters.");
        }
        String id = "a" + (state.announcements().size() + 1);
        return Verdict.accept(new AnnouncementMade(id, text, actor.personId(), now));
    }

    private static Verdict markPresence(AssemblyState state, Presence.Mark c, Instant now) {
        if (state.person(c.personId()).isEmpty()) return noSuchPerson(c.personId());
        boolean present = state.present().contains(c.personId());
        if (present == c.connected()) return Verdict.accept();
        return Verdict.accept(
                c.connected() ? new PersonConnected(c.personId(), now) : new PersonDisconnected(c.personId(), now));
    }

    private static Verdict organiserOnly(Actor actor, String what, Supplier<Verdict> then) {
        if (actor.role() != Role.ORGANISER) return Verdict.reject("forbidden", "Only organisers can " + what + ".");
        return then.get();
    }

    private static Verdict hubOnly(Actor actor, Supplier<Verdict> then) {
        if (!actor.isHub()) return Verdict.reject("forbidden", "Only the hub itself records presence.");
        return then.get();
    }

    private static Verdict closed() {
        return Verdict.reject("assembly-closed", "The assembly is closed: nothing can change any more.");
    }

    private static Verdict noSuchPerson(String personId) {
        return Verdict.reject("no-such-person", "Nobody with id '" + personId + "' is on the roster.");
    }
}
