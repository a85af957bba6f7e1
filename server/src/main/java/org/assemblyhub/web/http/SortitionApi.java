package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.sortition.desk.DeskAddresses;
import org.assemblyhub.sortition.desk.DeskRefusal;
import org.assemblyhub.support.BoundedWorkers;

import java.nio.file.Path;
import java.util.Set;

/**
 * The organiser's selection desk over HTTP (docs/sortition.md, "In the hub"). Every route but the published files
 * is for the assembly's organisers: the sender is checked and the body read as JSON here, on whichever node took the
 * request, before anything else; the step itself runs where the assembly's desk lives ({@link SortitionSteps}, on
 * the assembly's owner). The published files are served to whoever may see the assembly's records.
 */
public final class SortitionApi {
    /** While an assembly moves to another owner its desk has no home for a moment: asked again for this long. */
    private static final long HOMELESS_MS = 5_000;

    private static final long RETRY_MS = 200;

    private final Vertx vertx;
    private final EngineClient engines;
    private final String publicUrl;

    public SortitionApi(Vertx vertx, EngineClient engines, String publicUrl, Path dataDir, BoundedWorkers workers) {
        this.vertx = vertx;
        this.engines = engines;
        this.publicUrl = publicUrl;
        new SortitionSteps(vertx, engines, publicUrl, dataDir, workers).serve(vertx);
    }

    /** After the API's body handler: the organiser's files come as JSON text. */
    public void mount(Router router) {
        router.get("/api/assemblies/:id/sortition").handler(rc -> organiser(rc, "status", false));
        router.post("/api/assemblies/:id/sortition/inputs").handler(rc -> organiser(rc, "inputs", true));
        router.post("/api/assemblies/:id/sortition/run").handler(rc -> organiser(rc, "run", true));
        router.post("/api/assemblies/:id/sortition/cancel").handler(rc -> organiser(rc, "cancel", false));
        router.post("/api/assemblies/:id/sortition/commit").handler(rc -> organiser(rc, "commit", true));
        router.post("/api/assemblies/:id/sortition/draw").handler(rc -> organiser(rc, "draw", true));
        router.post("/api/assemblies/:id/sortition/seat").handler(rc -> organiser(rc, "seat", false));
        router.post("/api/assemblies/:id/sortition/replace").handler(rc -> organiser(rc, "replace", true));
        new SortitionFiles(engines, publicUrl, this).mount(router);
    }

    /** The organiser checked and the body read here; then the step, at the desk's home. */
    private void organiser(RoutingContext rc, String step, boolean json) {
        Senders.identify(rc, engines, publicUrl, Set.of("organiser"), "Only organisers run the selection.")
                .compose(who -> {
                    JsonObject body = new JsonObject();
                    if (json) {
                        String type = rc.request().getHeader("Content-Type");
                        if (type == null || !type.toLowerCase().startsWith("application/json")) {
                            return Future.failedFuture(new DeskRefusal(415, "json-required", "Send a JSON object."));
                        }
                        try {
                            body = rc.body().asJsonObject();
                        } catch (RuntimeException e) {
                            body = null;
                        }
                        if (body == null)
                            return Future.failedFuture(
                                    new DeskRefusal(400, "malformed-json", "This request is not a JSON object."));
                    }
                    return ask(rc.pathParam("id"), step, who, body, Sessions.tokenOf(rc.request()));
                })
                .onSuccess(answer -> DeskAnswers.reply(rc, answer))
                .onFailure(failure -> DeskAnswers.refuse(rc, failure));
    }

    /** A step of the assembly's desk, wherever it lives: {@code {status, body}}. */
    Future<JsonObject> ask(String assemblyId, String step, JsonObject who, JsonObject body, String token) {
        JsonObject request = new JsonObject()
                .put("step", step)
                .put("assemblyId", assemblyId)
                .put("who", who)
                .put("body", body)
                .put("token", token);
        return send(DeskAddresses.home(assemblyId), request, System.nanoTime() + HOMELESS_MS * 1_000_000);
    }

    private Future<JsonObject> send(String address, JsonObject request, long giveUpAt) {
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(DeskAddresses.TIMEOUT_MS);
        return vertx.eventBus()
                .<JsonObject>request(address, request, options)
                .map(Message::body)
                .recover(failure -> {
                    boolean homeless =
                            failure instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS;
                    if (!homeless || System.nanoTime() > giveUpAt) return Future.succeededFuture(DeskAnswers.away());
                    return vertx.timer(RETRY_MS).compose(t -> send(address, request, giveUpAt));
                });
    }
}
