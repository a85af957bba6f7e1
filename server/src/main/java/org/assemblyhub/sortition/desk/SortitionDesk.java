package org.assemblyhub.sortition.desk;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.sortition.domain.Checked;
import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.draw.Commitment;
import org.assemblyhub.sortition.draw.Draw;
import org.assemblyhub.sortition.draw.PanelLottery;
import org.assemblyhub.sortition.draw.PanelLottery.Lottery;
import org.assemblyhub.sortition.format.CommitmentJson;
import org.assemblyhub.sortition.format.PeopleCsv;
import org.assemblyhub.sortition.format.PublishedFiles;
import org.assemblyhub.sortition.replace.Replacement;
import org.assemblyhub.sortition.replace.Replacements;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.select.SelectionOutcome;
import org.assemblyhub.sortition.solver.MathSolver;
import org.assemblyhub.sortition.verify.Publication;
import org.assemblyhub.sortition.view.SortitionView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One assembly's selection desk, on the organiser's side: the pool, quotas and settings read whole; the algorithm run
 * on the desk's own worker (never an event loop, never the engine) with its progress for the screen and a way to
 * cancel it; then the commitment staged for the assembly to record, the draw, the replacements and the people
 * seated. Everything is kept under the data directory ({@link DeskFolder}), so a restart loses no step.
 *
 * <p>The desk does the work; the assembly keeps the order (one commitment, one draw, replacements after it) and
 * publishes the facts. Thread-safe: HTTP requests call it from workers, the run reports from the desk's thread.
 */
public final class SortitionDesk {
    private static final Duration ROUNDING_LIMIT = Duration.ofSeconds(60);

    private final DeskFolder folder;
    private final Executor worker;
    private final Supplier<MathSolver> solvers;
    private final Clock clock;
    private final RandomGenerator random;
    private final Seats seats;

    private PoolInputs inputs;
    /** The last run of the current inputs (null: none yet). */
    private SelectionJob job;

    private String damage;
    private final AtomicBoolean stepping = new AtomicBoolean();

    public SortitionDesk(
            Path root, Executor worker, Supplier<MathSolver> solvers, Clock clock, RandomGenerator random) {
        this.folder = new DeskFolder(root);
        this.worker = worker;
        this.solvers = solvers;
        this.clock = clock;
        this.random = random;
        this.seats = new Seats(folder);
        reload();
    }

    /** After a restart: the inputs and the distribution found, as they were written. */
    private void reload() {
        var people = folder.read(folder.inputs().resolve(DeskFolder.PEOPLE));
        var quotas = folder.read(folder.inputs().resolve(DeskFolder.QUOTAS));
        var settings = folder.read(folder.inputs().resolve(DeskFolder.SETTINGS));
        if (people.isEmpty() || quotas.isEmpty() || settings.isEmpty()) return;
        Checked<PoolInputs> read = PoolInputs.read(people.get(), quotas.get(), settings.get());
        if (!(read instanceof Checked.Valid<PoolInputs> valid)) return;
        inputs = valid.value();
        folder.read(folder.inputs().resolve(DeskFolder.DISTRIBUTION))
                .flatMap(text -> DistributionFile.read(text, inputs.problem()))
                .ifPresent(found -> job = SelectionJob.finished(inputs, found.selected(), clock));
    }

    /**
     * Erased people of the roster who came from this pool: their rows in the private pool file keep only their pool
     * id and features (see {@link PoolScrub}); the organiser's downloads are made from it, so they forget them too.
     */
    public synchronized void forget(Set<String> rosterIds) {
        if (inputs == null) return;
        Set<String> poolIds = new HashSet<>();
        seats.seatedIds().forEach((poolId, rosterId) -> {
            if (rosterIds.contains(rosterId)) poolIds.add(poolId);
        });
        if (poolIds.isEmpty()) return;
        folder.write(
                folder.inputs().resolve(DeskFolder.PEOPLE),
                PoolScrub.blank(
                        inputs.people(),
                        inputs.settings().idColumn(),
                        inputs.problem().quotas().features(),
                        poolIds));
        reload();
    }

    /**
     * Takes new inputs (refused whole with every problem found, or with the reason it is too late); a finished run's
     * result goes with the old inputs.
     */
    public synchronized JsonObject load(String people, String quotas, String settings) {
        if (folder.committed())
            throw new DeskRefusal(409, "sortition-committed", "The selection is committed: its inputs are fixed.");
        if (busy()) throw new DeskRefusal(409, "sortition-running", "A selection is running: cancel it first.");
        if (Files.exists(folder.staging()))
            throw new DeskRefusal(409, "sortition-step-running", "A commitment is being recorded.");
        Checked<PoolInputs> read = PoolInputs.read(people, quotas, settings);
        if (!read.problems().isEmpty()) {
            throw new DeskRefusal(
                    422,
                    "sortition-input-invalid",
                    "The files were not taken: " + read.problems().size() + " problem(s) to fix.",
                    read.problems());
        }
        PoolInputs taken = read.orThrow();
        folder.write(folder.inputs().resolve(DeskFolder.PEOPLE), taken.people());
        folder.write(folder.inputs().resolve(DeskFolder.QUOTAS), taken.quotas());
        folder.write(folder.inputs().resolve(DeskFolder.SETTINGS), settings);
        folder.write(folder.inputs().resolve(DeskFolder.DISTRIBUTION), "");
        inputs = taken;
        job = null;
        return DeskViews.inputs(taken);
    }

    /** Starts the algorithm on the desk's worker; the screen follows it with {@link #status()}. */
    public synchronized void start(Algorithm algorithm) {
        if (inputs == null) throw new DeskRefusal(409, "sortition-no-inputs", "Send the pool and the quotas first.");
        if (folder.committed())
            throw new DeskRefusal(409, "sortition-committed", "The selection is committed: it cannot run again.");
        if (busy()) throw new DeskRefusal(409, "sortition-running", "A selection is already running.");
        MathSolver solver = solver();
        SelectionJob started = new SelectionJob(inputs, algorithm, clock);
        job = started;
        worker.execute(() -> {
            started.run(solver, random);
            finished(started);
        });
    }

    /** The run's distribution is kept on disk, so that a restart does not lose it (if it is still the current one). */
    private synchronized void finished(SelectionJob done) {
        if (done != job) return;
        done.selected()
                .ifPresent(selected -> folder.write(
                        folder.inputs().resolve(DeskFolder.DISTRIBUTION),
                        DistributionFile.write(selected, done.inputs.problem())));
    }

    /** Stops the run at its next step; a run still waiting for the worker ends at once. */
    public synchronized void cancel() {
        if (job != null) job.cancel();
    }

    private boolean busy() {
        return job != null && job.busy();
    }

    /** What the organiser's screen shows: inputs, run, outcome, and where the publication stands. */
    public synchronized JsonObject status() {
        JsonObject out = new JsonObject().put("committed", folder.committed()).put("drawn", folder.drawn());
        if (damage != null) out.put("damage", damage);
        if (inputs != null) out.put("inputs", DeskViews.inputs(inputs));
        out.put("run", job == null ? new JsonObject().put("state", "idle") : job.status());
        SelectionOutcome o = job == null ? null : job.outcome();
        if (o instanceof SelectionOutcome.Selected s && inputs != null) {
            out.put("outcome", DeskViews.outcome(s, inputs));
        } else if (o instanceof SelectionOutcome.Infeasible i) {
            out.put("infeasible", DeskViews.infeasible(i.explanation()));
        }
        if (folder.drawn() && inputs != null) out.put("panel", seats.panelView(inputs, currentDraw()));
        return out;
    }

    /** A commitment staged for the assembly to record: the arguments of its command. */
    public record Staged(Commitment commitment, JsonObject command) {}

    /**
     * Rounds the distribution to m equally likely panels and writes the committed files to the staging folder; the
     * caller records the commitment with the assembly, then calls {@link #commitRecorded(boolean)}.
     */
    public synchronized Staged stageCommitment(String seedPlan, List<String> seedSources, String by) {
        if (folder.committed())
            throw new DeskRefusal(409, "sortition-committed", "The selection is already committed.");
        if (busy())
            throw new DeskRefusal(409, "sortition-running", "A selection is running: wait for it or cancel it.");
        Optional<Distribution> found = job == null ? Optional.empty() : job.distribution();
        if (found.isEmpty() || inputs == null)
            throw new DeskRefusal(409, "sortition-not-selected", "Run a selection to the end before committing it.");
        Algorithm algorithm = job.algorithm;
        Distribution distribution = found.get();
        SelectionProblem problem = inputs.problem();
        Lottery lottery = PanelLottery.round(
                distribution, inputs.settings().panelCount(), problem.size(), solver(), ROUNDING_LIMIT);
        folder.removeStaged();
        Commitment commitment;
        try {
            commitment = Publication.commit(
                    folder.staging(), problem, inputs.settings().with(algorithm), lottery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Fairness fairness = Fairness.of(distribution.probabilities(), problem.panelSize());
        JsonObject files = new JsonObject();
        commitment.fileHashes().forEach(files::put);
        JsonObject command = new JsonObject()
                .put("commitment", commitment.hash())
                .put("files", files)
                .put("algorithm", algorithm.settingName() + (job.cutShort() ? "-cut-short" : ""))
                .put("poolSize", problem.size())
                .put("panelSize", problem.panelSize())
                .put("panelCount", lottery.panels().size())
                .put("maxChange", Math.min(1, lottery.maxChange()))
                .put("lowest", fairness.lowest())
                .put("highest", Math.min(1, fairness.highest()))
                .put("histogram", new JsonArray(new ArrayList<>(fairness.histogram())))
                .put("seedPlan", seedPlan)
                .put("seedSources", new JsonArray(new ArrayList<>(seedSources)))
                .put("by", by);
        return new Staged(commitment, command);
    }

    /** The assembly refused the staged commitment for certain: its files go. */
    public synchronized void commitRefused() {
        folder.removeStaged();
    }

    /**
     * Brings the files in line with what the assembly recorded (its public section: the engine is the truth, the
     * files follow): a staged commitment the assembly recorded is published, one it never recorded goes; a recorded
     * draw whose files are missing is written again from its recorded inputs (and must give the recorded seed); the
     * replacements' file is written from the recorded list. What cannot be made whole is kept as {@code damage},
     * shown to the organiser and refusing every further step — never silently dropped.
     */
    public synchronized void reconcile(JsonObject section) {
        String recorded = section.getString("commitment");
        if (recorded == null) {
            // Files staged by a step under way are its own until the assembly answers (a screen's look at the desk
            // meanwhile must not take them away); those a crash left behind go.
            if (!stepping.get()) folder.removeStaged();
            return;
        }
        if (!folder.committed()) {
            if (recorded.equals(commitmentIn(folder.staging()).orElse(null))) {
                folder.publishStaged();
            } else {
                damage = "The commitment " + recorded
                        + " is recorded, but its files are not in this hub's data directory" + " (" + folder.published()
                        + ").";
                return;
            }
        } else if (!recorded.equals(commitmentIn(folder.published()).orElse(null))) {
            damage = "The published files are not those of the recorded commitment " + recorded + ".";
            return;
        }
        JsonObject draw = section.getJsonObject("draw");
        if (draw != null && !drawFilesWhole()) {
            List<String> lines = new ArrayList<>();
            draw.getJsonArray("seedInputs").forEach(line -> lines.add((String) line));
            try {
                Draw written = Publication.draw(folder.published(), lines);
                if (!written.seedHex().equals(draw.getString("seed")))
                    damage = "The published files give another seed than the recorded draw's.";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        seats.replacementsAre(section.getJsonArray("replacements", new JsonArray()));
    }

    /** Whether a step may start: one at a time per assembly (two organisers, a double click). */
    public boolean beginStep() {
        if (damage != null) throw new DeskRefusal(500, "sortition-damaged", damage);
        return stepping.compareAndSet(false, true);
    }

    public void endStep() {
        stepping.set(false);
    }

    private boolean drawFilesWhole() {
        for (String name : SortitionView.DRAW_FILES) {
            if (!Files.isRegularFile(folder.published().resolve(name))) return false;
        }
        return true;
    }

    private Optional<String> commitmentIn(Path dir) {
        return folder.read(dir.resolve(PublishedFiles.COMMITMENT))
                .flatMap(text -> CommitmentJson.read(text) instanceof Checked.Valid<Commitment> c
                        ? Optional.of(c.value().hash())
                        : Optional.empty());
    }

    /** The draw the announced inputs give, from the published files; nothing is written until it is recorded. */
    public synchronized Draw previewDraw(List<String> seedInputs) {
        if (!folder.committed())
            throw new DeskRefusal(409, "sortition-not-committed", "Publish the commitment before the draw.");
        if (folder.drawn()) throw new DeskRefusal(409, "sortition-drawn", "The panel is already drawn.");
        try {
            return Publication.preview(folder.published(), seedInputs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The best-matching alternate for a member who dropped out, keeping the quotas and the household rule, from the
     * alternates' order fixed at the draw, skipping everyone who ever had a seat.
     */
    public synchronized Replacement.Replaced replacement(String dropout, List<String> panel, Set<String> seatedBefore) {
        if (!folder.drawn()) throw new DeskRefusal(409, "sortition-not-drawn", "Draw the panel first.");
        Draw draw = currentDraw();
        List<String> waiting = draw.alternates().stream()
                .filter(id -> !seatedBefore.contains(id))
                .toList();
        Replacement answer = Replacements.replace(inputs.problem(), panel, dropout, waiting);
        if (answer instanceof Replacement.NotOnPanel)
            throw new DeskRefusal(409, "not-on-panel", "This person is not on the panel.");
        if (answer instanceof Replacement.NoneFits none)
            throw new DeskRefusal(409, "no-alternate-fits", "No alternate keeps the quotas: " + none.reason());
        Replacement.Replaced replaced = (Replacement.Replaced) answer;
        int rank = draw.alternates().indexOf(replaced.replacement()) + 1;
        return new Replacement.Replaced(
                replaced.dropout(),
                replaced.replacement(),
                rank,
                replaced.changes(),
                replaced.panel(),
                replaced.alternates());
    }

    /**
     * The people of {@code poolIds} not yet on the roster, as the roster import takes them (a roster id of their own,
     * a name and e-mail from the contact columns, the features as attributes for balancing groups).
     */
    public synchronized JsonArray rosterRows(List<String> poolIds) {
        if (inputs == null) throw new DeskRefusal(409, "sortition-no-inputs", "Send the pool and the quotas first.");
        return seats.rows(inputs, poolIds, random);
    }

    /** The roster took these rows: remember whom each roster id is. */
    public synchronized void seated(JsonArray rows) {
        seats.seated(rows);
    }

    /** Pool id → roster id of everyone seated so far. */
    public synchronized Map<String, String> seatedIds() {
        return seats.seatedIds();
    }

    /** The organiser's own downloads: never published, names and contacts included. */
    public static final List<String> ORGANISER_FILES = List.of("chances.csv", "selected.csv", "alternates.csv");

    /**
     * {@code chances.csv}: every volunteer's id, features and chance under the run's distribution;
     * {@code selected.csv} and {@code alternates.csv} (in the order fixed at the draw): as sortition-algorithms
     * writes its selected and remaining people, contacts included. Empty until there is something to give.
     */
    public synchronized Optional<String> organiserFile(String name) {
        if (inputs == null) return Optional.empty();
        SelectionProblem problem = inputs.problem();
        if ("chances.csv".equals(name)) {
            return (job == null ? Optional.<Distribution>empty() : job.distribution())
                    .map(d -> Seats.chances(problem, d.probabilities()));
        }
        if (!folder.drawn() || !ORGANISER_FILES.contains(name)) return Optional.empty();
        Draw draw = currentDraw();
        List<String> ids = "selected.csv".equals(name) ? draw.selected() : draw.alternates();
        return Optional.of(PeopleCsv.write(
                ids.stream().map(id -> problem.pool().get(problem.indexOf(id))).toList(),
                problem.quotas(),
                inputs.settings()));
    }

    /** A published file's bytes, if it is there and the desk is whole (never files that differ from the record). */
    public Optional<byte[]> publishedFile(String name) {
        if (damage != null) throw new DeskRefusal(500, "sortition-damaged", damage);
        Path file = folder.published().resolve(name);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Draw currentDraw() {
        List<String> seedInputs = folder.read(folder.published().resolve("seed-inputs.txt"))
                .map(text -> List.of(text.split("\n")))
                .orElse(List.of());
        try {
            return Publication.preview(folder.published(), seedInputs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MathSolver solver() {
        try {
            return solvers.get();
        } catch (RuntimeException | LinkageError e) {
            throw new DeskRefusal(
                    503,
                    "solver-unavailable",
                    "The selection's solver (OR-Tools) cannot run on this server: ask its operator.");
        }
    }
}
