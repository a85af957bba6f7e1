package org.assemblyhub.scripts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Maps a schema-valid script tree to the {@link Script} records; defaults live here and in docs only. */
final class ScriptModel {
    static final int DEFAULT_MIN_GROUP = 7;
    static final int DEFAULT_MAX_GROUP = 8;
    static final int DEFAULT_WARNING_MINUTES = 2;

    private ScriptModel() {}

    static Script from(JsonNode root) {
        List<Script.Session> sessions = new ArrayList<>();
        for (JsonNode s : root.get("sessions")) {
            List<Segment> segments = new ArrayList<>();
            for (JsonNode g : s.get("segments")) segments.add(segment(g));
            OffsetDateTime start = s.hasNonNull("plannedStart")
                    ? OffsetDateTime.parse(s.get("plannedStart").asText())
                    : null;
            sessions.add(new Script.Session(
                    s.get("id").asText(), s.get("title").asText(), text(s, "phase"), start, segments));
        }
        return new Script(root.get("title").asText(), text(root, "description"), sessions);
    }

    private static Segment segment(JsonNode g) {
        String title = g.get("title").asText();
        int minutes = g.get("minutes").asInt();
        return switch (g.get("kind").asText()) {
            case "plenary" -> new Segment.Plenary(title, minutes, text(g, "prompt"), text(g, "speaker"));
            case "breakouts" -> new Segment.Breakouts(
                    title,
                    minutes,
                    text(g, "prompt"),
                    g.path("groupSize").path("min").asInt(DEFAULT_MIN_GROUP),
                    g.path("groupSize").path("max").asInt(DEFAULT_MAX_GROUP),
                    "keep".equals(text(g, "groups")),
                    texts(g.path("harvest")),
                    g.path("warningMinutes").asInt(DEFAULT_WARNING_MINUTES),
                    g.path("extendable").path("maxMinutes").asInt(0));
            case "harvest" -> new Segment.Harvest(title, minutes, text(g, "prompt"));
            case "poll" -> new Segment.Poll(title, minutes, text(g, "question"), texts(g.path("options")));
            case "consensus" -> new Segment.Consensus(
                    title, minutes, text(g, "statement"), "groups".equals(text(g, "scope")));
            case "learning" -> new Segment.Learning(
                    title,
                    minutes,
                    g.path("material").path("title").asText(),
                    text(g.path("material"), "speaker"),
                    text(g.path("material"), "url"),
                    g.path("qa").asBoolean(false));
            case "break" -> new Segment.Break(title, minutes);
            default -> throw new IllegalArgumentException("schema let through kind " + g.get("kind"));
        };
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }
}
