package org.assemblyhub.breakout.domain;

import org.assemblyhub.breakout.domain.BreakoutEvent.*;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.*;

/** The fold of {@link BreakoutEvent}s: the current plan, whether its rooms are open, and the rounds held so far. */
public final class BreakoutRooms implements Serializable {
    private BreakoutsPlanned plan;
    private List<Group> groups = List.of();
    private boolean open;
    /** Moves with every event: who sits where may have changed. */
    private long version;

    private final List<List<Set<String>>> heldRounds = new ArrayList<>();
    private List<Group> lastGroups = List.of();
    private final Map<String, Integer> pinned = new TreeMap<>();
    private boolean extensionsAllowed;
    private final Map<Integer, Integer> extra = new TreeMap<>();
    private final Set<Integer> returned = new TreeSet<>();
    private Instant overtimeFrom;
    private int overtimeLimit;
    private final Set<Set<String>> keepApart = new LinkedHashSet<>();
    /** People visiting a group of the open round: person id → group (facilitating visitors in {@link #hosts}). */
    private final Map<String, Integer> visitors = new TreeMap<>();

    private final Set<String> hosts = new TreeSet<>();
    /** Each round's groups as they met (kept when the round closes, for its group reports). */
    private final Map<Integer, List<Group>> rounds = new TreeMap<>();
    /** A round that kept the previous round's groups continues its workspaces: round → the round they began in. */
    private final Map<Integer, Integer> continues = new TreeMap<>();

    public void evolve(BreakoutEvent event) {
        version++;
        if (event instanceof BreakoutsPlanned e) {
            if (!lastGroups.isEmpty() && e.groups().equals(lastGroups) && heldRounds.size() == e.round() - 1)
                continues.put(e.round(), workspaceRound(e.round() - 1));
            else continues.remove(e.round());
            plan = e;
            groups = e.groups();
            open = false;
            resetOvertime();
        } else if (event instanceof MemberMoved e) {
            List<Group> moved = new ArrayList<>();
            for (Group g : groups) {
                List<String> members = new ArrayList<>(g.members());
                members.remove(e.personId());
                if (g.number() == e.toGroup()) members.add(e.personId());
                members.sort(null);
                moved.add(new Group(g.number(), g.leadFacilitator(), g.coFacilitator(), members));
            }
            groups = List.copyOf(moved);
            if (open) rounds.put(round(), groups);
        } else if (event instanceof BreakoutsOpened) {
            open = true;
            List<Set<String>> round = new ArrayList<>();
            groups.forEach(g -> round.add(new HashSet<>(g.members())));
            heldRounds.add(round);
            rounds.put(round(), groups);
        } else if (event instanceof MemberPinned e) {
            if (e.group() > 0) pinned.put(e.personId(), e.group());
            else pinned.remove(e.personId());
        } else if (event instanceof PairKeptApart e) {
            if (e.apart()) keepApart.add(Set.of(e.personId(), e.otherId()));
            else keepApart.remove(Set.of(e.personId(), e.otherId()));
        } else if (event instanceof GroupExtensionsAllowed e) {
            extensionsAllowed = e.allowed();
        } else if (event instanceof GroupExtended e) {
            extra.merge(e.group(), e.minutes(), Integer::sum);
        } else if (event instanceof GroupsReturned e) {
            returned.addAll(e.groups());
            if (overtimeFrom == null) {
                overtimeFrom = e.at();
                overtimeLimit = e.extendableMinutes();
            }
        } else if (event instanceof GroupVisited e) {
            if (e.group() > 0) {
                visitors.put(e.personId(), e.group());
                if (e.facilitates()) hosts.add(e.personId());
                else hosts.remove(e.personId());
            } else {
                visitors.remove(e.personId());
                hosts.remove(e.personId());
            }
        } else if (event instanceof BreakoutsClosed) {
            visitors.clear();
            hosts.clear();
            lastGroups = groups;
            open = false;
            resetOvertime();
            plan = null;
            groups = List.of();
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    public boolean isOpen() {
        return open;
    }

    public boolean hasPlan() {
        return plan != null;
    }

    public int round() {
        return plan == null ? heldRounds.size() : plan.round();
    }

    public List<Group> groups() {
        return groups;
    }

    public BreakoutsPlanned plan() {
        return plan;
    }

    public long version() {
        return version;
    }

    /** Earlier rounds, as sets of member ids, for the allocator's mixing. */
    public List<List<Set<String>>> heldRounds() {
        return List.copyOf(heldRounds);
    }

    private void resetOvertime() {
        extensionsAllowed = false;
        extra.clear();
        returned.clear();
        overtimeFrom = null;
        overtimeLimit = 0;
    }

    /** The extendable minutes of the round that is running over (0 when none is). */
    public int overtimeLimit() {
        return overtimeLimit;
    }

    public boolean extensionsAllowed() {
        return extensionsAllowed;
    }

    public int extraMinutes(int group) {
        return extra.getOrDefault(group, 0);
    }

    public boolean hasExtendedGroups() {
        return extra.values().stream().anyMatch(m -> m > 0);
    }

    public boolean returned(int group) {
        return returned.contains(group);
    }

    /** When an extended group's time is up, once the round itself is over; null before that. */
    public Instant groupEndsAt(int group) {
        return overtimeFrom == null ? null : overtimeFrom.plus(Duration.ofMinutes(extraMinutes(group)));
    }

    /** The next moment an extended group must come back; empty when none runs over. */
    public Optional<Instant> nextGroupEnd() {
        if (!open || overtimeFrom == null) return Optional.empty();
        return groups.stream()
                .filter(g -> !returned.contains(g.number()))
                .map(g -> groupEndsAt(g.number()))
                .min(Instant::compareTo);
    }

    /** Pins as the allocator takes them: group index (0-based) by member id. */
    public Map<String, Integer> pinnedIndexes() {
        Map<String, Integer> indexes = new HashMap<>();
        pinned.forEach((id, group) -> indexes.put(id, group - 1));
        return indexes;
    }

    public Map<String, Integer> pinned() {
        return Collections.unmodifiableMap(pinned);
    }

    public Set<Set<String>> keepApart() {
        return Collections.unmodifiableSet(keepApart);
    }

    /** The groups of the last round that was closed (for a round that keeps its groups). */
    public List<Group> lastGroups() {
        return lastGroups;
    }

    /** The group a person (member, facilitator or visitor) sits in while rooms are open. */
    public Optional<Group> groupOf(String personId) {
        if (!open || personId == null) return Optional.empty();
        Integer visiting = visitors.get(personId);
        return groups.stream()
                .filter(g -> !returned.contains(g.number()))
                .filter(g -> visiting != null ? g.number() == visiting : g.seats(personId))
                .findFirst();
    }

    /** The round whose workspaces round {@code round} uses: its own, or the first of a run that kept its groups. */
    public int workspaceRound(int round) {
        return continues.getOrDefault(round, round);
    }

    /** The groups of every round that was opened, as they met, by round. */
    public Map<Integer, List<Group>> rounds() {
        return Collections.unmodifiableMap(rounds);
    }

    /** The group this person visits in the open round (0: none). */
    public int visiting(String personId) {
        return visitors.getOrDefault(personId, 0);
    }

    /** Whether this visitor joined their group as one of its facilitators. */
    public boolean hosts(String personId) {
        return hosts.contains(personId);
    }

    /** Who visits group {@code group} now. */
    public List<String> visitorsOf(int group) {
        return visitors.entrySet().stream()
                .filter(e -> e.getValue() == group)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Whether this person is seated in a group of the current plan (member or facilitator, not a visitor). */
    public boolean seated(String personId) {
        return groups.stream().anyMatch(g -> g.seats(personId));
    }
}
