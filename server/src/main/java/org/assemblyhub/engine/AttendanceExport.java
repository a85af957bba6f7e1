package org.assemblyhub.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Agenda;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.records.AttendanceCsv;
import org.assemblyhub.records.AttendanceFold;
import org.assemblyhub.records.AttendanceRow;
import org.assemblyhub.store.EventStore;

import java.time.Instant;
import java.util.List;

/**
 * The attendance report (for members' compensation and for evaluation) as CSV text: the journal replayed on a worker
 * into a model of its own, each record folded by {@link AttendanceFold} with the model just after it, so groups and
 * sessions are read through the same rules that ran them. The engine's own model is only asked, on its thread,
 * whether the assembly and the session exist. One report at a time per assembly (each holds a second model): the
 * same request made meanwhile shares its answer, another one is told the hub is busy. Used on the engine's thread.
 */
final class AttendanceExport {
    private String runningFor;
    private Future<JsonObject> running;

    /** {@code sessionId}: that session's holdings only; null: every session held. */
    Future<JsonObject> export(
            Vertx vertx,
            Rules rules,
            EventStore store,
            PersonalSeals seals,
            String assemblyId,
            Model model,
            String sessionId,
            Instant now) {
        if (!model.roster().exists())
            return Future.succeededFuture(Answers.error("no-such-assembly", "This assembly does not exist."));
        if (sessionId != null
                && model.agenda().schedule().stream().map(Agenda.Scheduled::id).noneMatch(sessionId::equals)) {
            return Future.succeededFuture(
                    Answers.error("no-such-session", "The script has no session '" + sessionId + "'."));
        }
        String request = sessionId == null ? "" : "session " + sessionId;
        if (running != null) {
            return request.equals(runningFor)
                    ? running
                    : Future.succeededFuture(
                            Answers.error("busy", "Another attendance report is being made; try again in a moment."));
        }
        Future<JsonObject> made = replay(vertx, rules, store, seals, assemblyId, sessionId, now);
        runningFor = request;
        running = made;
        made.onComplete(done -> {
            if (running == made) running = null;
        });
        return made;
    }

    private static Future<JsonObject> replay(
            Vertx vertx,
            Rules rules,
            EventStore store,
            PersonalSeals seals,
            String assemblyId,
            String sessionId,
            Instant now) {
        Model replayed = rules.newModel();
        AttendanceFold fold = new AttendanceFold();
        return store.replay(assemblyId, 0, record -> {
                    RecordedEvent recorded =
                            rules.codec().decodeChained(record, seals).recorded();
                    rules.evolve(replayed, recorded.event());
                    fold.accept(recorded.at(), recorded.event(), replayed);
                })
                .compose(last -> vertx.executeBlocking(
                        () -> {
                            List<AttendanceRow> rows = fold.rows(replayed.roster(), now).stream()
                                    .filter(r ->
                                            sessionId == null || r.sessionId().equals(sessionId))
                                    .toList();
                            return AttendanceCsv.write(rows);
                        },
                        false))
                .map(csv -> new JsonObject().put("status", "ok").put("csv", csv));
    }
}
