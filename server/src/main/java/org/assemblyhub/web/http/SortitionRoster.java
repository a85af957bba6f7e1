package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.sortition.SortitionCapability;
import org.assemblyhub.sortition.desk.SortitionDesk;
import org.assemblyhub.support.BoundedWorkers;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * From the drawn panel to the roster, as the organiser (the existing {@code import-roster} and
 * {@code revoke-invitation} commands): the people the desk prepared join with their links, and after a replacement
 * the dropout's link stops and the newcomer gets one.
 */
final class SortitionRoster {
    private final EngineClient engines;
    private final String publicUrl;
    private final BoundedWorkers workers;

    SortitionRoster(EngineClient engines, String publicUrl, BoundedWorkers workers) {
        this.engines = engines;
        this.publicUrl = publicUrl;
        this.workers = workers;
    }

    /**
     * {@code rows} as {@link SortitionDesk#rosterRows} made them; the answer holds the links (or the sealed file).
     * People a step cut off had already added (the assembly answered, the desk never heard) are noted as seated, not
     * added twice: their links were never shown, so they come back with {@code linkLost} for the organiser to
     * re-issue.
     */
    Future<JsonObject> importRows(String assemblyId, JsonObject who, SortitionDesk desk, JsonArray rows) {
        if (rows.isEmpty())
            return Future.succeededFuture(new JsonObject().put("imported", 0).put("people", new JsonArray()));
        JsonArray ids = new JsonArray();
        rows.forEach(r -> ids.add(((JsonObject) r).getJsonObject("person").getString("id")));
        return engines.engine(assemblyId, SortitionCapability.ON_ROSTER, new JsonObject().put("ids", ids))
                .compose(answer -> {
                    if (Answers.isError(answer)) return SortitionSteps.refused(answer);
                    Set<String> on = new HashSet<>();
                    answer.getJsonArray("onRoster", new JsonArray()).forEach(id -> on.add((String) id));
                    JsonArray added = new JsonArray();
                    JsonArray waiting = new JsonArray();
                    rows.forEach(r -> (on.contains(((JsonObject) r)
                                            .getJsonObject("person")
                                            .getString("id"))
                                    ? added
                                    : waiting)
                            .add(r));
                    if (added.isEmpty()) return add(assemblyId, who, desk, waiting);
                    return workers.submit(() -> {
                                desk.seated(added);
                                return added;
                            })
                            .compose(noted -> add(assemblyId, who, desk, waiting))
                            .map(body -> withLinksLost(body, added));
                });
    }

    private Future<JsonObject> add(String assemblyId, JsonObject who, SortitionDesk desk, JsonArray rows) {
        if (rows.isEmpty())
            return Future.succeededFuture(new JsonObject().put("imported", 0).put("people", new JsonArray()));
        JsonArray people = new JsonArray();
        rows.forEach(r -> people.add(((JsonObject) r).getJsonObject("person")));
        JsonObject command = new JsonObject()
                .put("actor", SortitionSteps.actor(who))
                .put("name", "import-roster")
                .put("args", new JsonObject().put("people", people));
        return engines.engine(assemblyId, "command", command).compose(answer -> {
            if (Answers.isError(answer)) return SortitionSteps.refused(answer);
            return workers.submit(() -> {
                desk.seated(rows);
                return ImportedPeople.answer(publicUrl, assemblyId, people, answer.getJsonObject("result"));
            });
        });
    }

    private static JsonObject withLinksLost(JsonObject body, JsonArray added) {
        JsonArray people = body.getJsonArray("people");
        for (int i = 0; i < added.size(); i++) {
            JsonObject p = added.getJsonObject(i).getJsonObject("person");
            people.add(new JsonObject()
                    .put("id", p.getString("id"))
                    .put("name", p.getString("name"))
                    .put("role", "member")
                    .put("linkLost", true));
        }
        return body.put("imported", people.size());
    }

    /**
     * After a recorded replacement, when the dropout was on the roster: their link stops, the newcomer gets one. The
     * replacement stands whatever happens here; the answer says what did ({@code revoked}, {@code invited} or
     * {@code inviteError}), for the organiser to finish by hand if needed.
     */
    Future<JsonObject> change(
            String assemblyId, JsonObject who, SortitionDesk desk, String rosterId, JsonObject replaced) {
        if (rosterId == null) return Future.succeededFuture(new JsonObject().put("revoked", false));
        return revoke(assemblyId, who, rosterId)
                .compose(revoked -> workers.submit(() ->
                        new JsonObject().put("rows", desk.rosterRows(List.of(replaced.getString("replacement"))))))
                .compose(made -> importRows(assemblyId, who, desk, made.getJsonArray("rows"))
                        .map(invited -> new JsonObject().put("invited", invited))
                        .recover(failure -> Future.succeededFuture(new JsonObject()
                                .put(
                                        "inviteError",
                                        failure instanceof Senders.Refused r
                                                ? r.refusal.body()
                                                : new JsonObject().put("code", "internal-error")))))
                .map(outcome -> outcome.put("revoked", true));
    }

    private Future<Void> revoke(String assemblyId, JsonObject who, String rosterId) {
        JsonObject command = new JsonObject()
                .put("actor", SortitionSteps.actor(who))
                .put("name", "revoke-invitation")
                .put("args", new JsonObject().put("personId", rosterId));
        return engines.engine(assemblyId, "command", command).compose(answer -> {
            if (!Answers.isError(answer)) return Future.succeededFuture();
            // Refused: the person's link may still work — the organiser is told rather than the step pretending.
            return SortitionSteps.refused(answer);
        });
    }
}
