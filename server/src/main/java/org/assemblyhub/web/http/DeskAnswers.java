package org.assemblyhub.web.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.assemblyhub.sortition.desk.DeskRefusal;
import org.assemblyhub.sortition.domain.InputProblem;
import org.assemblyhub.support.BoundedWorkers;

import java.util.LinkedHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The desk's answers as they cross the event bus ({@code {status, body}}) and reach the organiser over HTTP. */
final class DeskAnswers {
    private static final Logger LOG = Logger.getLogger(DeskAnswers.class.getName());

    private DeskAnswers() {}

    /** Every failure of the desk as a coded answer (the problems of refused files with it). */
    static JsonObject refusal(Throwable failure) {
        if (failure instanceof Senders.Refused refused) return answer(refused.refusal.status(), refused.refusal.body());
        if (failure instanceof DeskRefusal refusal) {
            JsonObject body = new JsonObject().put("code", refusal.code()).put("message", refusal.getMessage());
            if (!refusal.problems().isEmpty()) {
                JsonArray problems = new JsonArray();
                for (InputProblem p : refusal.problems()) {
                    problems.add(new JsonObject()
                            .put("where", p.where())
                            .put("message", p.message())
                            .put("code", p.code())
                            .put("args", new JsonObject(new LinkedHashMap<String, Object>(p.args()))));
                }
                body.put("problems", problems);
            }
            return answer(refusal.status(), body);
        }
        if (failure instanceof BoundedWorkers.Busy)
            return error(503, "busy", "The hub is busy: please try again in a few seconds.");
        LOG.log(Level.WARNING, "the selection desk failed", failure); // the failure only: never a request's body
        return error(500, "internal-error", "Something went wrong on the hub; nothing changed.");
    }

    static DeskRefusal noSuchFile() {
        return new DeskRefusal(404, "no-such-file", "This file does not exist here, or you may not see it.");
    }

    /** The desk's home did not answer: the assembly is between owners, or a step outlived the wait. */
    static JsonObject away() {
        return error(
                503,
                "unavailable",
                "The selection desk did not answer. Look at the desk again in a moment before repeating a step.");
    }

    static void reply(RoutingContext rc, JsonObject answer) {
        HttpErrors.json(rc, answer.getInteger("status", 500), answer.getJsonObject("body", new JsonObject()));
    }

    static void refuse(RoutingContext rc, Throwable failure) {
        reply(rc, refusal(failure));
    }

    private static JsonObject answer(int status, JsonObject body) {
        return new JsonObject().put("status", status).put("body", body);
    }

    private static JsonObject error(int status, String code, String message) {
        return answer(status, new JsonObject().put("code", code).put("message", message));
    }
}
