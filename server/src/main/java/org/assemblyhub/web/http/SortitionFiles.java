package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.sortition.desk.SortitionDesk;
import org.assemblyhub.sortition.view.SortitionView;

import java.util.Base64;
import java.util.Set;

/**
 * The selection's files over HTTP: the published ones (for whoever may see the assembly's records, once the assembly
 * recorded them) and the organiser's own downloads (chances, the panel and the alternates with contacts).
 */
final class SortitionFiles {
    private final EngineClient engines;
    private final String publicUrl;
    private final SortitionApi desk;

    /** {@code desk}: the files are the desk's, read where it lives. */
    SortitionFiles(EngineClient engines, String publicUrl, SortitionApi desk) {
        this.engines = engines;
        this.publicUrl = publicUrl;
        this.desk = desk;
    }

    void mount(Router router) {
        router.get("/api/assemblies/:id/sortition/files/:name").handler(this::file);
        router.get("/api/assemblies/:id/sortition/own/:name").handler(this::ownFile);
    }

    /** A published file, for anyone who may see the assembly's records, once the assembly has recorded it. */
    private void file(RoutingContext rc) {
        String assemblyId = rc.pathParam("id");
        String name = rc.pathParam("name");
        if (!SortitionView.COMMITTED_FILES.contains(name)
                && !SortitionView.DRAW_FILES.contains(name)
                && !SortitionView.REPLACEMENTS_FILE.equals(name)) {
            HttpErrors.error(rc, 404, "no-such-file", "This file does not exist here, or you may not see it.");
            return;
        }
        String token = Sessions.tokenOf(rc.request());
        if (token != null && !Tokens.assemblyOf(token).orElse("").equals(assemblyId)) token = null;
        JsonObject request =
                new JsonObject().put("what", "sortition-file").put("file", name).put("token", token);
        engines.engine(assemblyId, "records", request)
                .compose(answer -> {
                    JsonObject data = answer.getJsonObject("data", answer);
                    if (Answers.isError(answer) || !data.getBoolean("published", false)) {
                        return Future.succeededFuture(DeskAnswers.refusal(DeskAnswers.noSuchFile()));
                    }
                    JsonObject asked = named(name).put("hash", data.getString("hash"));
                    return desk.ask(assemblyId, "published-file", new JsonObject(), asked, null);
                })
                .onSuccess(answer -> {
                    if (answer.getInteger("status", 500) != 200) {
                        DeskAnswers.reply(rc, answer);
                        return;
                    }
                    byte[] bytes = Base64.getDecoder()
                            .decode(answer.getJsonObject("body").getString("bytes"));
                    rc.response()
                            .putHeader("Content-Type", contentType(name))
                            .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
                            .putHeader("Cache-Control", "no-cache")
                            .end(Buffer.buffer(bytes));
                })
                .onFailure(failure -> DeskAnswers.refuse(rc, failure));
    }

    /** The organiser's downloads (chances, the panel and the alternates with contacts): organisers only. */
    private void ownFile(RoutingContext rc) {
        String name = rc.pathParam("name");
        if (!SortitionDesk.ORGANISER_FILES.contains(name)) {
            HttpErrors.error(rc, 404, "no-such-file", "This file does not exist here, or you may not see it.");
            return;
        }
        Senders.identify(rc, engines, publicUrl, Set.of("organiser"), "Only organisers run the selection.")
                .compose(who ->
                        desk.ask(rc.pathParam("id"), "own-file", who, named(name), Sessions.tokenOf(rc.request())))
                .onSuccess(answer -> {
                    if (answer.getInteger("status", 500) != 200) {
                        DeskAnswers.reply(rc, answer);
                        return;
                    }
                    rc.response()
                            .putHeader("Content-Type", contentType(name))
                            .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
                            .putHeader("Cache-Control", "no-store")
                            .end(answer.getJsonObject("body").getString("text"));
                })
                .onFailure(failure -> DeskAnswers.refuse(rc, failure));
    }

    private static JsonObject named(String name) {
        return new JsonObject().put("name", name);
    }

    private static String contentType(String name) {
        if (name.endsWith(".csv")) return "text/csv; charset=utf-8";
        if (name.endsWith(".json")) return "application/json; charset=utf-8";
        return "text/plain; charset=utf-8";
    }
}
