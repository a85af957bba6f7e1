package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.sortition.desk.SortitionDesk;
import org.assemblyhub.support.BoundedWorkers;

import java.util.List;

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

    /** {@code rows} as {@link SortitionDesk#rosterRows} made them; the answer holds the links (or the sealed file). */
    Future<JsonObject> importRows(String assemblyId, JsonObject who, SortitionDesk desk, JsonArray rows) {
        if (rows.isEmpty())
            return Future.succeededFuture(new JsonObject().put("imported", 0).put("people", new JsonArray()));
        JsonArray people = new JsonArray();
        rows.forEach(r -> people.add(((JsonObject) r).getJsonObject("person")));
        JsonObject command = new JsonObject()
                .put("actor", SortitionApi.actor(who))
                .put("name", "import-roster")
                .put("args", new JsonObject().put("people", people));
        return engines.engine(assemblyId, "command", command).compose(answer -> {
            if (Answers.isError(answer)) return SortitionApi.refused(answer);
            return workers.submit(() -> {
                desk.seated(rows);
                return ImportedPeople.answer(publicUrl, assemblyId, people, answer.getJsonObject("result"));
            });
        });
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
                .put("actor", SortitionApi.actor(who))
                .put("name", "revoke-invitation")
                .put("args", new JsonObject().put("personId", rosterId));
        return engines.engine(assemblyId, "command", command).compose(answer -> {
            if (!Answers.isError(answer)) return Future.succeededFuture();
            // Refused: the person's link may still work — the organiser is told rather than the step pretending.
            return SortitionApi.refused(answer);
        });
    }
}
