package org.assemblyhub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Computes JSON Merge Patches (RFC 7386) between two views. Views keep collections as objects keyed by id, so an
 * added or removed item is a one-key patch; arrays are replaced whole. Views never hold JSON null, which a merge
 * patch uses to mean "remove".
 */
public final class MergePatch {
    private MergePatch() {}

    /** The patch turning {@code from} into {@code to}; empty when they are equal. */
    public static ObjectNode diff(ObjectNode from, ObjectNode to) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = to.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode before = from.get(field.getKey());
            JsonNode after = field.getValue();
            if (after.equals(before)) continue;
            if (before instanceof ObjectNode b && after instanceof ObjectNode a) {
                patch.set(field.getKey(), diff(b, a));
            } else {
                patch.set(field.getKey(), after);
            }
        }
        for (Iterator<String> it = from.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!to.has(name)) patch.putNull(name);
        }
        return patch;
    }

    /** Applies a patch in place (used by tests and by the resume checks; the browser has its own 10-line twin). */
    public static ObjectNode apply(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject()) {
                JsonNode existing = target.get(field.getKey());
                ObjectNode child = existing instanceof ObjectNode o ? o : target.putObject(field.getKey());
                apply(child, value);
            } else {
                target.set(field.getKey(), value);
            }
        }
        return target;
    }
}
