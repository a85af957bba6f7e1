package org.assemblyhub.web.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;

import java.util.Set;

/**
 * A person's own data as JSON (their rights of access and portability): a participant downloads theirs with their
 * invitation; an organiser downloads anyone's, to answer a request made to them. Never cached.
 */
public final class PersonalDataApi {
    private static final Set<String> EVERYONE = Set.of("organiser", "facilitator", "member", "expert", "observer");

    private final EngineClient engines;
    private final String publicUrl;

    public PersonalDataApi(EngineClient engines, String publicUrl) {
        this.engines = engines;
        this.publicUrl = publicUrl;
    }

    public void mount(Router router) {
        router.get("/api/assemblies/:id/my-data.json").handler(this::mine);
        router.get("/api/assemblies/:id/people/:personId/data.json").handler(this::anyone);
    }

    private void mine(RoutingContext rc) {
        Senders.identify(rc, engines, publicUrl, EVERYONE, "Open your invitation link first.")
                .onSuccess(who -> send(rc, who.getString("personId")))
                .onFailure(failure -> refuse(rc, failure));
    }

    private void anyone(RoutingContext rc) {
        Senders.identify(rc, engines, publicUrl, Set.of("organiser"), "Only organisers can export someone's data.")
                .onSuccess(who -> send(rc, rc.pathParam("personId")))
                .onFailure(failure -> refuse(rc, failure));
    }

    private void send(RoutingContext rc, String personId) {
        engines.engine(rc.pathParam("id"), "personal-data", new JsonObject().put("personId", personId))
                .onSuccess(answer -> {
                    if (Answers.isError(answer)) {
                        HttpErrors.json(rc, HttpErrors.statusOf(answer.getString("code")), answer);
                        return;
                    }
                    rc.response()
                            .putHeader("Content-Type", "application/json; charset=utf-8")
                            .putHeader("Cache-Control", "no-store")
                            .putHeader(
                                    "Content-Disposition",
                                    "attachment; filename=\"" + rc.pathParam("id") + "-" + personId + "-data.json\"")
                            .end(answer.getJsonObject("data").encodePrettily());
                })
                .onFailure(e -> HttpErrors.error(
                        rc, 503, "unavailable", "The assembly is not reachable right now. Please try again."));
    }

    private static void refuse(RoutingContext rc, Throwable failure) {
        if (failure instanceof Senders.Refused refused) {
            HttpErrors.json(rc, refused.refusal.status(), refused.refusal.body());
        } else {
            HttpErrors.error(rc, 500, "internal", "The request could not be checked.");
        }
    }
}
