package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.organisation.domain.Admin;
import org.assemblyhub.organisation.domain.OrgAssembly;
import org.assemblyhub.organisation.domain.Organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An administrator's own seat as an organiser in one of their organisation's assemblies ({@code admin-<id>}): added
 * the first time (while the assembly still takes new people), given a new link after. Decided by the assembly like
 * any roster change, as the hub.
 */
final class OrganiserSeats {
    /** Answers to a revocation that mean there was no seat to end. */
    private static final Set<String> NOTHING_TO_END =
            Set.of("no-such-person", "no-active-invitation", "person-removed", "person-erased");

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

    /**
     * Ends a removed administrator's organiser seats in each of the organisation's assemblies: their own
     * ({@code admin-<id>}) and, in the assemblies they created, the first organiser's ({@code organiser-1}). Answers
     * {@code {seatsEnded, seatsLeft}}: how many links stopped working, and the assemblies that could not be asked
     * (not running now) — which the administrators then see, so that nothing is assumed done.
     */
    static Future<JsonObject> revoke(EngineClient engines, Organisation organisation, String adminId) {
        List<Future<String>> asked = new ArrayList<>();
        for (OrgAssembly assembly : organisation.assemblies()) {
            List<String> seats = new ArrayList<>(List.of("admin-" + adminId));
            if (adminId.equals(assembly.createdBy())) seats.add("organiser-1");
            for (String personId : seats) {
                asked.add(
                        command(engines, assembly.id(), "revoke-invitation", new JsonObject().put("personId", personId))
                                .map(answer -> {
                                    if (!Answers.isError(answer)) return "ended";
                                    return NOTHING_TO_END.contains(answer.getString("code")) ? "none" : assembly.id();
                                })
                                .otherwise(failure -> assembly.id()));
            }
        }
        return Future.join(asked).map(all -> {
            int ended = 0;
            Set<String> left = new TreeSet<>();
            for (Future<String> f : asked) {
                if ("ended".equals(f.result())) ended++;
                else if (!"none".equals(f.result())) left.add(f.result());
            }
            return new JsonObject().put("seatsEnded", ended).put("seatsLeft", new JsonArray(List.copyOf(left)));
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
