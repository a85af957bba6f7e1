package org.assemblyhub.sortition.desk;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.sortition.domain.Distribution;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.select.Cancellation;
import org.assemblyhub.sortition.select.Progress;
import org.assemblyhub.sortition.select.Selection;
import org.assemblyhub.sortition.select.SelectionOutcome;
import org.assemblyhub.sortition.select.SelectionRun;
import org.assemblyhub.sortition.solver.MathSolver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One run of an algorithm on one set of inputs, from waiting for the desk's worker to its outcome: its state and
 * progress for the screen (read from any thread), its cancellation (a run still waiting ends at once, a running one
 * at its next step) and its budget ({@link #BUDGET}: past it the run stops and fails as {@link #TOO_LONG}).
 */
final class SelectionJob {
    /** Where a run is. */
    enum State {
        QUEUED,
        RUNNING,
        DONE,
        INFEASIBLE,
        CANCELLED,
        FAILED
    }

    /** A run that takes longer stops: the desk's one thread is shared by the hub's assemblies. */
    static final Duration BUDGET = Duration.ofMinutes(30);

    /** The reason of a failed run that screens translate: it ran past {@link #BUDGET}. */
    static final String TOO_LONG = "too-long";

    private static final Duration SOLVER_CALL_LIMIT = Duration.ofMinutes(2);

    /**
     * Leximin's later stages and Goldilocks' floors stop here and keep the best distribution so far (said on every
     * screen as cut short): selections are made weeks before the evenings, so the organiser can wait longer than the
     * solver's default, and it still ends well within {@link #BUDGET}.
     */
    static final Duration ALGORITHM_BUDGET = Duration.ofMinutes(20);

    final PoolInputs inputs;
    final Algorithm algorithm;
    private final Clock clock;
    private final Instant startedAt;
    private final Cancellation cancellation = new Cancellation();
    private volatile State state = State.QUEUED;
    private volatile Progress progress;
    private volatile Instant endedAt;
    private volatile SelectionOutcome outcome;
    private volatile boolean overBudget;

    SelectionJob(PoolInputs inputs, Algorithm algorithm, Clock clock) {
        this.inputs = inputs;
        this.algorithm = algorithm;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** A run finished before a restart, read back from its file. */
    static SelectionJob finished(PoolInputs inputs, SelectionOutcome.Selected selected, Clock clock) {
        SelectionJob job = new SelectionJob(inputs, selected.algorithm(), clock);
        job.end(selected);
        return job;
    }

    /** The run's outcome when it found a distribution (complete or cut short). */
    Optional<SelectionOutcome.Selected> selected() {
        return outcome instanceof SelectionOutcome.Selected s ? Optional.of(s) : Optional.empty();
    }

    /** Runs it, on the desk's worker thread; returns once it has an outcome. */
    void run(MathSolver solver, RandomGenerator random) {
        synchronized (this) {
            if (state != State.QUEUED) return; // cancelled while it waited
            state = State.RUNNING;
        }
        Instant deadline = startedAt.plus(BUDGET);
        SelectionRun run = new SelectionRun(
                        solver,
                        random,
                        p -> {
                            progress = p;
                            if (clock.instant().isAfter(deadline)) {
                                overBudget = true;
                                cancellation.cancel();
                            }
                        },
                        cancellation,
                        SOLVER_CALL_LIMIT)
                .withBudget(ALGORITHM_BUDGET);
        SelectionOutcome result;
        try {
            result = Selection.select(inputs.problem(), algorithm, run);
        } catch (Throwable e) { // an Error too: the run must end, or the screen would say "running" for ever
            result = new SelectionOutcome.Failed(e.getClass().getSimpleName());
        }
        end(overBudget ? new SelectionOutcome.Failed(TOO_LONG) : result);
    }

    synchronized void cancel() {
        cancellation.cancel();
        if (state == State.QUEUED) end(new SelectionOutcome.Cancelled());
    }

    private synchronized void end(SelectionOutcome result) {
        outcome = result;
        endedAt = clock.instant();
        if (result instanceof SelectionOutcome.Selected) state = State.DONE;
        else if (result instanceof SelectionOutcome.Infeasible) state = State.INFEASIBLE;
        else if (result instanceof SelectionOutcome.Cancelled) state = State.CANCELLED;
        else state = State.FAILED;
    }

    boolean busy() {
        State s = state;
        return s == State.QUEUED || s == State.RUNNING;
    }

    SelectionOutcome outcome() {
        return outcome;
    }

    /** Whether leximin stopped at its budget (then the name committed says so). */
    boolean cutShort() {
        return outcome instanceof SelectionOutcome.Selected s && !s.complete();
    }

    /** The distribution found, once the run is done. */
    Optional<Distribution> distribution() {
        return outcome instanceof SelectionOutcome.Selected s ? Optional.of(s.distribution()) : Optional.empty();
    }

    /** The run as the screen shows it: state, algorithm, seconds, progress, why it failed. */
    JsonObject status() {
        JsonObject run =
                new JsonObject().put("state", state.name().toLowerCase()).put("algorithm", algorithm.settingName());
        Instant until = endedAt == null ? clock.instant() : endedAt;
        run.put("seconds", Duration.between(startedAt, until).toMillis() / 1000.0);
        Progress p = progress;
        if (p != null) run.put("progress", DeskViews.progress(p));
        if (outcome instanceof SelectionOutcome.Failed f) {
            if (TOO_LONG.equals(f.reason())) run.put("failureCode", TOO_LONG);
            else run.put("failure", f.reason());
        }
        return run;
    }
}
