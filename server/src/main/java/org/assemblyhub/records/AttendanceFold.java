package org.assemblyhub.records;

import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Person;
import org.assemblyhub.kernel.PhoneOnlyChange;
import org.assemblyhub.kernel.PresenceChange;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.kernel.Seating;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who attended each session, folded from the journal: each recorded event with its time, and the model just after it
 * (read through the kernel's ports only, so this knows no capability). A session runs from the record that starts it
 * to the one that ends it (pauses included); a person is connected from their first device in to their last one out
 * ({@link PresenceChange}, one interval however many devices), and everyone is disconnected when the hub restarts (the
 * roster's presence empties: the journal's presence reset). Groups are the seats the hub gave during the session.
 */
public final class AttendanceFold {
    private final Map<String, List<Instant[]>> intervals = new HashMap<>();
    private final Map<String, Instant> since = new LinkedHashMap<>();
    private final List<Held> held = new ArrayList<>();
    private Held running;
    private long seatsVersion;

    /** One holding of a session (a session started again after its end is held again: a block of its own). */
    private static final class Held {
        final Agenda.Scheduled session;
        final Instant start;
        Instant end;
        List<String> people = List.of();
        final Map<String, Set<String>> groups = new HashMap<>();
        final Set<String> phoneOnly = new HashSet<>();

        Held(Agenda.Scheduled session, Instant start) {
            this.session = session;
            this.start = start;
        }
    }

    /** Folds one event recorded at {@code at}; {@code after}: the model with that event folded in. */
    public void accept(Instant at, DomainEvent event, Model after) {
        Roster roster = after.roster();
        if (event instanceof PresenceChange change) {
            if (change.connected()) since.putIfAbsent(change.personId(), at);
            else disconnect(change.personId(), at);
        }
        if (since.size() != roster.present().size()) follow(roster.present(), at);
        Agenda.Scheduled now = runningSession(after.agenda());
        if (running != null && (now == null || !now.id().equals(running.session.id()))) {
            running.end = at;
            running.people = List.copyOf(roster.people().keySet());
            running = null;
        }
        if (now != null && running == null) {
            running = new Held(now, at);
            running.phoneOnly.addAll(roster.phoneOnly());
            held.add(running);
            seatsVersion = -1;
        }
        if (running == null) return;
        if (event instanceof PhoneOnlyChange change && change.phoneOnly()) running.phoneOnly.add(change.personId());
        Seating seating = after.seating();
        if (seating.version() != seatsVersion) {
            seatsVersion = seating.version();
            seat(running, seating, roster);
        }
    }

    /**
     * One row per person on the roster and session held, sessions in the order they started. People are those on the
     * roster when the session ended (now, if it runs), named and in the role {@code roster} gives now (someone erased
     * shows as erased). Someone still connected at {@code now} counts until now.
     */
    public List<AttendanceRow> rows(Roster roster, Instant now) {
        List<AttendanceRow> rows = new ArrayList<>();
        for (Held h : held) {
            Instant end = h.end != null ? h.end : now;
            List<String> people =
                    h.end != null ? h.people : List.copyOf(roster.people().keySet());
            for (String personId : people) {
                Person person = roster.person(personId).orElse(null);
                if (person == null) continue;
                rows.add(row(h, end, person, now));
            }
        }
        return rows;
    }

    private AttendanceRow row(Held h, Instant end, Person person, Instant now) {
        List<Instant[]> spans = new ArrayList<>(intervals.getOrDefault(person.id(), List.of()));
        Instant open = since.get(person.id());
        if (open != null) spans.add(new Instant[] {open, null});
        Duration connected = Duration.ZERO;
        Instant first = null;
        Instant last = null;
        boolean stillThere = false;
        for (Instant[] span : spans) {
            Instant from = later(span[0], h.start);
            Instant to = span[1] == null ? end : earlier(span[1], end);
            if (!from.isBefore(to)) continue;
            connected = connected.plus(Duration.between(from, to));
            if (first == null || from.isBefore(first)) first = from;
            if (last == null || to.isAfter(last)) last = to;
            stillThere |= span[1] == null && h.end == null;
        }
        boolean phoneOnly = h.phoneOnly.contains(person.id());
        AttendanceRow.Present present = first != null
                ? AttendanceRow.Present.YES
                : phoneOnly ? AttendanceRow.Present.UNKNOWN : AttendanceRow.Present.NO;
        return new AttendanceRow(
                h.session.id(),
                h.session.title(),
                h.session.plannedStart(),
                h.start,
                h.end,
                person.id(),
                person.displayName(),
                person.role().wire(),
                phoneOnly,
                present,
                first,
                stillThere ? null : last,
                (connected.toSeconds() + 30) / 60,
                List.copyOf(h.groups.getOrDefault(person.id(), Set.of())));
    }

    private void disconnect(String personId, Instant at) {
        Instant from = since.remove(personId);
        if (from != null)
            intervals.computeIfAbsent(personId, k -> new ArrayList<>()).add(new Instant[] {from, at});
    }

    /** Follows the roster's presence when it moved without a presence change of one person (the reset at start). */
    private void follow(Set<String> present, Instant at) {
        for (String personId : List.copyOf(since.keySet())) if (!present.contains(personId)) disconnect(personId, at);
        for (String personId : present) since.putIfAbsent(personId, at);
    }

    private static Agenda.Scheduled runningSession(Agenda agenda) {
        for (Agenda.Scheduled s : agenda.schedule()) if (s.running()) return s;
        return null;
    }

    /** Members through their groups' lists; the few others (facilitators, guests) through their own seat. */
    private static void seat(Held h, Seating seating, Roster roster) {
        if (!seating.isOpen()) return;
        int round = seating.round();
        for (int group : seating.meeting()) {
            for (String personId : seating.members(group)) seated(h, personId, round, group);
        }
        for (Person p : roster.people().values()) {
            if (p.role() == Role.MEMBER) continue;
            seating.seatOf(p.id()).ifPresent(seat -> seated(h, p.id(), seat.round(), seat.group()));
        }
    }

    private static void seated(Held h, String personId, int round, int group) {
        h.groups.computeIfAbsent(personId, k -> new LinkedHashSet<>()).add(round + ":" + group);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
