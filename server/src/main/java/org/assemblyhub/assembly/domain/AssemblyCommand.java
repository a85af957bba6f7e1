package org.assemblyhub.assembly.domain;

import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Role;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Requests to an assembly, in the imperative. Each is decided against the current state by {@link AssemblyDecider}. */
public sealed interface AssemblyCommand extends DomainCommand {

    /** {@code deliveryKey}: the delivery officer's public key (PEM) when invitations are sealed for them, else null. */
    record CreateAssembly(
            String assemblyId,
            String title,
            String question,
            boolean publicAssembly,
            Person organiser,
            String organiserTokenHash,
            String deliveryKey,
            String deliveryKeyFingerprint)
            implements AssemblyCommand {}

    /** Adds people with their first invitations; token hashes are made by the caller, which alone keeps the tokens. */
    record ImportRoster(List<Person> people, List<String> tokenHashes, Set<String> phoneOnly)
            implements AssemblyCommand {
        public ImportRoster {
            people = List.copyOf(people);
            tokenHashes = List.copyOf(tokenHashes);
            phoneOnly = Set.copyOf(phoneOnly);
        }

        public ImportRoster(List<Person> people, List<String> tokenHashes) {
            this(people, tokenHashes, Set.of());
        }
    }

    /**
     * Marks a member as taking part by telephone only (or no longer): they are seated in groups without a connection,
     * and their group's facilitators get the dial-in PIN to read to them.
     */
    record MarkPhoneOnly(String personId, boolean phoneOnly) implements AssemblyCommand {}

    /**
     * Issues a new invitation for a person; any earlier link of theirs stops working. {@code linkNonce}: set when the
     * hub can derive the token again from its link secret (outreach), null for a random token.
     */
    record IssueInvitation(String personId, String tokenHash, String linkNonce) implements AssemblyCommand {
        public IssueInvitation(String personId, String tokenHash) {
            this(personId, tokenHash, null);
        }
    }

    record RevokeInvitation(String personId) implements AssemblyCommand {}

    /** Changes a person's name, contact or attributes (null: unchanged); their role and id stay. */
    record EditPerson(String personId, String name, String contact, Map<String, String> attributes)
            implements AssemblyCommand {}

    record ChangeRole(String personId, Role role) implements AssemblyCommand {}

    /** Takes a person off the assembly (a dropout): their link stops working; what they did stays, under their name. */
    record RemovePerson(String personId) implements AssemblyCommand {}

    /** Erases a person's personal data (their right to erasure); what they took part in stays, unnamed. */
    record ErasePerson(String personId) implements AssemblyCommand {}

    /**
     * Sets the day from which every person's personal data is erased by itself ({@code until}, UTC; null: kept until
     * someone erases it).
     */
    record SetRetention(LocalDate until) implements AssemblyCommand {}

    /** The hub's own: the retention day has come, every person's personal data goes. */
    record EraseExpiredData() implements AssemblyCommand {}

    record ChangePhase(Phase to) implements AssemblyCommand {}

    record Announce(String text) implements AssemblyCommand {}
}
