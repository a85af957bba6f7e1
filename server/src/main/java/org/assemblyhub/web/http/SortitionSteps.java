package org.assemblyhub.web.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.kernel.plug.Answers;
import org.assemblyhub.sortition.SortitionWire;
import org.assemblyhub.sortition.desk.DeskAddresses;
import org.assemblyhub.sortition.desk.DeskRefusal;
import org.assemblyhub.sortition.desk.SortitionDesk;
import org.assemblyhub.sortition.desk.SortitionDesks;
import org.assemblyhub.sortition.draw.Draw;
import org.assemblyhub.sortition.draw.Hashes;
import org.assemblyhub.sortition.ledger.SeedLines;
import org.assemblyhub.sortition.replace.Replacement;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.view.SortitionView;
import org.assemblyhub.store.AssemblyIds;
import org.assemblyhub.support.BoundedWorkers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The selection desk's steps, on the node that owns the assembly: whichever node an organiser's request reached
 * checked who sends it and read its body, then forwarded it here ({@link DeskAddresses}), so that the desk's run, its
 * progress and its one step at a time live in one place. Each step first brings the desk's files in line with what
 * the assembly recorded; the desk's work (reading files, rounding, writing) runs on workers, and each public fact is
 * recorded by the assembly before it is published. Every answer is {@code {status, body}}: a refusal is an answer.
 */
final class SortitionSteps {
    private static final int MAX_SEED_INPUTS = 20;
    private static final int MAX_INPUT = 500;
    private static final int MAX_PLAN = 2_000;

    private final EngineClient engines;
    private final SortitionDesks desks;
    private final BoundedWorkers workers;
    private final SortitionRoster roster;

    SortitionSteps(Vertx vertx, EngineClient engines, String publicUrl, Path dataDir, BoundedWorkers workers) {
        this.engines = engines;
        this.desks = SortitionDesks.of(vertx, dataDir);
        this.workers = workers;
        this.roster = new SortitionRoster(engines, publicUrl, workers);
    }

    /** Takes this node's share of the desks' steps (each gateway of the node registers one). */
    void serve(Vertx vertx) {
        vertx.eventBus().<JsonObject>localConsumer(DeskAddresses.STEPS, asked -> answer(asked.body())
                .onComplete(done -> asked.reply(done.result())));
    }

    /**
     * The request of the desk: who asks (checked by the node that took it), the JSON body, the caller's token, and
     * the selection as the assembly recorded it (its public section; empty before the commitment).
     */
    record Ask(String assemblyId, JsonObject who, JsonObject body, String token, JsonObject section) {}

    private interface Work {
        Future<JsonObject> on(SortitionDesk desk, Ask ask);
    }

    /** {@code {step, assemblyId, who, body, token}} → {@code {status, body}}; never a failed future. */
    Future<JsonObject> answer(JsonObject request) {
        String step = request.getString("step", "");
        Ask ask = new Ask(
                request.getString("assemblyId", ""),
                request.getJsonObject("who", new JsonObject()),
                request.getJsonObject("body", new JsonObject()),
                request.getString("token"),
                new JsonObject());
        if (!AssemblyIds.isValid(ask.assemblyId()))
            return Future.succeededFuture(
                    DeskAnswers.refusal(new DeskRefusal(404, "no-such-assembly", "This assembly does not exist.")));
        Future<JsonObject> done;
        try {
            done = switch (step) {
                case "status" -> step(ask, false, (desk, a) -> work(desk::status));
                case "inputs" -> step(ask, true, this::inputs);
                case "run" -> step(ask, true, this::run);
                case "cancel" -> step(
                        ask,
                        false,
                        (desk, a) -> work(() -> {
                            desk.cancel();
                            return desk.status();
                        }));
                case "commit" -> step(ask, true, this::commit);
                case "draw" -> step(ask, true, this::draw);
                case "seat" -> step(ask, true, this::seat);
                case "replace" -> step(ask, true, this::replace);
                case "own-file" -> ownFile(ask);
                case "published-file" -> publishedFile(ask);
                default -> Future.failedFuture(new DeskRefusal(404, "unknown-op", "No such step of the selection."));
            };
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        return done.map(body -> new JsonObject().put("status", 200).put("body", body))
                .otherwise(DeskAnswers::refusal);
    }

    /** The desk's files made to follow the record; then, for a step that changes something, one at a time. */
    private Future<JsonObject> step(Ask ask, boolean changes, Work work) {
        SortitionDesk desk = desks.of(ask.assemblyId());
        if (changes && !desk.beginStep())
            return Future.failedFuture(new DeskRefusal(
                    409,
                    "sortition-step-running",
                    "Another step of the selection is under way: try again in a moment."));
        Future<JsonObject> done = reconciled(desk, ask).compose(now -> work.on(desk, now));
        return changes ? done.andThen(v -> desk.endStep()) : done;
    }

    /** The organiser's downloads (chances, the panel and the alternates with contacts) as {@code {text}}. */
    private Future<JsonObject> ownFile(Ask ask) {
        String name = ask.body().getString("name", "");
        return work(() -> desks.of(ask.assemblyId())
                .organiserFile(name)
                .map(text -> new JsonObject().put("text", text))
                .orElseThrow(DeskAnswers::noSuchFile));
    }

    /**
     * A published file as {@code {bytes}} (base64), once the caller checked that the assembly recorded it; a
     * committed file must have the hash the assembly recorded ({@code hash}), or nothing is served.
     */
    private Future<JsonObject> publishedFile(Ask ask) {
        String name = ask.body().getString("name", "");
        String recorded = ask.body().getString("hash");
        if (!SortitionView.COMMITTED_FILES.contains(name)
                && !SortitionView.DRAW_FILES.contains(name)
                && !SortitionView.REPLACEMENTS_FILE.equals(name)) return Future.failedFuture(DeskAnswers.noSuchFile());
        return work(() -> {
            byte[] bytes = desks.of(ask.assemblyId()).publishedFile(name).orElseThrow(DeskAnswers::noSuchFile);
            if (recorded != null && !recorded.equals(Hashes.sha256Hex(bytes)))
                throw new DeskRefusal(500, "sortition-damaged", "The file " + name + " differs from the record.");
            return new JsonObject().put("bytes", Base64.getEncoder().encodeToString(bytes));
        });
    }

    /** The assembly's record read, the desk's files made to follow it; the ask now carries the record. */
    private Future<Ask> reconciled(SortitionDesk desk, Ask ask) {
        return section(ask)
                .compose(section -> work(() -> {
                    desk.reconcile(section);
                    return section;
                }))
                .map(section -> new Ask(ask.assemblyId(), ask.who(), ask.body(), ask.token(), section));
    }

    private Future<JsonObject> work(Callable<JsonObject> blocking) {
        return workers.submit(blocking);
    }

    private Future<JsonObject> inputs(SortitionDesk desk, Ask ask) {
        String people = DeskArgs.text(ask.body(), "people");
        String quotas = DeskArgs.text(ask.body(), "quotas");
        return work(() -> desk.load(people, quotas, DeskArgs.settings(ask.body())));
    }

    private Future<JsonObject> run(SortitionDesk desk, Ask ask) {
        Algorithm algorithm = DeskArgs.algorithm(ask.body());
        return work(() -> {
            desk.start(algorithm);
            return desk.status();
        });
    }

    /** Stage the files, have the assembly record the commitment, then publish (or drop) what was staged. */
    private Future<JsonObject> commit(SortitionDesk desk, Ask ask) {
        String plan = DeskArgs.bounded(DeskArgs.text(ask.body(), "seedPlan"), MAX_PLAN, "seedPlan");
        if (plan.isBlank())
            return Future.failedFuture(new DeskRefusal(
                    422, "seed-plan-required", "Say, before the commitment, where the seed's numbers will come from."));
        List<String> sources = new ArrayList<>();
        for (String s :
                DeskArgs.strings(ask.body(), "seedSources", SortitionWire.MAX_SOURCES, SortitionWire.MAX_SOURCE)) {
            if (s.contains("\n") || s.contains("\r"))
                throw new DeskRefusal(422, "invalid-args", "Each source of the seed is one line.");
            if (!s.isBlank() && !sources.contains(s.strip())) sources.add(s.strip());
        }
        if (sources.isEmpty())
            return Future.failedFuture(new DeskRefusal(
                    422, "seed-plan-required", "Name, before the commitment, each source of the seed's numbers."));
        String by = ask.who().getString("personId");
        return work(() -> desk.stageCommitment(plan, sources, by).command())
                .compose(args -> record(ask.assemblyId(), "record-sortition-commitment", args)
                        .recover(failure -> {
                            // Only a definite refusal drops the staged files: after a timeout the assembly may have
                            // recorded it, and the next look at its record publishes them.
                            if (!definiteRefusal(failure)) return Future.failedFuture(failure);
                            return work(() -> {
                                        desk.commitRefused();
                                        return new JsonObject();
                                    })
                                    .compose(v -> Future.failedFuture(failure));
                        })
                        .compose(recorded -> reconciled(desk, ask))
                        .map(now -> new JsonObject().put("commitment", args.getString("commitment"))));
    }

    /**
     * The draw from one number text per announced source, in the plain form the assembly accepts (no variant of the
     * same numbers can be tried: see {@link SeedLines}); recorded, then its files are published.
     */
    private Future<JsonObject> draw(SortitionDesk desk, Ask ask) {
        String commitment = ask.section().getString("commitment");
        if (commitment == null)
            return Future.failedFuture(
                    new DeskRefusal(409, "sortition-not-committed", "Publish the commitment first."));
        List<String> sources = new ArrayList<>();
        ask.section().getJsonArray("seedSources", new JsonArray()).forEach(src -> sources.add((String) src));
        List<String> said = DeskArgs.strings(ask.body(), "seedNumbers", MAX_SEED_INPUTS, MAX_INPUT);
        if (said.stream().allMatch(String::isBlank))
            return Future.failedFuture(
                    new DeskRefusal(422, "seed-inputs-required", "Enter the announced numbers the seed is made of."));
        List<String> inputs = SeedLines.lines(sources, said)
                .orElseThrow(() -> new DeskRefusal(
                        422,
                        "seed-inputs-mismatch",
                        "Give one number (or numbers) for each announced source, in order, digits only."));
        String by = ask.who().getString("personId");
        return work(() -> {
                    Draw d = desk.previewDraw(inputs);
                    return new JsonObject()
                            .put("commitment", commitment)
                            .put("seedInputs", new JsonArray(new ArrayList<>(inputs)))
                            .put("seed", d.seedHex())
                            .put("panelIndex", d.index())
                            .put("selected", new JsonArray(new ArrayList<>(d.selected())))
                            .put("by", by);
                })
                .compose(args -> record(ask.assemblyId(), "record-sortition-draw", args))
                .compose(recorded -> reconciled(desk, ask))
                .compose(now -> work(desk::status));
    }

    /** Everyone on the panel not yet on the roster joins it as a member; the answer holds their links. */
    private Future<JsonObject> seat(SortitionDesk desk, Ask ask) {
        JsonArray panel = ask.section().getJsonArray("panel");
        if (panel == null) return Future.failedFuture(new DeskRefusal(409, "sortition-not-drawn", "Draw first."));
        List<String> ids = new ArrayList<>();
        panel.forEach(id -> ids.add((String) id));
        return work(() -> new JsonObject().put("rows", desk.rosterRows(ids)))
                .compose(made -> roster.importRows(ask.assemblyId(), ask.who(), desk, made.getJsonArray("rows")));
    }

    /**
     * A member dropped out: the best-matching alternate takes the seat (recorded and published), the dropout's link
     * stops working if they were on the roster, and the newcomer joins it with a link of their own.
     */
    private Future<JsonObject> replace(SortitionDesk desk, Ask ask) {
        String dropout = DeskArgs.text(ask.body(), "poolId").strip();
        if (dropout.isEmpty()) return Future.failedFuture(new DeskRefusal(422, "invalid-args", "Say who dropped out."));
        JsonObject section = ask.section();
        JsonArray panel = section.getJsonArray("panel");
        if (panel == null) return Future.failedFuture(new DeskRefusal(409, "sortition-not-drawn", "Draw first."));
        String by = ask.who().getString("personId");
        List<String> now = new ArrayList<>();
        panel.forEach(id -> now.add((String) id));
        Set<String> seatedBefore = new HashSet<>();
        section.getJsonObject("draw").getJsonArray("selected").forEach(id -> seatedBefore.add((String) id));
        JsonArray replacements = section.getJsonArray("replacements", new JsonArray());
        replacements.forEach(r -> seatedBefore.add(((JsonObject) r).getString("replacement")));
        return work(() -> {
                    Replacement.Replaced r = desk.replacement(dropout, now, seatedBefore);
                    return new JsonObject()
                            .put("dropout", r.dropout())
                            .put("replacement", r.replacement())
                            .put("rank", r.rank())
                            .put("changes", new JsonArray(new ArrayList<>(r.changes())))
                            .put("replacementsBefore", replacements.size())
                            .put("by", by);
                })
                .compose(args -> record(ask.assemblyId(), "record-sortition-replacement", args)
                        .compose(recorded -> reconciled(desk, ask))
                        .compose(after ->
                                work(() -> new JsonObject(new LinkedHashMap<String, Object>(desk.seatedIds()))))
                        .compose(seated ->
                                roster.change(ask.assemblyId(), ask.who(), desk, seated.getString(dropout), args))
                        .map(outcome -> outcome.mergeIn(new JsonObject()
                                .put("dropout", dropout)
                                .put("replacement", args.getString("replacement"))
                                .put("rank", args.getInteger("rank"))
                                .put("changes", args.getJsonArray("changes")))));
    }

    private Future<JsonObject> record(String assemblyId, String name, JsonObject args) {
        JsonObject command = new JsonObject()
                .put("actor", new JsonObject().put("hub", true))
                .put("name", name)
                .put("args", args);
        return engines.engine(assemblyId, "command", command)
                .compose(answer -> Answers.isError(answer) ? refused(answer) : Future.succeededFuture(answer));
    }

    /** The assembly's public selection section (as observers see it), asked of its engine; empty before any. */
    private Future<JsonObject> section(Ask ask) {
        JsonObject request = new JsonObject().put("what", "open-data").put("token", ask.token());
        return engines.engine(ask.assemblyId(), "records", request).compose(answer -> {
            if (Answers.isError(answer)) return refused(answer);
            JsonObject data = answer.getJsonObject("data", new JsonObject());
            return Future.succeededFuture(data.getJsonObject("sortition", new JsonObject()));
        });
    }

    /** A refusal the assembly gave for certain (not a timeout, nor the journal being away). */
    private static boolean definiteRefusal(Throwable failure) {
        if (!(failure instanceof Senders.Refused r)) return false;
        String code = r.refusal.body().getString("code", "");
        return !Set.of("unavailable", "journal-unavailable", "internal-error", "busy")
                .contains(code);
    }

    static <T> Future<T> refused(JsonObject answer) {
        return Future.failedFuture(new Senders.Refused(HttpErrors.statusOf(answer.getString("code")), answer));
    }

    static JsonObject actor(JsonObject who) {
        return new JsonObject().put("personId", who.getString("personId")).put("role", who.getString("role"));
    }
}
