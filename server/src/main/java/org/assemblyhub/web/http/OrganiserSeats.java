package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.organisation.domain.Admin;

/**
 * An administrator's own seat as an organiser in one of their organisation's assemblies ({@code admin-<id>}): added
 * the first time (while the assembly still takes new people), given a new link after. Decided by the assembly like
 * any roster change, as the hub.
 */
final class OrganiserSeats {
    private OrganiserSeats() {}

    static Future<String> linkFor(EngineClient engines, String assemblyId, Admin admin) {
        String personId = "admin-" + admin.id();
        return command(engines, assemblyId, "reissue-invitation", new JsonObject().put("personId", personId))
                .compose(answer -> {
                    if (!Answers.isError(answer))
                        return token(answer.getJsonObject("result").getString("token"), answer);
                    if (!"no-such-person".equals(answer.getString("code"))) return refused(answer);
                    JsonObject seat = new JsonObject()
                            .put("id", personId)
                            .put("name", admin.name())
                            .put("role", "organiser");
                    return command(
                                    engines,
                                    assemblyId,
                                    "import-roster",
                                    new JsonObject().put("people", new JsonArray().add(seat)))
                            .compose(added -> Answers.isError(added)
                                    ? refused(added)
                                    : token(
                                            added.getJsonObject("result")
                                                    .getJsonObject("tokens", new JsonObject())
                                                    .getString(personId),
                                            added));
                });
    }

    private static Future<JsonObject> command(EngineClient engines, String assemblyId, String name, JsonObject args) {
        return engines.engine(
                assemblyId,
                "command",
                new JsonObject()
                        .put("actor", new JsonObject().put("hub", true))
                        .put("name", name)
                        .put("args", args));
    }

    /** Sealed invitations go to the delivery officer only: the hub cannot hand an administrator a link. */
    private static Future<String> token(String token, JsonObject answer) {
        if (token == null) {
            return Future.failedFuture(new Senders.Refused(
                    409,
                    "invitations-sealed",
                    "This assembly's invitations are sealed for its delivery officer: ask them for your link."));
        }
        return Future.succeededFuture(token);
    }

    private static Future<String> refused(JsonObject answer) {
        return Future.failedFuture(new Senders.Refused(HttpErrors.statusOf(answer.getString("code")), answer));
    }
}
