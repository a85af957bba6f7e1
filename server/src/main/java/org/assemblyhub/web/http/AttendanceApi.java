package org.assemblyhub.web.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;

import java.util.Set;

/**
 * Who attended each session, as CSV (for members' compensation and for evaluation): every session held, or one.
 * Organisers only — it names people and says when they were online. Never cached.
 */
public final class AttendanceApi {
    private final EngineClient engines;
    private final String publicUrl;

    public AttendanceApi(EngineClient engines, String publicUrl) {
        this.engines = engines;
        this.publicUrl = publicUrl;
    }

    public void mount(Router router) {
        router.get("/api/assemblies/:id/attendance.csv").handler(rc -> send(rc, null));
        router.get("/api/assemblies/:id/sessions/:sessionId/attendance.csv")
                .handler(rc -> send(rc, rc.pathParam("sessionId")));
    }

    private void send(RoutingContext rc, String sessionId) {
        String assemblyId = rc.pathParam("id");
        Senders.identify(rc, engines, publicUrl, Set.of("organiser"), "Only organisers download the attendance.")
                .compose(who -> engines.engine(
                        assemblyId,
                        "report",
                        new JsonObject().put("name", "attendance").put("sessionId", sessionId)))
                .onSuccess(answer -> {
                    if (Answers.isError(answer)) {
                        HttpErrors.json(rc, HttpErrors.statusOf(answer.getString("code")), answer);
                        return;
                    }
                    String name = sessionId == null ? assemblyId : assemblyId + "-" + sessionId;
                    rc.response()
                            .putHeader("Content-Type", "text/csv; charset=utf-8")
                            .putHeader("Cache-Control", "no-store")
                            .putHeader(
                                    "Content-Disposition",
                                    "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9_.-]", "_")
                                            + "-attendance.csv\"")
                            .end(answer.getString("csv"));
                })
                .onFailure(failure -> {
                    if (failure instanceof Senders.Refused refused) {
                        HttpErrors.json(rc, refused.refusal.status(), refused.refusal.body());
                    } else {
                        HttpErrors.error(rc, 503, "unavailable", "The attendance could not be made; try again.");
                    }
                });
    }
}
