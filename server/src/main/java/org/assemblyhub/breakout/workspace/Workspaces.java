package org.assemblyhub.breakout.workspace;

import org.assemblyhub.breakout.workspace.WorkspaceEvent.*;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The fold of {@link WorkspaceEvent}s: each group's notes, cards, queue and help call, by round; the harvest board. */
public final class Workspaces implements Serializable {
    /** One group's live workspace in one round. */
    public static final class Room implements Serializable {
        /** Earlier versions kept to merge late saves against: a save written on an older one merges against "". */
        static final int VERSIONS_KEPT = 32;

        String notes = "";
        int version;
        final Map<Integer, String> versions = new LinkedHashMap<>();
        /** Who edited the notes last, and when (the screen says who else is writing). */
        final Map<String, Instant> editors = new LinkedHashMap<>();

        final Set<String> queue = new LinkedHashSet<>();
        String speaker;
        Instant turnStartedAt;
        final Map<String, Duration> spoken = new LinkedHashMap<>();
        boolean helpCalled;
        /** What each waiting person typed with their hand, or the message they ask to have read out. */
        final Map<String, HandRequest> requests = new HashMap<>();

        final List<ChatMessage> messages = new ArrayList<>();
        final Map<String, Integer> messageIndex = new HashMap<>();

        public String notes() {
            return notes;
        }

        /** How many times the notes were saved (0: never). */
        public int version() {
            return version;
        }

        /** The notes as they were at {@code version}, if still kept. */
        public Optional<String> notesAt(int version) {
            if (version == this.version) return Optional.of(notes);
            if (version == 0) return Optional.of("");
            return Optional.ofNullable(versions.get(version));
        }

        /** When each person last saved the notes, latest last. */
        public Map<String, Instant> editors() {
            return Collections.unmodifiableMap(editors);
        }

        public List<String> queue() {
            return List.copyOf(queue);
        }

        public String speaker() {
            return speaker;
        }

        public Instant turnStartedAt() {
            return turnStartedAt;
        }

        /** Speaking time per person, closed turns only (the screen adds the running turn itself). */
        public Map<String, Duration> spoken() {
            return Collections.unmodifiableMap(spoken);
        }

        public boolean helpCalled() {
            return helpCalled;
        }

        /** What a waiting person asked for with their hand (null: a bare hand). */
        public HandRequest request(String personId) {
            return requests.get(personId);
        }

        /** The whole chat of this group, oldest first (views show its end; the group's report shows it all). */
        public List<ChatMessage> messages() {
            return Collections.unmodifiableList(messages);
        }

        public Optional<ChatMessage> message(String id) {
            Integer at = id == null ? null : messageIndex.get(id);
            return at == null ? Optional.empty() : Optional.of(messages.get(at));
        }

        /** How many messages this person posted here after {@code since} (the newest are last). */
        public int messagesSince(String personId, Instant since) {
            int n = 0;
            for (int i = messages.size() - 1; i >= 0 && messages.get(i).at().isAfter(since); i--)
                if (personId.equals(messages.get(i).byPersonId())) n++;
            return n;
        }
    }

    /** A raised hand's typed note ("I'd like to answer Marie") and/or a chat message to read out. */
    public record HandRequest(String note, String messageId) implements Serializable {}

    private final Map<String, Room> rooms = new HashMap<>();
    private final Map<String, Idea> ideas = new LinkedHashMap<>();
    private int ideasAdded;
    /** Which room ("round/group") holds each chat message. */
    private final Map<String, String> messageRooms = new HashMap<>();

    private static String key(int round, int group) {
        return round + "/" + group;
    }

    public Room room(int round, int group) {
        return rooms.computeIfAbsent(key(round, group), k -> new Room());
    }

    public Optional<Idea> idea(String id) {
        return Optional.ofNullable(ideas.get(id));
    }

    public List<Idea> ideas(int round, int group) {
        return ideas.values().stream()
                .filter(i -> i.round() == round && i.group() == group)
                .toList();
    }

    public List<Idea> harvest() {
        return ideas.values().stream().filter(Idea::promoted).toList();
    }

    /** Ideas ever added (merged ones included): the next id is "i" + (this + 1). */
    public int ideasAdded() {
        return ideasAdded;
    }

    public void evolve(WorkspaceEvent event) {
        if (event instanceof NotesEdited e) {
            Room room = room(e.round(), e.group());
            room.notes = e.text();
            room.version++;
            room.versions.put(room.version, e.text());
            room.versions.remove(room.version - Room.VERSIONS_KEPT);
            if (e.byPersonId() != null && e.at() != null) {
                room.editors.remove(e.byPersonId());
                room.editors.put(e.byPersonId(), e.at());
            }
        } else if (event instanceof IdeaAdded e) {
            ideasAdded++;
            ideas.put(
                    e.ideaId(),
                    new Idea(
                            e.ideaId(),
                            e.round(),
                            e.group(),
                            e.text(),
                            e.byPersonId(),
                            e.at(),
                            false,
                            false,
                            false,
                            e.source()));
        } else if (event instanceof IdeaEdited e) {
            ideas.computeIfPresent(e.ideaId(), (k, i) -> i.withText(e.text()));
        } else if (event instanceof IdeaStarred e) {
            ideas.computeIfPresent(e.ideaId(), (k, i) -> i.withStar(e.starred()));
        } else if (event instanceof IdeasMerged e) {
            Idea from = ideas.remove(e.fromId());
            if (from != null) ideas.computeIfPresent(e.intoId(), (k, i) -> i.withText(i.text() + "\n" + from.text()));
        } else if (event instanceof HandRaised e) {
            Room room = room(e.round(), e.group());
            room.queue.add(e.personId());
            if (e.note() != null || e.messageId() != null)
                room.requests.put(e.personId(), new HandRequest(e.note(), e.messageId()));
        } else if (event instanceof HandLowered e) {
            rooms.values().forEach(r -> {
                r.queue.remove(e.personId());
                r.requests.remove(e.personId());
            });
        } else if (event instanceof MessagePosted e) {
            Room room = room(e.round(), e.group());
            room.messageIndex.put(e.messageId(), room.messages.size());
            room.messages.add(
                    new ChatMessage(e.messageId(), e.round(), e.group(), e.text(), e.byPersonId(), e.at(), null));
            messageRooms.put(e.messageId(), key(e.round(), e.group()));
        } else if (event instanceof MessageHidden e) {
            Room room = rooms.get(messageRooms.get(e.messageId()));
            Integer at = room == null ? null : room.messageIndex.get(e.messageId());
            if (at != null) room.messages.set(at, room.messages.get(at).hide(e.reason()));
        } else if (event instanceof FloorGiven e) {
            Room room = room(e.round(), e.group());
            if (room.speaker != null)
                room.spoken.merge(room.speaker, Duration.between(room.turnStartedAt, e.at()), Duration::plus);
            room.speaker = e.personId();
            room.turnStartedAt = e.personId() == null ? null : e.at();
            if (e.personId() != null) {
                room.queue.remove(e.personId());
                room.requests.remove(e.personId());
            }
        } else if (event instanceof HelpCalled e) {
            room(e.round(), e.group()).helpCalled = true;
        } else if (event instanceof HelpAnswered e) {
            room(e.round(), e.group()).helpCalled = false;
        } else if (event instanceof IdeaPromoted e) {
            ideas.computeIfPresent(e.ideaId(), (k, i) -> i.promote());
        } else if (event instanceof HarvestPublished e) {
            ideas.computeIfPresent(e.ideaId(), (k, i) -> i.publish());
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    /** Groups of a round whose help call is pending. */
    public List<Integer> helpCalls(int round) {
        List<Integer> groups = new ArrayList<>();
        rooms.forEach((k, r) -> {
            if (r.helpCalled && k.startsWith(round + "/"))
                groups.add(Integer.parseInt(k.substring(k.indexOf('/') + 1)));
        });
        groups.sort(null);
        return groups;
    }
}
