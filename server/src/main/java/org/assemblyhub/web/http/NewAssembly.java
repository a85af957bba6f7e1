package org.assemblyhub.web.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.plug.RuleArgs;
import org.assemblyhub.kernel.plug.WireArgs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an administrator asks for a new assembly, checked before anything is created. {@code video} and
 * {@code ballotRule} are the arguments of {@code set-video} and {@code set-ballot-rule}, sent once it exists (null:
 * the hub's defaults).
 */
record NewAssembly(
        String title,
        String question,
        boolean isPublic,
        List<String> languages,
        LocalDate startsOn,
        LocalDate endsOn,
        JsonObject video,
        JsonObject ballotRule) {
    private static final Set<String> LANGUAGES = Set.of("fr", "en");
    private static final Set<String> VIDEO_SETTINGS = Set.of("calls", "camera", "microphone");

    /** Reads the request; throws {@link IllegalArgumentException} with the sentence to answer. */
    static NewAssembly read(JsonObject body) {
        String title = OrganisationsApi.text(body, "title", 200);
        if (title == null) throw new IllegalArgumentException("Give the assembly a title (at most 200 characters).");
        Object question = body.getValue("question");
        if (question != null && (!(question instanceof String q) || q.length() > 2_000))
            throw new IllegalArgumentException("The question is text of at most 2,000 characters.");
        List<String> languages = new ArrayList<>();
        Object asked = body.getValue("languages");
        if (asked instanceof JsonArray list) {
            for (Object l : list) {
                if (!(l instanceof String s) || !LANGUAGES.contains(s) || languages.contains(s))
                    throw new IllegalArgumentException("Languages are among \"fr\" and \"en\", each once.");
                languages.add(s);
            }
        } else if (asked != null) {
            throw new IllegalArgumentException("'languages' is a list such as [\"fr\", \"en\"].");
        }
        if (languages.isEmpty()) languages.add("fr");
        LocalDate startsOn = day(body, "startsOn");
        LocalDate endsOn = day(body, "endsOn");
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn))
            throw new IllegalArgumentException("The assembly cannot end before it starts.");
        return new NewAssembly(
                title,
                (String) question,
                Boolean.TRUE.equals(body.getValue("public")),
                List.copyOf(languages),
                startsOn,
                endsOn,
                video(body),
                ballotRule(body));
    }

    private static JsonObject video(JsonObject body) {
        Object value = body.getValue("video");
        if (value == null) return null;
        if (!(value instanceof JsonObject video))
            throw new IllegalArgumentException("'video' is an object such as {\"camera\": false}.");
        for (String key : video.fieldNames()) {
            if (!VIDEO_SETTINGS.contains(key) || !(video.getValue(key) instanceof Boolean))
                throw new IllegalArgumentException("'video' has calls, camera and microphone, each true or false.");
        }
        return video.isEmpty() ? null : video.copy();
    }

    private static JsonObject ballotRule(JsonObject body) {
        Object value = body.getValue("ballotRule");
        if (value == null) return null;
        if (!(value instanceof JsonObject rule))
            throw new IllegalArgumentException("'ballotRule' is an object such as {\"threshold\": \"2/3\"}.");
        try {
            RuleArgs.rule(new WireArgs(rule));
        } catch (WireArgs.BadArgs e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return rule.copy();
    }

    private static LocalDate day(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null || "".equals(value)) return null;
        try {
            return LocalDate.parse((String) value);
        } catch (ClassCastException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' is a day as YYYY-MM-DD.");
        }
    }
}
