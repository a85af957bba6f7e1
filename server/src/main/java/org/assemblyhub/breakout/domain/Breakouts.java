package org.assemblyhub.breakout.domain;

import org.assemblyhub.breakout.workspace.Workspaces;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Seating;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The breakout capability's state: the rooms of each round, and each group's workspace and the harvest. */
public final class Breakouts implements Serializable, Seating {
    public final BreakoutRooms rooms = new BreakoutRooms();
    public final Workspaces workspaces = new Workspaces();

    @Override
    public int round() {
        return rooms.round();
    }

    @Override
    public long version() {
        return rooms.version();
    }

    @Override
    public boolean isOpen() {
        return rooms.isOpen();
    }

    @Override
    public Optional<Seat> seatOf(String personId) {
        return rooms.groupOf(personId).map(g -> {
            Set<String> people = new HashSet<>(g.members());
            if (g.leadFacilitator() != null) people.add(g.leadFacilitator());
            if (g.coFacilitator() != null) people.add(g.coFacilitator());
            people.addAll(rooms.visitorsOf(g.number()));
            boolean facilitates = g.facilitatedBy(personId) || rooms.hosts(personId);
            return new Seat(rooms.round(), g.number(), facilitates, Set.copyOf(people));
        });
    }

    @Override
    public Optional<Seat> nextSeatOf(String personId) {
        if (!rooms.hasPlan() || rooms.isOpen()) return lastSeatOf(personId);
        for (Group g : rooms.groups()) {
            if (!g.seats(personId)) continue;
            Set<String> people = new HashSet<>(g.members());
            if (g.leadFacilitator() != null) people.add(g.leadFacilitator());
            if (g.coFacilitator() != null) people.add(g.coFacilitator());
            return Optional.of(new Seat(rooms.round(), g.number(), g.facilitatedBy(personId), Set.copyOf(people)));
        }
        return lastSeatOf(personId);
    }

    @Override
    public Optional<Seat> lastSeatOf(String personId) {
        List<Integer> held = new ArrayList<>(rooms.rounds().keySet());
        Collections.reverse(held);
        for (int round : held) {
            for (Group g : rooms.rounds().get(round)) {
                if (g.seats(personId)) {
                    Set<String> people = new HashSet<>(g.members());
                    if (g.leadFacilitator() != null) people.add(g.leadFacilitator());
                    if (g.coFacilitator() != null) people.add(g.coFacilitator());
                    return Optional.of(new Seat(round, g.number(), g.facilitatedBy(personId), Set.copyOf(people)));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, Integer> lastGroups() {
        Map<String, Integer> groups = new HashMap<>();
        List<Integer> held = new ArrayList<>(rooms.rounds().keySet());
        Collections.reverse(held);
        for (int round : held) {
            for (Group g : rooms.rounds().get(round)) {
                for (String m : g.members()) groups.putIfAbsent(m, g.number());
                if (g.leadFacilitator() != null) groups.putIfAbsent(g.leadFacilitator(), g.number());
                if (g.coFacilitator() != null) groups.putIfAbsent(g.coFacilitator(), g.number());
            }
        }
        return groups;
    }

    @Override
    public List<String> members(int round, int group) {
        return rooms.rounds().getOrDefault(round, List.of()).stream()
                .filter(g -> g.number() == group)
                .findFirst()
                .map(g -> List.copyOf(g.members()))
                .orElse(List.of());
    }

    @Override
    public List<String> members(int group) {
        return rooms.groups().stream()
                .filter(g -> g.number() == group)
                .findFirst()
                .map(g -> List.copyOf(g.members()))
                .orElse(List.of());
    }

    @Override
    public List<Integer> meeting() {
        if (!rooms.isOpen()) return List.of();
        return rooms.groups().stream()
                .map(Group::number)
                .filter(n -> !rooms.returned(n))
                .toList();
    }

    @Override
    public Optional<Integer> roundClosedBy(List<DomainEvent> events) {
        return events.stream()
                .filter(e -> e instanceof BreakoutEvent.BreakoutsClosed)
                .map(e -> ((BreakoutEvent.BreakoutsClosed) e).round())
                .findFirst();
    }

    @Override
    public Optional<Card> card(String ideaId) {
        return workspaces.idea(ideaId).map(i -> new Card(i.group(), i.promoted()));
    }
}
