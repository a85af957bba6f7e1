package org.assemblyhub.assembly.domain;

import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.Phase;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Roster;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fold of an assembly's events. Only {@link #evolve} changes it, and it never refuses an event: events are facts,
 * checked once by {@link AssemblyDecider} before they were recorded.
 */
public final class AssemblyState implements Serializable, Roster {
    private String id;
    private String title;
    private String question;
    private boolean publicAssembly;
    private String deliveryKey;
    private String deliveryKeyFingerprint;
    private Phase phase = Phase.ONBOARDING;
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, String> tokenHashByPerson = new HashMap<>();
    private final Map<String, String> personByTokenHash = new HashMap<>();
    private final Map<String, String> linkNonceByPerson = new HashMap<>();
    private final List<Announcement> announcements = new ArrayList<>();
    private final Set<String> present = new LinkedHashSet<>();
    private final Set<String> phoneOnly = new LinkedHashSet<>();
    private final Set<String> erased = new LinkedHashSet<>();
    private LocalDate retentionUntil;
    private final Set<String> removed = new LinkedHashSet<>();
    /** Who has connected at least once (opened their link). */
    private final Set<String> opened = new HashSet<>();

    private long version;

    public static AssemblyState fold(Iterable<AssemblyEvent> events) {
        AssemblyState state = new AssemblyState();
        events.forEach(state::evolve);
        return state;
    }

    public void evolve(AssemblyEvent event) {
        version++;
        if (event instanceof AssemblyEvent.AssemblyCreated e) {
            id = e.assemblyId();
            title = e.title();
            question = e.question();
            publicAssembly = e.publicAssembly();
            deliveryKey = e.deliveryKey();
            deliveryKeyFingerprint = e.deliveryKeyFingerprint();
        } else if (event instanceof AssemblyEvent.PeopleAdded e) {
            e.people().forEach(p -> people.put(p.id(), p));
        } else if (event instanceof AssemblyEvent.InvitationIssued e) {
            revoke(e.personId());
            tokenHashByPerson.put(e.personId(), e.tokenHash());
            personByTokenHash.put(e.tokenHash(), e.personId());
            if (e.linkNonce() != null) linkNonceByPerson.put(e.personId(), e.linkNonce());
        } else if (event instanceof AssemblyEvent.InvitationRevoked e) {
            revoke(e.personId());
        } else if (event instanceof AssemblyEvent.PhaseChanged e) {
            phase = e.to();
        } else if (event instanceof AssemblyEvent.AnnouncementMade e) {
            announcements.add(new Announcement(e.announcementId(), e.text(), e.byPersonId(), e.at()));
        } else if (event instanceof AssemblyEvent.PersonConnected e) {
            present.add(e.personId());
            opened.add(e.personId());
        } else if (event instanceof AssemblyEvent.PersonDisconnected e) {
            present.remove(e.personId());
        } else if (event instanceof AssemblyEvent.PhoneOnlyMarked e) {
            if (e.phoneOnly()) phoneOnly.add(e.personId());
            else phoneOnly.remove(e.personId());
        } else if (event instanceof AssemblyEvent.PersonEdited e) {
            people.put(e.person().id(), e.person());
        } else if (event instanceof AssemblyEvent.RoleChanged e) {
            Person p = people.get(e.personId());
            people.put(p.id(), new Person(p.id(), p.displayName(), p.contact(), e.role(), p.attributes()));
            if (e.role() != Role.MEMBER) phoneOnly.remove(p.id());
        } else if (event instanceof AssemblyEvent.PersonRemoved e) {
            removed.add(e.personId());
            revoke(e.personId());
            phoneOnly.remove(e.personId());
        } else if (event instanceof AssemblyEvent.RetentionSet e) {
            retentionUntil = e.until();
        } else if (event instanceof AssemblyEvent.PersonErased e) {
            erased.add(e.personId());
            revoke(e.personId());
            phoneOnly.remove(e.personId());
        } else if (event instanceof AssemblyEvent.PresenceReset) {
            present.clear();
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    /** People taken off the assembly (their link ended; they stay in what they did). */
    public Set<String> removed() {
        return Collections.unmodifiableSet(removed);
    }

    /** Whether the person ever connected, i.e. opened their link. */
    public boolean opened(String personId) {
        return opened.contains(personId);
    }

    /** The day from which everyone's personal data is erased (UTC), or null. */
    public LocalDate retentionUntil() {
        return retentionUntil;
    }

    /** When the retention day begins, while someone's data is still kept: the hub erases it then. */
    public Optional<Instant> retentionDeadline() {
        if (retentionUntil == null || erased.containsAll(people.keySet())) return Optional.empty();
        return Optional.of(retentionUntil.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public Set<String> erased() {
        return Collections.unmodifiableSet(erased);
    }

    private void revoke(String personId) {
        String old = tokenHashByPerson.remove(personId);
        if (old != null) personByTokenHash.remove(old);
        linkNonceByPerson.remove(personId);
    }

    /** Changes with every event this state takes in: views derived from it can be kept until it moves. */
    public long version() {
        return version;
    }

    public boolean exists() {
        return id != null;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String question() {
        return question;
    }

    /** The delivery officer's public key (PEM) when invitations are sealed for them; null otherwise. */
    public String deliveryKey() {
        return deliveryKey;
    }

    public String deliveryKeyFingerprint() {
        return deliveryKeyFingerprint;
    }

    public boolean isPublic() {
        return publicAssembly;
    }

    public Phase phase() {
        return phase;
    }

    public Map<String, Person> people() {
        return Collections.unmodifiableMap(people);
    }

    public Optional<Person> person(String personId) {
        return Optional.ofNullable(personId == null ? null : people.get(personId));
    }

    /** A person's display name, or their id when they are not on the roster. */
    public String displayName(String personId) {
        Person p = personId == null ? null : people.get(personId);
        return p == null ? personId : p.displayName();
    }

    /** The person a valid (issued, not revoked, not superseded) invitation token hash belongs to. */
    public Optional<Person> personByTokenHash(String tokenHash) {
        return person(personByTokenHash.get(tokenHash));
    }

    @Override
    public Optional<String> linkNonce(String personId) {
        return Optional.ofNullable(linkNonceByPerson.get(personId));
    }

    @Override
    public boolean hasActiveInvitation(String personId) {
        return tokenHashByPerson.containsKey(personId);
    }

    public List<Announcement> announcements() {
        return Collections.unmodifiableList(announcements);
    }

    public Set<String> present() {
        return Collections.unmodifiableSet(present);
    }

    @Override
    public Set<String> phoneOnly() {
        return Collections.unmodifiableSet(phoneOnly);
    }
}
