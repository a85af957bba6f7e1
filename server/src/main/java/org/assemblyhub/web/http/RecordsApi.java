package org.assemblyhub.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.recommendation.export.Booklet;
import org.assemblyhub.records.OpenDataCsv;
import org.assemblyhub.support.BoundedWorkers;
import org.assemblyhub.support.Jackson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Published records over HTTP (docs/open-data.md): open data as JSON and CSV, each ballot's public record (what
 * {@code ./hub verify ballot} checks) and its trackers as CSV, the booklet of drafts as a PDF, and the journal's
 * published hash-chain head (what {@code ./hub verify journal --head} looks for).
 */
public final class RecordsApi {
    private static final int BOOKLETS_KEPT = 16;
    /** Seconds a shared cache may keep a public record: results appear at most this late to those it serves. */
    static final int PUBLIC_MAX_AGE = 10;

    private final EngineClient engines;
    private final BoundedWorkers exports;
    /** Booklets already made, by assembly, journal position and language: asking again costs nothing. */
    private final Map<String, byte[]> booklets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > BOOKLETS_KEPT;
        }
    };

    public RecordsApi(EngineClient engines, BoundedWorkers exports) {
        this.engines = engines;
        this.exports = exports;
    }

    public void mount(Router router) {
        router.get("/api/assemblies/:id/open-data.json")
                .handler(rc -> fetch(
                        rc, "open-data", null, data -> send(rc, "application/json", data.toPrettyString(), null)));
        router.get("/api/assemblies/:id/results.csv")
                .handler(rc -> fetch(
                        rc,
                        "open-data",
                        null,
                        data -> send(rc, "text/csv", OpenDataCsv.results(data), rc.pathParam("id") + "-results.csv")));
        router.get("/api/assemblies/:id/journal-head.json")
                .handler(rc -> fetch(
                        rc, "journal-head", null, data -> send(rc, "application/json", data.toPrettyString(), null)));
        router.get("/api/assemblies/:id/ballots/:ballot/record.json")
                .handler(rc -> fetch(
                        rc,
                        "ballot",
                        rc.pathParam("ballot"),
                        data -> send(
                                rc,
                                "application/json",
                                data.toPrettyString(),
                                rc.pathParam("id") + "-" + rc.pathParam("ballot") + "-record.json")));
        router.get("/api/assemblies/:id/booklet.pdf")
                .handler(rc -> fetchWithTitle(rc, "drafts", null, (answer, data) -> {
                    boolean french = String.valueOf(rc.request().getHeader("Accept-Language"))
                                    .startsWith("fr")
                            || "fr".equals(rc.request().getParam("lang"));
                    String key = rc.pathParam("id") + "@" + answer.getLong("seq") + (french ? "/fr" : "/en");
                    byte[] made = booklets.get(key);
                    Future<byte[]> pdf = made != null
                            ? Future.succeededFuture(made)
                            : exports.submit(() -> Booklet.pdf(answer.getString("title"), data, french))
                                    .onSuccess(bytes -> booklets.put(key, bytes));
                    pdf.onSuccess(bytes -> rc.response()
                                    .putHeader("Content-Type", "application/pdf")
                                    .putHeader("Cache-Control", "no-store")
                                    .putHeader("Content-Disposition", "inline; filename=\"booklet.pdf\"")
                                    .end(Buffer.buffer(bytes)))
                            .onFailure(e -> {
                                rc.response().putHeader("Retry-After", "5");
                                HttpErrors.error(
                                        rc,
                                        503,
                                        "busy",
                                        "The booklet is being made for many people at once. Please try again in a few seconds.");
                            });
                }));
    }

    private void fetch(RoutingContext rc, String what, String ballotId, Consumer<JsonNode> then) {
        fetchWithTitle(rc, what, ballotId, (answer, data) -> then.accept(data));
    }

    /**
     * Asks the engine for a record. The session cookie counts only when it is an invitation to this assembly: a link
     * of another assembly on the same browser must not stand in the way of this one's public records.
     */
    private void fetchWithTitle(
            RoutingContext rc, String what, String ballotId, BiConsumer<JsonObject, JsonNode> then) {
        String token = Sessions.tokenOf(rc.request());
        if (token != null && !Tokens.assemblyOf(token).orElse("").equals(rc.pathParam("id"))) token = null;
        JsonObject request =
                new JsonObject().put("what", what).put("ballotId", ballotId).put("token", token);
        engines.engine(rc.pathParam("id"), "records", request).onSuccess(answer -> {
            if (Answers.isError(answer)) {
                HttpErrors.json(rc, HttpErrors.statusOf(answer.getString("code")), answer);
                return;
            }
            try {
                then.accept(
                        answer,
                        Jackson.MAPPER.readTree(answer.getJsonObject("data").encode()));
            } catch (IOException e) {
                HttpErrors.error(rc, 500, "internal", "The record could not be read.");
            }
        });
    }

    /**
     * Cache-friendly for thousands of observers: an ETag of the content (a browser or proxy that has it gets 304), and
     * an anonymous request — which succeeds only for a public assembly — may be kept by shared caches for a few
     * seconds; a participant's answer stays private to their browser.
     */
    private static void send(RoutingContext rc, String type, String body, String filename) {
        String etag = etag(body);
        boolean anonymous = Sessions.tokenOf(rc.request()) == null;
        var response = rc.response()
                .putHeader("Content-Type", type + "; charset=utf-8")
                .putHeader("Cache-Control", anonymous ? "public, max-age=" + PUBLIC_MAX_AGE : "private, no-cache")
                .putHeader("Vary", "Cookie")
                .putHeader("ETag", etag);
        if (filename != null) response.putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        if (etag.equals(rc.request().getHeader("If-None-Match"))) {
            response.setStatusCode(304).end();
            return;
        }
        response.end(body);
    }

    static String etag(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
