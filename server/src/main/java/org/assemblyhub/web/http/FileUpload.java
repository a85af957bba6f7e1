package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.assemblyhub.learning.library.ContentCheck;
import org.assemblyhub.learning.library.FileFacts;
import org.assemblyhub.learning.library.FileKind;
import org.assemblyhub.learning.library.FileRefused;
import org.assemblyhub.learning.library.FileStore;
import org.assemblyhub.learning.library.SavedFile;
import org.assemblyhub.learning.library.Upload;
import org.assemblyhub.support.BoundedWorkers;

import java.io.IOException;

/**
 * One upload's body, streamed to the store. The request arrives paused; bytes are gathered on the event loop into
 * chunks of {@link #CHUNK} and each chunk is written (and hashed) by a worker while the request stays paused, so a fast
 * sender can never fill memory, and the event loop never touches the disk. Past the limit it stops at once. When the
 * body has ended the content is checked and the file named by its hash, also on a worker. Whatever fails, the
 * temporary file is gone before the answer is given.
 */
final class FileUpload {
    static final int CHUNK = 256 * 1024;

    /** The stored file and what its check found. */
    record Received(SavedFile stored, FileFacts facts) {}

    private final Vertx vertx;
    private final HttpServerRequest request;
    private final FileStore store;
    private final ContentCheck checks;
    private final BoundedWorkers workers;
    private final FileHolds holds;
    private final Promise<Received> result = Promise.promise();
    private Upload upload;
    private String assemblyId;
    private FileKind kind;
    private long limit;
    private long received;
    private Buffer pending = Buffer.buffer();
    private Future<Void> writes = Future.succeededFuture();
    private boolean finished;

    FileUpload(
            Vertx vertx,
            HttpServerRequest request,
            FileStore store,
            ContentCheck checks,
            BoundedWorkers workers,
            FileHolds holds) {
        this.vertx = vertx;
        this.request = request;
        this.store = store;
        this.checks = checks;
        this.workers = workers;
        this.holds = holds;
    }

    /**
     * Receives the (paused) request's body as a file of this kind. Fails with {@link FileRefused} (too large, wrong
     * content), {@link BoundedWorkers.Busy}, or an {@link IOException} (the disk, or the sender went away).
     */
    Future<Received> receive(String assemblyId, FileKind kind, long limit) {
        this.assemblyId = assemblyId;
        this.kind = kind;
        this.limit = limit;
        // The sender leaving before the body ended (a closed connection, a reset stream) comes here; once it has ended
        // the upload is finished as if they had stayed, and only the answer is lost.
        request.exceptionHandler(e -> fail(new IOException("the upload was interrupted", e)));
        workers.submit(() -> store.begin(assemblyId, kind, limit)).onComplete(begun -> {
            if (begun.failed()) {
                fail(begun.cause());
                return;
            }
            upload = begun.result();
            if (finished) { // the sender left while the file was being made
                abort();
                return;
            }
            request.handler(this::data);
            request.endHandler(v -> end());
            if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")))
                request.response().writeContinue();
            request.resume();
        });
        return result.future();
    }

    private void data(Buffer chunk) {
        if (finished) return;
        received += chunk.length();
        if (received > limit) {
            fail(FileRefused.tooLarge(kind, limit));
            return;
        }
        pending.appendBuffer(chunk);
        if (pending.length() >= CHUNK) {
            request.pause();
            flush().onSuccess(v -> {
                if (!finished) request.resume();
            });
        }
    }

    private Future<Void> flush() {
        byte[] bytes = pending.getBytes();
        pending = Buffer.buffer();
        writes = writes.compose(v -> workers.submit(() -> {
            upload.write(bytes, 0, bytes.length);
            return null;
        }));
        writes.onFailure(this::fail);
        return writes;
    }

    /**
     * The body is complete: the last chunk, then the check and the rename, in the same chain as the writes. The file
     * is held ({@link FileHolds}) from just before the rename; whoever receives the result lets go of it.
     */
    private void end() {
        if (finished) return;
        flush();
        Future<Received> done = writes.compose(v -> workers.submit(() -> {
            FileFacts facts = checks.check(kind, upload.content());
            String key = FileHolds.key(assemblyId, upload.hash());
            holds.hold(key);
            try {
                return new Received(upload.commit(), facts);
            } catch (IOException | RuntimeException e) {
                holds.release(key, null);
                throw e;
            }
        }));
        writes = done.mapEmpty();
        done.onSuccess(received -> {
                    if (!finished) {
                        finished = true;
                        result.complete(received);
                    } else { // failed meanwhile: nobody will record it
                        SavedFile saved = received.stored();
                        vertx.executeBlocking(
                                () -> {
                                    holds.release(
                                            FileHolds.key(assemblyId, saved.hash()),
                                            saved.existed() ? null : () -> remove(saved.hash()));
                                    return null;
                                },
                                false);
                    }
                })
                .onFailure(this::fail);
    }

    /** Removes a stored file that no upload counts on any more; one that cannot be removed stays, unused. */
    void remove(String hash) {
        try {
            store.delete(assemblyId, hash);
        } catch (IOException ignored) {
            // an orphan costs disk space, nothing else: no item names it
        }
    }

    /** Stops receiving; once every write in flight is done, the temporary file is removed, then the answer given. */
    private void fail(Throwable cause) {
        if (finished) return;
        finished = true;
        if (!request.isEnded()) request.pause(); // an HTTP/2 request refuses pause() once its stream has ended
        writes.transform(ignored -> abort()).onComplete(ignored -> result.tryFail(cause));
    }

    private Future<Void> abort() {
        if (upload == null) return Future.succeededFuture();
        Upload dropped = upload;
        return vertx.executeBlocking(
                () -> {
                    dropped.abort();
                    return null;
                },
                false);
    }
}
