package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.outreach.runtime.OutreachVerticle;

/**
 * A member's own reminders, from the link each reminder carries (docs/outreach.md, "Stopping reminders"): the page
 * {@code /r/<assembly>/<person>/<key>} says whether they come and turns them off or on again; a POST to that same
 * address stops them in one click, as mail programs do from the {@code List-Unsubscribe} header (RFC 8058). The key
 * is checked by the hub's outreach, which holds the secret it is made from; it opens no session.
 */
public final class MemberRemindersApi {
    private static final long TIMEOUT_MS = 15_000;

    private final Vertx vertx;

    public MemberRemindersApi(Vertx vertx) {
        this.vertx = vertx;
    }

    /** After the API's body handler. */
    public void mount(Router router) {
        router.get("/r/:id/:person/:key").handler(rc -> {
            rc.response().putHeader("X-Robots-Tag", "noindex").putHeader("Cache-Control", "no-store");
            rc.reroute("/reminders.html");
        });
        router.post("/r/:id/:person/:key").handler(this::oneClick);
        router.get("/api/reminders/:id/:person/:key").handler(rc -> answer(rc, null));
        router.post("/api/reminders/:id/:person/:key").handler(rc -> {
            JsonObject body = OutreachApi.body(rc);
            if (body == null) {
                HttpErrors.error(rc, 400, "malformed-json", "Send a JSON object.");
            } else if (!(body.getValue("on") instanceof Boolean on)) {
                HttpErrors.error(rc, 422, "invalid-args", "Say whether reminders are on: {\"on\": true}.");
            } else {
                answer(rc, on);
            }
        });
    }

    /** RFC 8058: the mail program's POST (body {@code List-Unsubscribe=One-Click}) stops the reminders. */
    private void oneClick(RoutingContext rc) {
        ask(rc, false).onSuccess(answer -> {
            boolean stopped = !Answers.isError(answer);
            rc.response()
                    .setStatusCode(stopped ? 200 : status(answer.getString("code")))
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(stopped ? "Rappels arrêtés. · Reminders stopped.\n" : answer.getString("message", "") + "\n");
        });
    }

    private void answer(RoutingContext rc, Boolean on) {
        ask(rc, on).onSuccess(answer -> {
            rc.response().putHeader("Cache-Control", "no-store");
            HttpErrors.json(rc, Answers.isError(answer) ? status(answer.getString("code")) : 200, answer);
        });
    }

    private Future<JsonObject> ask(RoutingContext rc, Boolean on) {
        JsonObject request = new JsonObject()
                .put("op", "member-reminders")
                .put("assemblyId", rc.pathParam("id"))
                .put("personId", rc.pathParam("person"))
                .put("key", rc.pathParam("key"));
        if (on != null) request.put("on", on);
        return vertx.eventBus()
                .<JsonObject>request(
                        OutreachVerticle.ADDRESS, request, new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
                .map(Message::body)
                .otherwise(OutreachApi::noAnswer);
    }

    private static int status(String code) {
        return switch (code == null ? "" : code) {
            case "no-such-link", "no-such-assembly" -> 404;
            case "outreach-off" -> 503;
            default -> HttpErrors.statusOf(code);
        };
    }
}
