package org.assemblyhub.scripts;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a JSON pointer into words a script author recognises: "session 'evening' › segment 3 'Tour 1' › minutes". */
final class Where {
    private Where() {}

    static String describe(JsonNode root, String pointer) {
        if (pointer.isEmpty()) return "";
        String[] parts = pointer.substring(1).split("/");
        StringBuilder where = new StringBuilder();
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].replace("~1", "/").replace("~0", "~");
            JsonNode child = node == null ? null : node.isArray() ? node.get(index(part)) : node.get(part);
            if (node != null && node.isArray()) {
                String label =
                        switch (i == 0 ? "" : parts[i - 1]) {
                            case "sessions" -> "session " + quoted(child, "id", index(part) + 1);
                            case "segments" -> "segment " + (index(part) + 1) + titled(child);
                            default -> "item " + (index(part) + 1);
                        };
                replaceLast(where, label);
            } else {
                append(where, part);
            }
            node = child;
        }
        return where.toString();
    }

    private static int index(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String quoted(JsonNode node, String field, int fallback) {
        return node != null && node.hasNonNull(field) ? "'" + node.get(field).asText() + "'" : String.valueOf(fallback);
    }

    private static String titled(JsonNode node) {
        return node != null && node.hasNonNull("title")
                ? " '" + node.get("title").asText() + "'"
                : "";
    }

    /** Lists read better as "session 'x'" than as "sessions › session 'x'". */
    private static void replaceLast(StringBuilder where, String label) {
        int cut = where.lastIndexOf(" › ");
        where.setLength(cut < 0 ? 0 : cut);
        append(where, label);
    }

    private static void append(StringBuilder where, String part) {
        if (where.length() > 0) where.append(" › ");
        where.append(part);
    }
}
