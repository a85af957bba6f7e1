package org.assemblyhub.web.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.sortition.desk.DeskRefusal;
import org.assemblyhub.sortition.format.SettingsToml;
import org.assemblyhub.sortition.format.SortitionSettings;
import org.assemblyhub.sortition.select.Algorithm;

import java.util.ArrayList;
import java.util.List;

/** What the desk's steps read from an organiser's JSON body: each value checked, a coded refusal otherwise. */
final class DeskArgs {
    private DeskArgs() {}

    /**
     * The settings as TOML (a file from sortition-algorithms), or from the form's fields: the id column, the panel
     * size, the algorithm and the household rule's address columns.
     */
    static String settings(JsonObject body) {
        String toml = body.getValue("settings") instanceof String s ? s : null;
        if (toml != null && !toml.isBlank()) return toml;
        String idColumn = text(body, "idColumn");
        Object k = body.getValue("panelSize");
        if (!(k instanceof Number size) || size.intValue() < 1) {
            throw new DeskRefusal(422, "invalid-args", "Say how many members the panel has (panelSize).");
        }
        Algorithm algorithm = algorithm(body);
        SortitionSettings s = SortitionSettings.of(idColumn.isBlank() ? "id" : idColumn.strip(), size.intValue())
                .with(algorithm);
        List<String> address = strings(body, "householdColumns", 10, 200);
        if (!address.isEmpty()) s = s.withHouseholds(address);
        return SettingsToml.write(s);
    }

    static Algorithm algorithm(JsonObject body) {
        String name = text(body, "algorithm");
        return Algorithm.named(name.isBlank() ? "leximin" : name)
                .orElseThrow(() -> new DeskRefusal(
                        422, "invalid-args", "The algorithm is leximin, maximin, goldilocks or legacy."));
    }

    static String text(JsonObject body, String key) {
        Object value = body.getValue(key);
        if (value == null) return "";
        if (!(value instanceof String s)) throw new DeskRefusal(422, "invalid-args", "'" + key + "' must be text.");
        return s;
    }

    static String bounded(String text, int max, String key) {
        if (text.length() > max)
            throw new DeskRefusal(422, "invalid-args", "'" + key + "' holds at most " + max + " characters.");
        return text;
    }

    static List<String> strings(JsonObject body, String key, int maxItems, int maxEach) {
        Object value = body.getValue(key);
        if (value == null) return List.of();
        if (!(value instanceof JsonArray array) || array.size() > maxItems)
            throw new DeskRefusal(422, "invalid-args", "'" + key + "' is a list of at most " + maxItems + " texts.");
        List<String> out = new ArrayList<>();
        for (Object o : array) {
            if (!(o instanceof String s) || s.length() > maxEach)
                throw new DeskRefusal(
                        422, "invalid-args", "Each of '" + key + "' is text of at most " + maxEach + " characters.");
            out.add(s);
        }
        return out;
    }
}
