package org.assemblyhub.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.support.Jackson;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One audience's view over time: the current view at its seq, and the recent patches that lead to it, so a client
 * that reconnects with its last seq gets exactly what it missed. Each patch records the seq it applies to
 * ({@code base}); a client whose seq is not the base of a kept patch gets a fresh snapshot instead.
 */
public final class AudienceStream {
    private final Audience audience;
    private final int keep;
    private final Deque<Patch> recent = new ArrayDeque<>();
    private ObjectNode view;
    private long seq;
    private String snapshot;

    record Patch(long base, long seq, String message) {}

    public AudienceStream(Audience audience, ObjectNode initialView, long seq, int keep) {
        this.audience = audience;
        this.view = initialView;
        this.seq = seq;
        this.keep = keep;
    }

    /**
     * Moves to a new view at {@code newSeq}; returns the patch message for live sockets, or empty when nothing changed.
     */
    public Optional<String> advance(ObjectNode newView, long newSeq) {
        ObjectNode patch = MergePatch.diff(view, newView);
        if (patch.isEmpty()) return Optional.empty();
        ObjectNode message = JsonNodeFactory.instance
                .objectNode()
                .put("type", "patch")
                .put("seq", newSeq)
                .put("base", seq)
                .put("audience", audience.wire());
        message.set("patch", patch);
        String text = write(message);
        recent.addLast(new Patch(seq, newSeq, text));
        while (recent.size() > keep) recent.removeFirst();
        view = newView;
        seq = newSeq;
        snapshot = null;
        return Optional.of(text);
    }

    /** Drops the kept patches: a client that is behind gets a snapshot. */
    public void forgetHistory() {
        recent.clear();
    }

    public long seq() {
        return seq;
    }

    /** The full view as a message, serialised once per change however many clients ask. */
    public String snapshot() {
        if (snapshot == null) {
            ObjectNode message = JsonNodeFactory.instance
                    .objectNode()
                    .put("type", "snapshot")
                    .put("seq", seq)
                    .put("audience", audience.wire());
            message.set("view", view);
            snapshot = write(message);
        }
        return snapshot;
    }

    /**
     * What a client that last saw {@code lastSeq} of this audience needs: nothing when it is current, the missed
     * patches when they are all still kept, otherwise one snapshot.
     */
    public List<String> catchUp(Long lastSeq) {
        if (lastSeq == null) return List.of(snapshot());
        if (lastSeq == seq) return List.of();
        List<String> missed = new ArrayList<>();
        boolean found = false;
        for (Patch p : recent) {
            if (p.base() == lastSeq) found = true;
            if (found) missed.add(p.message());
        }
        return found ? missed : List.of(snapshot());
    }

    private static String write(ObjectNode node) {
        try {
            return Jackson.MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
