package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.WireArgs;
import org.assemblyhub.outreach.runtime.OutreachVerticle;

import java.util.Set;

/**
 * The organiser's outreach over HTTP (docs/outreach.md): send the invitations or the results by e-mail and text
 * message, turn reminders on or off, read the log. The sender is checked first, then the body, then the hub's outreach
 * does the work (answers come once the messages are safely queued, not once they are sent).
 */
public final class OutreachApi {
    static final int MAX_NOTE = 2_000;
    static final int MAX_PEOPLE = 5_000;
    private static final long TIMEOUT_MS = 60_000;

    private final Vertx vertx;
    private final EngineClient engines;
    private final String publicUrl;

    public OutreachApi(Vertx vertx, EngineClient engines, String publicUrl) {
        this.vertx = vertx;
        this.engines = engines;
        this.publicUrl = publicUrl;
    }

    /** After the API's body handler. */
    public void mount(Router router) {
        router.get("/api/assemblies/:id/outreach").handler(rc -> organiser(rc, false, "log"));
        router.post("/api/assemblies/:id/outreach/invitations").handler(rc -> organiser(rc, true, "invite"));
        router.post("/api/assemblies/:id/outreach/results").handler(rc -> organiser(rc, true, "results"));
        router.post("/api/assemblies/:id/outreach/reminders").handler(rc -> organiser(rc, true, "reminders"));
    }

    private void organiser(RoutingContext rc, boolean json, String op) {
        Senders.identify(rc, engines, publicUrl, Set.of("organiser"), "Only organisers write to the members.")
                .compose(who -> {
                    JsonObject request = new JsonObject().put("op", op).put("assemblyId", rc.pathParam("id"));
                    if (json) {
                        JsonObject body = body(rc);
                        if (body == null) return refused(400, "malformed-json", "Send a JSON object.");
                        String problem = read(op, body, request);
                        if (problem != null) return refused(422, "invalid-args", problem);
                    }
                    return vertx.eventBus()
                            .<JsonObject>request(
                                    OutreachVerticle.ADDRESS, request, new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
                            .map(Message::body)
                            .otherwise(OutreachApi::noAnswer);
                })
                .onSuccess(answer -> {
                    if (op.equals("log") && "outreach-off".equals(answer.getString("code"))) {
                        // Reading the log of a hub that sends nothing is no error: the console says it is off.
                        HttpErrors.json(
                                rc,
                                200,
                                new JsonObject()
                                        .put("off", true)
                                        .put("email", false)
                                        .put("sms", false)
                                        .put("reminders", false)
                                        .put("messages", new JsonArray()));
                        return;
                    }
                    if (Answers.isError(answer)) HttpErrors.json(rc, status(answer.getString("code")), answer);
                    else HttpErrors.json(rc, 200, answer);
                })
                .onFailure(failure -> {
                    if (failure instanceof Senders.Refused r) HttpErrors.json(rc, r.refusal.status(), r.refusal.body());
                    else HttpErrors.error(rc, 500, "internal", "The request could not be checked.");
                });
    }

    /** No consumer: no node of the hub has a mail server or a gateway; else the outreach was too slow. */
    static JsonObject noAnswer(Throwable e) {
        if (e instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
            return Answers.error(
                    "outreach-off", "This hub has no mail server nor text-message gateway: see docs/outreach.md.");
        }
        return Answers.error("unavailable", "The hub's outreach does not answer now. Please try again.");
    }

    /** The request's JSON object, or null when it is not one (or not sent as application/json). */
    static JsonObject body(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) return null;
        try {
            return rc.body().asJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Copies the body's arguments into the request; a problem in words, or null. */
    private static String read(String op, JsonObject body, JsonObject request) {
        if (op.equals("reminders")) {
            if (!(body.getValue("on") instanceof Boolean on)) return "Say whether reminders are on: {\"on\": true}.";
            request.put("on", on);
            return null;
        }
        Object people = body.getValue("people");
        if (people != null) {
            if (!(people instanceof JsonArray list) || list.size() > MAX_PEOPLE) {
                return "'people' is a list of at most " + MAX_PEOPLE + " person ids.";
            }
            for (Object id : list) {
                if (!(id instanceof String s) || s.isEmpty() || s.length() > WireArgs.MAX_ID)
                    return "'people' is a list of person ids.";
            }
            request.put("people", list);
        }
        Object resend = body.getValue("resend");
        if (resend != null && !(resend instanceof Boolean)) return "'resend' is true or false.";
        request.put("resend", Boolean.TRUE.equals(resend));
        Object note = body.getValue("note");
        if (note != null) {
            if (!op.equals("results") || !(note instanceof String s) || s.length() > MAX_NOTE)
                return "'note' goes with the results, as text of at most " + MAX_NOTE + " characters.";
            request.put("note", s);
        }
        return null;
    }

    private static Future<JsonObject> refused(int status, String code, String message) {
        return Future.failedFuture(new Senders.Refused(status, code, message));
    }

    private static int status(String code) {
        return switch (code == null ? "" : code) {
            case "outreach-off" -> 503;
            case "invitations-sealed" -> 409;
            default -> HttpErrors.statusOf(code);
        };
    }
}
