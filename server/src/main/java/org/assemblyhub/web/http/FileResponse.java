package org.assemblyhub.web.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A stored file sent as its record says: its media type (never guessed by the browser), one byte range when asked
 * (video players seek this way), shown in the page for videos, PDFs and captions and saved for anything else.
 * Content-addressed, so a copy never goes stale — but who may see it can change, hence private and for an hour only.
 */
final class FileResponse {
    static final String CACHE = "private, max-age=3600";

    /** What the hub stores, and how each is served; anything else is served as bytes to save. */
    private static final Map<String, String> TYPES = Map.of(
            "video/mp4", "video/mp4",
            "video/webm", "video/webm",
            "application/pdf", "application/pdf",
            "text/vtt", "text/vtt; charset=utf-8",
            "text/markdown", "text/markdown; charset=utf-8");

    private FileResponse() {}

    static void send(RoutingContext rc, Path path, JsonObject data) {
        rc.vertx().fileSystem().props(path.toString()).onFailure(e -> gone(rc)).onSuccess(props -> {
            long size = props.size();
            String mediaType = data.getString("mediaType", "");
            String type = TYPES.getOrDefault(mediaType, "application/octet-stream");
            boolean inline = !type.equals("application/octet-stream") && !mediaType.equals("text/markdown");
            String etag = "\"" + data.getString("hash") + "\"";
            HttpServerResponse response = rc.response()
                    .putHeader("Content-Type", type)
                    .putHeader("Accept-Ranges", "bytes")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Content-Disposition", disposition(inline, data.getString("name", "file")))
                    .putHeader("Cache-Control", CACHE)
                    .putHeader("ETag", etag);
            if (etag.equals(rc.request().getHeader("If-None-Match"))) {
                response.setStatusCode(304).end();
                return;
            }
            String ifRange = rc.request().getHeader("If-Range");
            ByteRange range = ifRange != null && !ifRange.equals(etag)
                    ? new ByteRange.Whole()
                    : ByteRange.of(rc.request().getHeader("Range"), size);
            if (range instanceof ByteRange.Part part) {
                response.setStatusCode(206).putHeader("Content-Range", part.contentRange(size));
                response.sendFile(path.toString(), part.first(), part.length());
            } else if (range instanceof ByteRange.Unsatisfiable) {
                response.setStatusCode(416)
                        .putHeader("Content-Range", "bytes */" + size)
                        .putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end();
            } else if (size == 0) {
                response.end();
            } else {
                response.sendFile(path.toString(), 0, size);
            }
        });
    }

    /** The name the uploader gave, only as a suggestion to save under, encoded (RFC 6266 and 8187). */
    static String disposition(boolean inline, String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return (inline ? "inline" : "attachment") + "; filename*=UTF-8''" + encoded;
    }

    private static void gone(RoutingContext rc) {
        HttpErrors.error(rc, 404, "no-such-file", "There is no such file here.");
    }
}
