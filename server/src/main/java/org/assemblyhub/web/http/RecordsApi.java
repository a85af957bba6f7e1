package org.assemblyhub.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.assembly.engine.Answers;
import org.assemblyhub.assembly.engine.EngineClient;
import org.assemblyhub.decision.export.Booklet;
import org.assemblyhub.decision.export.OpenDataCsv;
import org.assemblyhub.support.Jackson;

import java.util.function.Consumer;

/**
 * Published records over HTTP (docs/open-data.md): open data as JSON and CSV, each ballot's public record (what
 * {@code ./hub verify ballot} checks) and its trackers as CSV, and the booklet of drafts as a PDF.
 */
public final class RecordsApi {
    private final EngineClient engines;

    public RecordsApi(EngineClient engines) {
        this.engines = engines;
    }

    public void mount(Router router) {
        router.get("/api/assemblies/:id/open-data.json").handler(rc -> fetch(rc, "open-data", null, data -> send(rc, "application/json", data.toPrettyString(), null)));
        router.get("/api/assemblies/:id/results.csv").handler(rc -> fetch(rc, "open-data", null,
                data -> send(rc, "text/csv", OpenDataCsv.results(data), rc.pathParam("id") + "-results.csv")));
        router.get("/api/assemblies/:id/ballots/:ballot/record.json").handler(rc -> fetch(rc, "ballot", rc.pathParam("ballot"),
                data -> send(rc, "application/json", data.toPrettyString(), rc.pathParam("id") + "-" + rc.pathParam("ballot") + "-record.json")));
        router.get("/api/assemblies/:id/booklet.pdf").handler(rc -> fetchWithTitle(rc, "drafts", null, (title, data) -> {
            boolean french = String.valueOf(rc.request().getHeader("Accept-Language")).startsWith("fr") || "fr".equals(rc.request().getParam("lang"));
            rc.vertx().executeBlocking(() -> Booklet.pdf(title, data, french), false).onSuccess(pdf ->
                    rc.response().putHeader("Content-Type", "application/pdf").putHeader("Cache-Control", "no-store")
                            .putHeader("Content-Disposition", "inline; filename=\"booklet.pdf\"").end(Buffer.buffer(pdf)));
        }));
    }

    private void fetch(RoutingContext rc, String what, String ballotId, Consumer<JsonNode> then) {
        fetchWithTitle(rc, what, ballotId, (title, data) -> then.accept(data));
    }

    private void fetchWithTitle(RoutingContext rc, String what, String ballotId, java.util.function.BiConsumer<String, JsonNode> then) {
        JsonObject request = new JsonObject().put("what", what).put("ballotId", ballotId).put("token", Sessions.tokenOf(rc.request()));
        engines.engine(rc.pathParam("id"), "records", request).onSuccess(answer -> {
            if (Answers.isError(answer)) {
                HttpErrors.json(rc, HttpErrors.statusOf(answer.getString("code")), answer);
                return;
            }
            try {
                then.accept(answer.getString("title"), Jackson.MAPPER.readTree(answer.getJsonObject("data").encode()));
            } catch (java.io.IOException e) {
                HttpErrors.error(rc, 500, "internal", "The record could not be read.");
            }
        });
    }

    private static void send(RoutingContext rc, String type, String body, String filename) {
        var response = rc.response().putHeader("Content-Type", type + "; charset=utf-8").putHeader("Cache-Control", "no-store");
        if (filename != null) response.putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.end(body);
    }
}
