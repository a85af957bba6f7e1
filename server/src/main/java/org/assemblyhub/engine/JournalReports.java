package org.assemblyhub.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.kernel.plug.JournalReport;
import org.assemblyhub.store.EventStore;

import java.time.Instant;
import java.util.Optional;

/**
 * Reports made by replaying the journal ({@link JournalReport}, offered by the capabilities: the attendance): the
 * journal replayed on a worker into a model of its own, each record unsealed and folded by the same rules that ran
 * it, then handed to the report with the model just after it. The engine's own model is only asked, on its thread,
 * whether the request makes sense. One report at a time per assembly (each holds a second model): the same request
 * made meanwhile shares its answer, another one is told the hub is busy. Used on the engine's thread.
 */
final class JournalReports {
    private String runningFor;
    private Future<JsonObject> running;

    /** {@code request}: {@code name} (the report's) and its own fields. */
    Future<JsonObject> make(
            Vertx vertx,
            Rules rules,
            EventStore store,
            PersonalSeals seals,
            String assemblyId,
            Model model,
            JsonObject request,
            Instant now) {
        if (!model.roster().exists())
            return Future.succeededFuture(Answers.error("no-such-assembly", "This assembly does not exist."));
        Optional<JournalReport> report = rules.report(request.getString("name", ""));
        if (report.isEmpty()) return Future.succeededFuture(Answers.error("unknown-op", "There is no such report."));
        Optional<JsonObject> refused = report.get().refuse(model, request);
        if (refused.isPresent()) return Future.succeededFuture(refused.get());
        String key = request.encode();
        if (running != null) {
            return key.equals(runningFor)
                    ? running
                    : Future.succeededFuture(
                            Answers.error("busy", "Another report is being made; try again in a moment."));
        }
        Future<JsonObject> made =
                replay(vertx, rules, store, seals, assemblyId, report.get().reader(request), now);
        runningFor = key;
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
            JournalReport.Reader reader,
            Instant now) {
        Model replayed = rules.newModel();
        return store.replay(assemblyId, 0, record -> {
                    RecordedEvent recorded =
                            rules.codec().decodeChained(record, seals).recorded();
                    rules.evolve(replayed, recorded.event());
                    reader.accept(recorded.at(), recorded.event(), replayed);
                })
                .compose(last -> vertx.executeBlocking(() -> reader.finish(replayed, now), false));
    }
}
