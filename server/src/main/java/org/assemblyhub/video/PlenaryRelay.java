package org.assemblyhub.video;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The mesh plenary as the hub keeps it: the {@link RelayTree}, the stream each stage member sends, and the repair of
 * relays that stop passing the stage on. Labels come only from here: each position names the stage members with
 * the id of the stream they send, and browsers caption (and show) only those streams — a relaying member cannot
 * caption its own picture as the lead's, since peers' words about streams are not taken. Methods return the people
 * whose position changed; the caller pushes them their new {@link #position}.
 */
public final class PlenaryRelay {
    /** A browser's MediaStream id (a UUID, braces allowed); nothing that could carry markup. */
    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9{}_-]{1,64}");

    private final RelayTree tree;
    private final RelayHealth health;
    private final Map<String, String> streams = new HashMap<>();
    /** Stage members whose microphone / camera is off (as they say: it is their own). */
    private final Set<String> micOff = new HashSet<>();

    private final Set<String> cameraOff = new HashSet<>();
    /** Grows with each change: a browser keeps the newest position whatever order messages come in. */
    private long version;

    public PlenaryRelay(int fanOut, RelayHealth health) {
        this.tree = new RelayTree(fanOut);
        this.health = health;
    }

    public Set<String> join(String personId, boolean onStage) {
        return changed(tree.join(personId, onStage));
    }

    public Set<String> leave(String personId) {
        health.forget(personId);
        boolean named = streams.remove(personId) != null;
        named |= micOff.remove(personId) | cameraOff.remove(personId);
        Set<String> changed = new LinkedHashSet<>(tree.leave(personId));
        if (named) changed.addAll(tree.everyone()); // every position lists the stage with its streams
        return changed(changed);
    }

    public boolean linked(String a, String b) {
        return tree.linked(a, b);
    }

    /**
     * A stage member says which stream is their camera. Refused ({@code false}) if the id is malformed or another
     * stage member's; ignored for anyone not on the stage (viewers send nothing). {@code changed} receives everyone
     * to update.
     */
    public boolean nameStream(String personId, String streamId, Set<String> changed) {
        if (streamId == null || !STREAM_ID.matcher(streamId).matches()) return false;
        if (!tree.onStage(personId)) return true;
        for (Map.Entry<String, String> e : streams.entrySet()) {
            if (e.getValue().equals(streamId) && !e.getKey().equals(personId)) return false;
        }
        if (!streamId.equals(streams.put(personId, streamId)))
            changed.addAll(changed(new LinkedHashSet<>(tree.everyone())));
        return true;
    }

    /**
     * A stage member says whether their microphone and camera are on; ignored for anyone not on the stage. When it
     * changes, {@code changed} receives everyone (every position lists the stage with it).
     */
    public void media(String personId, boolean audio, boolean video, Set<String> changed) {
        if (!tree.onStage(personId)) return;
        boolean moved = audio ? micOff.remove(personId) : micOff.add(personId);
        moved |= video ? cameraOff.remove(personId) : cameraOff.add(personId);
        if (moved) changed.addAll(changed(new LinkedHashSet<>(tree.everyone())));
    }

    /**
     * A viewer reports that its parent sends nothing any more. Only a child may report its own parent; once confirmed
     * (see {@link RelayHealth}) the parent swaps places with a viewer who relays to nobody. The stage is never moved.
     */
    public RelayHealth.Verdict stalled(String reporter, String parent, Set<String> changed) {
        RelayHealth.Verdict verdict = health.report(reporter, parent);
        if (verdict == RelayHealth.Verdict.REPLACE && !tree.onStage(parent))
            changed.addAll(changed(tree.demote(parent)));
        return verdict;
    }

    public String parentOf(String personId) {
        return tree.parentOf(personId);
    }

    /**
     * Who sends me the stage, to whom I pass it on, and the stage: each member's peer id, name and stream (names: the
     * stage speaks to everyone), and {@code audio: false} / {@code video: false} when their microphone / camera is
     * off. {@code peerId} maps a person to the id peers know them by.
     */
    public JsonObject position(String personId, Function<String, String> peerId, Function<String, String> name) {
        RelayTree.Position p = tree.position(personId);
        JsonObject out = new JsonObject().put("version", version);
        if (p == null) return out.put("stage", new JsonArray()).put("children", new JsonArray());
        JsonArray stage = new JsonArray();
        for (String id : p.stage()) {
            JsonObject member = new JsonObject().put("id", peerId.apply(id)).put("name", name.apply(id));
            if (streams.containsKey(id)) member.put("streamId", streams.get(id));
            if (micOff.contains(id)) member.put("audio", false);
            if (cameraOff.contains(id)) member.put("video", false);
            stage.add(member);
        }
        return out.put("parent", p.parent() == null ? null : peerId.apply(p.parent()))
                .put("children", new JsonArray(p.children().stream().map(peerId).toList()))
                .put("stage", stage)
                .put("onStage", p.stage().contains(personId));
    }

    private Set<String> changed(Set<String> people) {
        if (!people.isEmpty()) version++;
        return people;
    }
}
