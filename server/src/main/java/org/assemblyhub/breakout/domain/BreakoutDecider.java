package org.assemblyhub.breakout.domain;

import org.assemblyhub.breakout.domain.BreakoutCommand.*;
import org.assemblyhub.breakout.domain.BreakoutEvent.*;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * decide(rooms, who is present, command, now) → events. Planning runs the allocator with the command's seed, so the
 * recorded plan can be recomputed by anyone from the journal.
 */
public final class BreakoutDecider {
    private BreakoutDecider() {}

    /** The members and facilitators present when the command is decided (taken from the roster and presence). */
    /** {@code rosterMembers}: every member on the roster, connected or not (constraints may be set in advance). */
    public record Present(List<Participant> members, List<String> facilitators, Set<String> rosterMembers) {
        public Present(List<Participant> members, List<String> facilitators) {
            this(members, facilitators, Set.of());
        }

        boolean isMember(String personId) {
            return rosterMembers.contains(personId) || members.stream().anyMatch(m -> m.id().equals(personId));
        }
    }

    private static Verdict notAMember() {
        return Verdict.reject("not-a-member", "Constraints apply to members on the roster.");
    }

    /**
     * A group's facilitator asks for more time ({@code facilitatedGroup} 0: they facilitate no open group);
     * {@code limit}: how far a group may run over in all (the segment's extendable minutes).
     */
    public static Verdict extend(BreakoutRooms rooms, int facilitatedGroup, ExtendGroup c, int limit) {
        if (!rooms.isOpen() || facilitatedGroup == 0 || rooms.returned(facilitatedGroup)) {
            return Verdict.reject("forbidden", "Only the facilitators of a group that is meeting can extend it.");
        }
        if (!rooms.extensionsAllowed())
            return Verdict.reject("extensions-not-allowed", "The lead facilitator has not allowed extensions.");
        if (limit <= 0) return Verdict.reject("not-extendable", "This round cannot be extended.");
        if (c.minutes() < 1 || rooms.extraMinutes(facilitatedGroup) + c.minutes() > limit) {
            return Verdict.reject(
                    "extension-too-long", "A group may run over by at most " + limit + " minutes in all.");
        }
        return Verdict.accept(new GroupExtended(facilitatedGroup, c.minutes()));
    }

    /**
     * Someone joins a group's call and workspace, or leaves it. The lead and organisers come as hosts (they facilitate
     * while there), so does a facilitator who has no group this round (a roaming co-facilitator); an expert comes as a
     * guest. Members stay in their own group.
     */
    public static Verdict visit(BreakoutRooms rooms, String personId, Role role, boolean leads, BreakoutCommand c) {
        if (c instanceof LeaveGroup) {
            if (rooms.visiting(personId) == 0) return Verdict.reject("not-visiting", "You are not visiting a group.");
            return Verdict.accept(new GroupVisited(personId, 0, false));
        }
        int group = ((VisitGroup) c).group();
        boolean host = leads || role == Role.FACILITATOR;
        if (!host && role != Role.EXPERT)
            return Verdict.reject("forbidden", "Only the lead, facilitators and experts visit groups.");
        if (!rooms.isOpen()) return Verdict.reject("breakouts-closed", "No round is open.");
        if (rooms.groups().stream().noneMatch(g -> g.number() == group) || rooms.returned(group))
            return Verdict.reject("no-such-group", "There is no such group meeting now.");
        if (rooms.seated(personId))
            return Verdict.reject("already-in-a-group", "You have a group of your own in this round.");
        if (rooms.visiting(personId) == group) return Verdict.accept();
        return Verdict.accept(new GroupVisited(personId, group, host));
    }

    /** The timer: extended groups whose time is up come back; the last one closes the round. */
    public static Verdict returnOverdue(BreakoutRooms rooms, Instant now) {
        if (!rooms.isOpen()) return Verdict.accept();
        List<Integer> due = new ArrayList<>();
        int stillOut = 0;
        for (Group g : rooms.groups()) {
            if (rooms.returned(g.number())) continue;
            Instant end = rooms.groupEndsAt(g.number());
            if (end != null && !end.isAfter(now)) due.add(g.number());
            else stillOut++;
        }
        if (due.isEmpty()) return Verdict.accept();
        return Verdict.accept(
                stillOut == 0
                        ? new BreakoutsClosed(rooms.round(), now)
                        : new GroupsReturned(due, now, rooms.overtimeLimit()));
    }

    public static Verdict decide(
            BreakoutRooms rooms, Present present, boolean leads, BreakoutCommand command, Instant now) {
        if (!leads) return Verdict.reject("forbidden", "Only the lead facilitator runs breakout rounds.");
        if (command instanceof AllowGroupExtensions c) {
            if (!rooms.isOpen()) return Verdict.reject("breakouts-closed", "No round is open.");
            return Verdict.accept(new GroupExtensionsAllowed(c.allowed()));
        }
        if (command instanceof PlanBreakouts c) {
            if (rooms.isOpen())
                return Verdict.reject("breakouts-open", "Close the open round before planning the next one.");
            if (present.members().isEmpty())
                return Verdict.reject("nobody-present", "No member is connected to place in a group.");
            if (c.minSize() < 2 || c.maxSize() < c.minSize() || c.maxSize() > 15) {
                return Verdict.reject("invalid-group-size", "Group sizes must be between 2 and 15, smallest first.");
            }
            AllocationRequest request = new AllocationRequest(
                    present.members(),
                    present.facilitators(),
                    c.minSize(),
                    c.maxSize(),
                    rooms.heldRounds(),
                    rooms.pinnedIndexes(),
                    rooms.keepApart());
            Allocation allocation = new GroupAllocator(new SplittableRandom(c.seed())).allocate(request);
            return Verdict.accept(new BreakoutsPlanned(
                    rooms.heldRounds().size() + 1,
                    c.seed(),
                    allocation.groups(),
                    allocation.quality(),
                    allocation.randomBaseline()));
        }
        if (command instanceof PinMember c) {
            if (!present.isMember(c.personId())) return notAMember();
            if (c.group() < 0 || c.group() > 100)
                return Verdict.reject("no-such-group", "Pin to a group number from 1 (0 lifts the pin).");
            return Verdict.accept(new MemberPinned(c.personId(), c.group()));
        }
        if (command instanceof KeepApart c) {
            if (!present.isMember(c.personId()) || !present.isMember(c.otherId())) return notAMember();
            if (c.personId().equals(c.otherId())) return Verdict.reject("same-person", "Name two different members.");
            return Verdict.accept(new PairKeptApart(c.personId(), c.otherId(), c.apart()));
        }
        if (command instanceof MoveMember c) {
            if (!rooms.hasPlan()) return Verdict.reject("no-breakouts-planned", "Plan the groups first.");
            boolean known = rooms.groups().stream().anyMatch(g -> g.members().contains(c.personId()));
            if (!known) return Verdict.reject("not-in-a-group", "This person is not in any group of this round.");
            if (rooms.groups().stream().noneMatch(g -> g.number() == c.toGroup())) {
                return Verdict.reject("no-such-group", "There is no group " + c.toGroup() + ".");
            }
            return Verdict.accept(new MemberMoved(c.personId(), c.toGroup()));
        }
        if (command instanceof OpenBreakouts) {
            if (rooms.isOpen()) return Verdict.reject("breakouts-open", "The groups are already open.");
            if (!rooms.hasPlan()) return Verdict.reject("no-breakouts-planned", "Plan the groups first.");
            return Verdict.accept(new BreakoutsOpened(rooms.round(), now));
        }
        if (command instanceof CloseBreakouts) {
            if (!rooms.isOpen()) return Verdict.reject("breakouts-closed", "No round is open.");
            return Verdict.accept(new BreakoutsClosed(rooms.round(), now));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }
}
