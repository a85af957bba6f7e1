package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.config.LearningConfig;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.learning.library.ContentCheck;
import org.assemblyhub.learning.library.FileKind;
import org.assemblyhub.learning.library.FileRefused;
import org.assemblyhub.learning.library.FileStore;
import org.assemblyhub.learning.library.MarkdownHtml;
import org.assemblyhub.learning.library.SavedFile;
import org.assemblyhub.support.BoundedWorkers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Learning materials' files over HTTP (docs/learning.md, "Files"). Uploads are streamed to the store — mounted before
 * the API's body handler, which would otherwise read up to its limit into memory — and only organisers and experts
 * may send one: the sender is known before a byte of the body is read. Downloads ask the engine whether the person
 * may see the file and answer every refusal as if the file did not exist.
 */
public final class FilesApi {
    private static final int RENDERED_KEPT = 8;
    /** How long a refused upload's rest is read and dropped before the connection closes. */
    private static final long LINGER_MS = 2000;
    /** Answers after which the engine may or may not have recorded the file. */
    private static final Set<String> UNSURE = Set.of("unavailable", "journal-unavailable", "internal-error");

    private static final int MAX_NAME = 200;

    private final Vertx vertx;
    private final EngineClient engines;
    private final String publicUrl;
    private final LearningConfig limits;
    private final FileStore store;
    private final ContentCheck checks = new ContentCheck();
    private final BoundedWorkers workers;
    private final FileHolds holds;

    public FilesApi(
            Vertx vertx,
            EngineClient engines,
            String publicUrl,
            Path dataDir,
            LearningConfig limits,
            BoundedWorkers workers) {
        this.vertx = vertx;
        this.engines = engines;
        this.publicUrl = publicUrl;
        this.limits = limits;
        this.store = FileStore.at(limits.filesRoot(dataDir));
        this.workers = workers;
        this.holds = new FileHolds(vertx);
    }

    /** Readings already rendered (a file never changes under its hash): asking again costs nothing. */
    private final Map<String, String> rendered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > RENDERED_KEPT;
        }
    };

    public void mount(Router router) {
        router.post("/api/assemblies/:id/files").handler(this::upload);
        router.get("/api/assemblies/:id/files/:hash").handler(rc -> download(rc, false));
        router.get("/api/assemblies/:id/files/:hash/html").handler(rc -> download(rc, true));
    }

    private void upload(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        request.pause(); // nothing of the body is read until the sender, the kind and the size are known
        String assemblyId = rc.pathParam("id");
        Senders.identify(
                        rc,
                        engines,
                        publicUrl,
                        Set.of("organiser", "expert"),
                        "Only organisers and experts can upload files.")
                .compose(who -> {
                    Optional<FileKind> kind = FileKind.parse(request.getParam("kind"));
                    String name = request.getParam("name");
                    if (kind.isEmpty() || !validName(name)) {
                        return Future.failedFuture(
                                new Senders.Refused(
                                        400,
                                        "invalid-args",
                                        "Say kind=video, pdf, markdown or captions, and the file's name (200 characters at most)."));
                    }
                    long limit = limits.limitOf(kind.get());
                    if (declaredLength(request) > limit) {
                        return Future.failedFuture(FileRefused.tooLarge(kind.get(), limit));
                    }
                    return mayUpload(assemblyId, who, declaredLength(request)).compose(ok -> {
                        FileUpload upload = new FileUpload(vertx, request, store, checks, workers, holds);
                        return upload.receive(assemblyId, kind.get(), limit)
                                .compose(received ->
                                        record(assemblyId, who, kind.get(), name.strip(), received, upload));
                    });
                })
                .onSuccess(body -> HttpErrors.json(rc, 201, body))
                .onFailure(failure -> refuse(rc, failure));
    }

    /**
     * Before a byte is read: the engine says whether this person may upload (an organiser, or an expert named for a
     * module) and how much the assembly stores already; past the assembly's share of the disk, nothing more comes in.
     */
    private Future<Void> mayUpload(String assemblyId, JsonObject who, long declared) {
        JsonObject command = new JsonObject()
                .put("actor", new JsonObject().put("hub", true))
                .put("name", "check-upload")
                .put("args", new JsonObject().put("by", who.getString("personId")));
        return engines.engine(assemblyId, "command", command).compose(answer -> {
            if (Answers.isError(answer))
                return Future.failedFuture(new Senders.Refused(HttpErrors.statusOf(answer.getString("code")), answer));
            long stored = answer.getJsonObject("result").getLong("storedBytes", 0L);
            if (stored + Math.max(0, declared) > limits.maxAssemblyBytes()) {
                return Future.failedFuture(new Senders.Refused(
                        507,
                        new JsonObject()
                                .put("code", "files-full")
                                .put(
                                        "message",
                                        "This assembly's files take all the room set aside for them ("
                                                + (limits.maxAssemblyBytes() >> 20)
                                                + " MiB): withdraw unused files or ask the hub's operator.")));
            }
            return Future.succeededFuture();
        });
    }

    /**
     * The file counts once the engine has recorded it; if the engine refuses, the file goes — unless it was stored
     * before this upload, or another upload of the same bytes still counts on it ({@link FileHolds}).
     */
    private Future<JsonObject> record(
            String assemblyId,
            JsonObject who,
            FileKind kind,
            String name,
            FileUpload.Received received,
            FileUpload upload) {
        SavedFile saved = received.stored();
        JsonObject file = new JsonObject()
                .put("hash", saved.hash())
                .put("kind", kind.wireName())
                .put("mediaType", received.facts().mediaType())
                .put("bytes", saved.bytes())
                .put("name", name);
        if (received.facts().pages() != null) file.put("pages", received.facts().pages());
        JsonObject command = new JsonObject()
                .put("actor", new JsonObject().put("hub", true)) // no socket may record a file: only this route
                .put("name", "store-file")
                .put("args", file.copy().put("by", who.getString("personId")));
        String key = FileHolds.key(assemblyId, saved.hash());
        return engines.engine(assemblyId, "command", command).compose(answer -> {
            boolean refused = Answers.isError(answer);
            // Only a definite refusal removes the file: after a timeout the engine may still record it.
            boolean definite = refused && !UNSURE.contains(answer.getString("code"));
            Runnable removal = definite && !saved.existed() ? () -> upload.remove(saved.hash()) : null;
            Future<Void> released = vertx.executeBlocking(
                    () -> {
                        holds.release(key, removal);
                        return null;
                    },
                    false);
            if (!refused) return released.map(file);
            Senders.Refused refusal = new Senders.Refused(HttpErrors.statusOf(answer.getString("code")), answer);
            return released.transform(ignored -> Future.failedFuture(refusal));
        });
    }

    private void download(RoutingContext rc, boolean html) {
        String assemblyId = rc.pathParam("id");
        String hash = rc.pathParam("hash");
        Optional<Path> path = store.locate(assemblyId, hash);
        if (path.isEmpty()) { // not a hash: refused before the engine or the disk is asked anything
            noSuchFile(rc);
            return;
        }
        String token = Sessions.tokenOf(rc.request());
        if (token != null && !Tokens.assemblyOf(token).orElse("").equals(assemblyId)) token = null;
        JsonObject request =
                new JsonObject().put("what", "file").put("hash", hash).put("token", token);
        engines.engine(assemblyId, "records", request).onSuccess(answer -> {
            JsonObject data = Answers.isError(answer) ? null : answer.getJsonObject("data");
            if (data == null) {
                if ("unavailable".equals(answer.getString("code"))) {
                    HttpErrors.json(rc, 503, answer);
                } else {
                    noSuchFile(rc); // refused or unknown: the same answer, so nothing is learnt
                }
            } else if (html) {
                renderMarkdown(rc, path.get(), data);
            } else {
                FileResponse.send(rc, path.get(), data);
            }
        });
    }

    private void renderMarkdown(RoutingContext rc, Path path, JsonObject data) {
        if (!FileKind.MARKDOWN.wireName().equals(data.getString("kind"))
                || data.getLong("bytes", Long.MAX_VALUE) > FileKind.MARKDOWN.defaultLimit() * 4) {
            noSuchFile(rc);
            return;
        }
        String key = rc.pathParam("id") + "/" + data.getString("hash");
        String kept = rendered.get(key);
        Future<String> html = kept != null
                ? Future.succeededFuture(kept)
                : vertx.fileSystem()
                        .readFile(path.toString())
                        .compose(bytes ->
                                workers.submit(() -> MarkdownHtml.render(bytes.toString(StandardCharsets.UTF_8))))
                        .onSuccess(made -> rendered.put(key, made));
        html.onSuccess(made -> rc.response()
                        .putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Cache-Control", FileResponse.CACHE)
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .end(made))
                .onFailure(e -> {
                    if (e instanceof BoundedWorkers.Busy) busy(rc);
                    else noSuchFile(rc); // the record exists but the file is gone from the disk
                });
    }

    private static void refuse(RoutingContext rc, Throwable failure) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) return;
        JsonObject body;
        int status;
        if (failure instanceof Senders.Refused refused) {
            status = refused.refusal.status();
            body = refused.refusal.body();
        } else if (failure instanceof FileRefused refused) {
            status = HttpErrors.statusOf(refused.code());
            body = new JsonObject().put("code", refused.code()).put("message", refused.getMessage());
        } else if (failure instanceof BoundedWorkers.Busy) {
            response.putHeader("Retry-After", "5");
            status = 503;
            body = new JsonObject()
                    .put("code", "busy")
                    .put("message", "The hub is busy with other uploads. Please try again in a few seconds.");
        } else {
            status = 500;
            body = new JsonObject().put("code", "internal").put("message", "The file could not be stored.");
        }
        // What is left of the body is never stored: over HTTP/2 the stream is reset with NO_ERROR once the answer is
        // out (RFC 9113 §8.1), the connection's other streams go on. Over HTTP/1.1 the connection ends with the answer
        // — after a short linger in which the rest is read and dropped: closing on unread bytes sends a TCP reset,
        // which can destroy the answer before the sender has read it.
        boolean unread = !rc.request().isEnded();
        boolean http2 = rc.request().version() == HttpVersion.HTTP_2;
        if (unread && !http2) response.putHeader("Connection", "close");
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode())
                .onComplete(ignored -> {
                    if (!unread) return;
                    if (http2) {
                        response.reset(0);
                        return;
                    }
                    HttpServerRequest request = rc.request();
                    Runnable close = () -> request.connection().close();
                    long linger = rc.vertx().setTimer(LINGER_MS, t -> close.run());
                    request.handler(dropped -> {});
                    request.endHandler(end -> {
                        rc.vertx().cancelTimer(linger);
                        close.run();
                    });
                    request.resume();
                });
    }

    private static void noSuchFile(RoutingContext rc) {
        HttpErrors.error(rc, 404, "no-such-file", "There is no such file here.");
    }

    private static void busy(RoutingContext rc) {
        rc.response().putHeader("Retry-After", "5");
        HttpErrors.error(rc, 503, "busy", "The hub is busy. Please try again in a few seconds.");
    }

    private static boolean validName(String name) {
        return name != null
                && !name.isBlank()
                && name.strip().length() <= MAX_NAME
                && name.chars().noneMatch(Character::isISOControl);
    }

    /** The body's announced size; -1 when it is not announced (chunked), which the stream's own count then limits. */
    private static long declaredLength(HttpServerRequest request) {
        try {
            String length = request.getHeader("Content-Length");
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
