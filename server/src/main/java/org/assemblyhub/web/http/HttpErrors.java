package org.assemblyhub.web.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON answers of the HTTP API: always a code and a human message on failure. */
public final class HttpErrors {
    private HttpErrors() {}

    public static void json(RoutingContext rc, int status, JsonObject body) {
        rc.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }

    public static void error(RoutingContext rc, int status, String code, String message) {
        json(rc, status, new JsonObject().put("code", code).put("message", message));
    }

    /** Maps an engine error code to an HTTP status. */
    public static int statusOf(String code) {
        return switch (code) {
            case "forbidden", "invalid-invitation", "not-public", "not-an-author" -> 403;
            case "no-such-assembly", "no-such-person", "no-such-ballot", "no-such-file", "no-such-session" -> 404;
            case "upload-too-large" -> 413;
            case "files-full" -> 507;
            case "upload-wrong-type" -> 415;
            case "assembly-exists",
                    "duplicate-person",
                    "out-of-phase",
                    "assembly-closed",
                    "phase-unchanged",
                    "session-running",
                    "ballot-open",
                    "sortition-committed",
                    "sortition-drawn",
                    "sortition-not-committed",
                    "sortition-not-drawn",
                    "not-on-panel",
                    "not-an-alternate" -> 409;
            case "unavailable", "journal-unavailable", "busy" -> 503;
            case "rate-limited", "too-many-connections" -> 429;
            default -> 422;
        };
    }
}
