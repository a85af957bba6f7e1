package org.assemblyhub.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.learning.library.ContentCheck;
import org.assemblyhub.learning.library.FileFacts;
import org.assemblyhub.learning.library.FileKind;
import org.assemblyhub.learning.library.FileStore;
import org.assemblyhub.learning.library.SavedFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The demo's learning phase, so that `./hub demo` shows it at once: a public module by the demo's expert with a short
 * reading (a Markdown file stored and checked like an upload) to prepare before the evening and a quiz on it, a link
 * to a public report, and questions to the expert — one answered in writing (the public archive), one in the queue
 * with a vote, one waiting for a facilitator.
 */
final class DemoLearning {
    private static final String READING = "demo/reading-emissions.md";

    private DemoLearning() {}

    static Future<Void> seed(EngineClient engines, String assemblyId, Path dataDir) {
        JsonObject reading;
        try {
            reading = storeReading(assemblyId, dataDir);
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
        Function<JsonObject, Future<JsonObject>> organiser =
                command -> send(engines, assemblyId, "organiser-1", "organiser", command);
        return organiser
                .apply(command(
                        "publish-module",
                        new JsonObject()
                                .put("title", "Comprendre nos émissions")
                                .put(
                                        "summary",
                                        "Avant la soirée : une lecture de cinq minutes, un quiz, et vos questions à l'experte.")
                                .put("public", true)
                                .put("authors", new JsonArray().add("e1"))))
                .compose(x -> send(
                        engines,
                        assemblyId,
                        null,
                        null,
                        command("store-file", reading.copy().put("by", "e1"))))
                .compose(x -> send(
                        engines,
                        assemblyId,
                        "e1",
                        "expert",
                        command(
                                "publish-item",
                                new JsonObject()
                                        .put("moduleId", "m1")
                                        .put("kind", "reading")
                                        .put("title", "D'où viennent les émissions de notre ville ?")
                                        .put("speaker", "Dr Karima Nguyen")
                                        .put("file", reading.getString("hash"))
                                        .put("prepareFor", "evening")
                                        .put("task", quiz()))))
                .compose(x -> send(
                        engines,
                        assemblyId,
                        "e1",
                        "expert",
                        command(
                                "publish-item",
                                new JsonObject()
                                        .put("moduleId", "m1")
                                        .put("kind", "link")
                                        .put("title", "Le résumé du GIEC pour les décideurs")
                                        .put("url", "https://www.ipcc.ch/report/ar6/syr/"))))
                .compose(x -> send(
                        engines,
                        assemblyId,
                        "m2",
                        "member",
                        command(
                                "ask-question",
                                new JsonObject()
                                        .put(
                                                "text",
                                                "Combien coûterait une ligne de bus de plus dans mon quartier ?"))))
                .compose(
                        x -> send(
                                engines,
                                assemblyId,
                                "m5",
                                "member",
                                command(
                                        "ask-question",
                                        new JsonObject()
                                                .put(
                                                        "text",
                                                        "Les voitures électriques suffisent-elles à réduire les émissions des trajets ?"))))
                .compose(x -> send(
                        engines,
                        assemblyId,
                        "m7",
                        "member",
                        command(
                                "ask-question",
                                new JsonObject().put("text", "Qui paiera la rénovation des immeubles anciens ?"))))
                .compose(x -> send(engines, assemblyId, "f1", "facilitator", command("approve-question", id("q1"))))
                .compose(x -> send(engines, assemblyId, "f1", "facilitator", command("approve-question", id("q2"))))
                .compose(x -> send(engines, assemblyId, "m3", "member", command("upvote-question", id("q1"))))
                .compose(x -> send(
                        engines,
                        assemblyId,
                        "e1",
                        "expert",
                        command(
                                "answer-question",
                                id("q2").put(
                                                "text",
                                                "Elles aident, mais ne suffisent pas : leur fabrication émet, et elles ne réduisent "
                                                        + "ni les embouteillages ni la place prise par la voiture. Les trajets courts à pied, "
                                                        + "à vélo ou en bus comptent autant."))))
                .mapEmpty();
    }

    /** The reading, stored and checked as an upload is; the {@code store-file} arguments. */
    private static JsonObject storeReading(String assemblyId, Path dataDir) throws Exception {
        FileStore store = new FileStore(dataDir);
        SavedFile saved;
        try (InputStream in = DemoLearning.class.getClassLoader().getResourceAsStream(READING)) {
            if (in == null) throw new IOException(READING + " is missing from the jar");
            saved = store.store(assemblyId, FileKind.MARKDOWN, FileKind.MARKDOWN.defaultLimit(), in);
        }
        FileFacts facts = new ContentCheck().check(FileKind.MARKDOWN, saved.path());
        return new JsonObject()
                .put("hash", saved.hash())
                .put("kind", "markdown")
                .put("mediaType", facts.mediaType())
                .put("bytes", saved.bytes())
                .put("name", "lecture-emissions.md");
    }

    private static JsonObject quiz() {
        return new JsonObject()
                .put("kind", "quiz")
                .put("prompt", "Vérifiez ce que vous avez retenu")
                .put(
                        "questions",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("text", "Quelle est la plus grande source d'émissions locales ?")
                                        .put(
                                                "options",
                                                new JsonArray()
                                                        .add("Les déplacements")
                                                        .add("Les cantines"))
                                        .put("correct", 0)
                                        .put("feedback", "Les déplacements : voitures, camionnettes et poids lourds."))
                                .add(new JsonObject()
                                        .put("text", "Quelle part des trajets en voiture fait moins de 5 km ?")
                                        .put(
                                                "options",
                                                new JsonArray()
                                                        .add("Un sur dix")
                                                        .add("La moitié"))
                                        .put("correct", 1)
                                        .put(
                                                "feedback",
                                                "La moitié : beaucoup pourraient se faire à vélo ou en bus.")));
    }

    private static JsonObject command(String name, JsonObject args) {
        return new JsonObject().put("name", name).put("args", args);
    }

    private static JsonObject id(String questionId) {
        return new JsonObject().put("questionId", questionId);
    }

    private static Future<JsonObject> send(
            EngineClient engines, String assemblyId, String personId, String role, JsonObject command) {
        JsonObject actor = personId == null
                ? new JsonObject().put("hub", true) // what the upload route sends once a file is stored
                : new JsonObject().put("personId", personId).put("role", role);
        JsonObject request = command.copy().put("actor", actor);
        return engines.engine(assemblyId, "command", request)
                .compose(answer -> Answers.isError(answer)
                        ? Future.failedFuture(command.getString("name") + ": " + answer.getString("message"))
                        : Future.succeededFuture(answer));
    }
}
