package org.assemblyhub.web.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What an organiser gets back when people join the roster (from a CSV or from the drawn panel): each person with
 * their invitation link — or, when the assembly's invitations are sealed for a delivery officer, no link and the
 * sealed file to pass on.
 */
final class ImportedPeople {
    private ImportedPeople() {}

    /** {@code people}: the rows imported ({@code id, name, role}); {@code result}: the engine's answer's result. */
    static JsonObject answer(String publicUrl, String assemblyId, JsonArray people, JsonObject result) {
        JsonObject tokens = result.getJsonObject("tokens");
        JsonArray out = new JsonArray();
        for (int i = 0; i < people.size(); i++) {
            JsonObject p = people.getJsonObject(i);
            JsonObject person = new JsonObject()
                    .put("id", p.getString("id"))
                    .put("name", p.getString("name"))
                    .put("role", p.getString("role", "member"));
            if (tokens != null) person.put("link", publicUrl + "/join/" + tokens.getString(p.getString("id")));
            out.add(person);
        }
        JsonObject body = new JsonObject().put("imported", out.size()).put("people", out);
        if (result.containsKey("sealed")) {
            // Sealed for the delivery officer: the organiser passes this file on and never sees a link.
            body.put(
                    "sealed",
                    result.getJsonObject("sealed")
                            .copy()
                            .put("publicUrl", publicUrl)
                            .put("assemblyId", assemblyId)
                            .put("people", out.copy()));
        }
        return body;
    }
}
