package org.assemblyhub.video;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the plenary's picture reaches everyone in mesh mode without a media server: the stage (the lead, organisers,
 * experts in the call) is a small full mesh, and one of them, the anchor, sends the stage's streams to
 * {@code fanOut} viewers; each viewer passes on what it receives to at most {@code fanOut} others. No browser sends
 * more than {@code fanOut} copies, and 200 viewers are 4–5 hops from the stage at a fan-out of 3.
 *
 * <p>Viewers sit in slots: slots {@code 0..fanOut-1} hang from the anchor, slot {@code i} from slot
 * {@code i / fanOut - 1}. A viewer who leaves is replaced by the last one, so a departure moves at most one other
 * viewer and the tree never deepens. Plain Java, nothing recorded: the tree is rebuilt as people join the call.
 */
public final class RelayTree {
    /** Where one person is: who sends them the stage (null for the stage), whom they send it to, and the stage. */
    public record Position(String parent, List<String> children, List<String> stage) {}

    private final int fanOut;
    private final Set<String> stage = new LinkedHashSet<>();
    private final List<String> slots = new ArrayList<>();

    public RelayTree(int fanOut) {
        if (fanOut < 1) throw new IllegalArgumentException("fanOut must be at least 1");
        this.fanOut = fanOut;
    }

    /** Adds a person to the stage or as a viewer; returns everyone whose position changed (with the newcomer). */
    public Set<String> join(String personId, boolean onStage) {
        Objects.requireNonNull(personId);
        if (onStage ? stage.contains(personId) : slots.contains(personId)) return Set.of();
        Map<String, Position> before = positions();
        if (onStage) {
            slots.remove(personId);
            stage.add(personId);
        } else {
            stage.remove(personId);
            slots.add(personId);
        }
        return changed(before);
    }

    /** Removes a person (left the plenary or the hub); returns everyone else whose position changed. */
    public Set<String> leave(String personId) {
        if (!stage.contains(personId) && !slots.contains(personId)) return Set.of();
        Map<String, Position> before = positions();
        stage.remove(personId);
        int slot = slots.indexOf(personId);
        if (slot >= 0) {
            String last = slots.remove(slots.size() - 1);
            if (!last.equals(personId)) slots.set(slot, last);
        }
        Set<String> changed = changed(before);
        changed.remove(personId);
        return changed;
    }

    /**
     * A viewer who stopped passing the stage on swaps places with the last viewer, who relays to nobody: its children
     * hang from someone else at once, and it still receives. Returns everyone whose position changed; empty when it
     * relays to nobody (or is not a viewer), since there is nothing to repair then.
     */
    public Set<String> demote(String personId) {
        int slot = slots.indexOf(personId);
        if (slot < 0 || childrenOf(slot).isEmpty()) return Set.of();
        Map<String, Position> before = positions();
        int last = slots.size() - 1; // a leaf: its children would start at (last + 1) * fanOut
        slots.set(slot, slots.get(last));
        slots.set(last, personId);
        return changed(before);
    }

    public boolean contains(String personId) {
        return stage.contains(personId) || slots.contains(personId);
    }

    /** Everyone in the plenary's call: the stage, then the viewers. */
    public List<String> everyone() {
        List<String> all = new ArrayList<>(stage);
        all.addAll(slots);
        return all;
    }

    public boolean onStage(String personId) {
        return stage.contains(personId);
    }

    /** The stage's first member sends to the first viewers; null while nobody of the stage is in the call. */
    public String anchor() {
        return stage.isEmpty() ? null : stage.iterator().next();
    }

    /** Whether two people may connect: both on the stage, or one sends the stage to the other. */
    public boolean linked(String a, String b) {
        if (stage.contains(a) && stage.contains(b)) return true;
        return b.equals(parentOf(a)) || a.equals(parentOf(b));
    }

    /** A person's position, or null when they are not in the plenary call. */
    public Position position(String personId) {
        List<String> stageList = List.copyOf(stage);
        if (stage.contains(personId)) {
            return new Position(null, personId.equals(anchor()) ? childrenOf(-1) : List.of(), stageList);
        }
        int slot = slots.indexOf(personId);
        return slot < 0 ? null : new Position(parentOf(slot), childrenOf(slot), stageList);
    }

    /** Who sends a viewer the stage (null for the stage, for people not in the call, or while no stage is there). */
    public String parentOf(String personId) {
        int slot = slots.indexOf(personId);
        return slot < 0 ? null : parentOf(slot);
    }

    private String parentOf(int slot) {
        return slot < fanOut ? anchor() : slots.get(slot / fanOut - 1);
    }

    private Map<String, Position> positions() {
        Map<String, Position> out = new HashMap<>();
        for (String s : stage) out.put(s, position(s));
        List<String> stageList = List.copyOf(stage);
        for (int i = 0; i < slots.size(); i++)
            out.put(slots.get(i), new Position(parentOf(i), childrenOf(i), stageList));
        return out;
    }

    /** The viewers hanging from slot {@code slot} (-1: the anchor). */
    private List<String> childrenOf(int slot) {
        int first = (slot + 1) * fanOut;
        List<String> children = new ArrayList<>();
        for (int i = first; i < Math.min(slots.size(), first + fanOut); i++) children.add(slots.get(i));
        return children;
    }

    private Set<String> changed(Map<String, Position> before) {
        Map<String, Position> after = positions();
        Set<String> changed = new LinkedHashSet<>();
        after.forEach((id, p) -> {
            if (!p.equals(before.get(id))) changed.add(id);
        });
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(changed::add);
        return changed;
    }
}
