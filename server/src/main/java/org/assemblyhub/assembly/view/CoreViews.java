package org.assemblyhub.assembly.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.assembly.domain.AssemblyState;
import org.assemblyhub.kernel.Audience;

import java.util.EnumMap;
import java.util.Map;

/**
 * The core sections of each kind of audience ({@link AudienceViews}), kept while the assembly state does not move.
 * A vote changes a poll, not the roster: without this, every view update rebuilt the roster and the presence list of
 * every facilitator audience (a third of the hub's allocation during a poll). Kept nodes are shared by consecutive
 * views, so the diff sees them as the same object and skips them; nobody may change them.
 */
public final class CoreViews {
    private final Map<Audience.Kind, ObjectNode> byKind = new EnumMap<>(Audience.Kind.class);
    private long version = -1;

    public ObjectNode of(AssemblyState state, Audience audience) {
        if (state.version() != version) {
            byKind.clear();
            version = state.version();
        }
        return byKind.computeIfAbsent(audience.kind(), kind -> AudienceViews.project(state, audience));
    }
}
