package org.assemblyhub.assembly.domain;

import org.assemblyhub.kernel.ChangesIdentity;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.EndsSessions;
import org.assemblyhub.kernel.ErasesPerson;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.PersonalData;
import org.assemblyhub.kernel.PersonalField;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.PhoneOnlyChange;
import org.assemblyhub.kernel.PresenceChange;
import org.assemblyhub.kernel.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts about an assembly, in the past tense. The journal stores them; the state is their fold.
 * Invitations are recorded by the hash of their token only, so the journal (and any export of it) grants no access.
 */
public sealed interface AssemblyEvent extends DomainEvent {

    /**
     * {@code deliveryKey}: when set (PEM), every new invitation is sealed for the delivery officer who holds its
     * private key, and organisers never see members' links; {@code deliveryKeyFingerprint} is shown to everyone.
     */
    record AssemblyCreated(
            String assemblyId,
            String title,
            String question,
            boolean publicAssembly,
            String deliveryKey,
            String deliveryKeyFingerprint)
            implements AssemblyEvent {}

    record PeopleAdded(List<Person> people) implements AssemblyEvent, PersonalData {
        public PeopleAdded {
            people = List.copyOf(people);
        }

        @Override
        public List<PersonalField> personalFields() {
            List<PersonalField> fields = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) fields.addAll(people.get(i).personalFields("/people/" + i));
            return fields;
        }
    }

    /** A person's name, contact or attributes changed: {@code person} is who they are now. */
    record PersonEdited(Person person) implements AssemblyEvent, PersonalData, ChangesIdentity {
        @Override
        public String personId() {
            return person.id();
        }

        @Override
        public List<PersonalField> personalFields() {
            return person.personalFields("/person");
        }
    }

    record RoleChanged(String personId, Role role) implements AssemblyEvent, ChangesIdentity {}

    /** A person no longer takes part: their link ends; their name stays on what they did. */
    record PersonRemoved(String personId, String byPersonId) implements AssemblyEvent, EndsSessions {}

    /** From {@code until} (a day, UTC) every person's personal data is erased by the hub itself; null: no such day. */
    record RetentionSet(LocalDate until, String byPersonId) implements AssemblyEvent {}

    /**
     * A person's personal data is erased: the journal's copies of it can no longer be read (their key is deleted once
     * this is recorded), their invitation ends, and everything else they took part in stays, under "erased member".
     */
    record PersonErased(String personId, String byPersonId, Instant at)
            implements AssemblyEvent, EndsSessions, ErasesPerson {}

    /** {@code linkNonce}: null for a random token; set when the hub can derive the token again (outreach). */
    record InvitationIssued(String personId, String tokenHash, String linkNonce)
            implements AssemblyEvent, EndsSessions {
        public InvitationIssued(String personId, String tokenHash) {
            this(personId, tokenHash, null);
        }
    }

    record InvitationRevoked(String personId) implements AssemblyEvent, EndsSessions {}

    record PhaseChanged(Phase from, Phase to) implements AssemblyEvent {}

    record AnnouncementMade(String announcementId, String text, String byPersonId, Instant at)
            implements AssemblyEvent {}

    record PersonConnected(String personId, Instant at) implements AssemblyEvent, PresenceChange {
        @Override
        public boolean connected() {
            return true;
        }
    }

    record PersonDisconnected(String personId, Instant at) implements AssemblyEvent, PresenceChange {
        @Override
        public boolean connected() {
            return false;
        }
    }

    /** A member takes part by telephone only ({@code phoneOnly}), or no longer. */
    record PhoneOnlyMarked(String personId, boolean phoneOnly) implements AssemblyEvent, PhoneOnlyChange {}

    /** Written when an engine starts: connections from before a restart are gone, whatever the journal last said. */
    record PresenceReset() implements AssemblyEvent {}
}
