package org.assemblyhub.kernel;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The assembly's people, their presence and its phase, as every capability may read them (the assembly owns it). */
public interface Roster {
    boolean exists();

    String id();

    String title();

    boolean isPublic();

    Phase phase();

    Optional<Person> person(String personId);

    Map<String, Person> people();

    Set<String> present();

    String displayName(String personId);

    /**
     * Members who take part by telephone only: the hub never sees them connect, so they are seated in groups as if
     * present, and their group's dial-in PIN goes to its facilitators.
     */
    Set<String> phoneOnly();

    /** People whose personal data was erased: they stay on the roster as "erased member", without a link. */
    Set<String> erased();

    /** Whose invitation this is (by the hash of its token), if it is valid now. */
    Optional<Person> personByTokenHash(String tokenHash);

    /**
     * The nonce the hub derives this person's current link from (outreach), or empty: no invitation, or a random
     * token the hub cannot make again (a printed link).
     */
    Optional<String> linkNonce(String personId);

    /** Whether this person has a link that works now. */
    boolean hasActiveInvitation(String personId);

    /** The delivery officer's public key (PEM) new invitations are sealed for, or null. */
    String deliveryKey();
}
