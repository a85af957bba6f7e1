package org.assemblyhub.sortition.desk;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Shareable;
import org.assemblyhub.sortition.solver.MathSolver;
import org.assemblyhub.sortition.solver.ortools.OrToolsSolver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The selection desks of this hub process, one per assembly, shared by its gateways. Selections run one at a time on
 * a thread of their own at the lowest priority: a long run never holds an event loop or an engine, and an assembly's
 * evening on the same hub keeps the CPU it needs.
 */
public final class SortitionDesks implements Shareable {
    private static final String SHARED_MAP = "assembly-hub.sortition-desks";

    private final Path root;
    private final ExecutorService worker;
    private final Supplier<MathSolver> solvers;
    private final Clock clock;
    private final RandomGenerator random;
    private final ConcurrentHashMap<String, SortitionDesk> desks = new ConcurrentHashMap<>();

    public SortitionDesks(
            Path root, ExecutorService worker, Supplier<MathSolver> solvers, Clock clock, RandomGenerator r) {
        this.root = root;
        this.worker = worker;
        this.solvers = solvers;
        this.clock = clock;
        this.random = r;
    }

    /** Where an engine says people were erased ({@code {assemblyId, people}}): their pool rows are blanked. */
    public static final String ERASED = "sortition.desk.erased";

    /** This process's desks, their files under {@code dataDir/sortition/}. */
    public static SortitionDesks of(Vertx vertx, Path dataDir) {
        return (SortitionDesks) vertx.sharedData()
                .<String, SortitionDesks>getLocalMap(SHARED_MAP)
                .computeIfAbsent("desks", k -> {
                    ExecutorService worker = Executors.newSingleThreadExecutor(run -> {
                        Thread t = new Thread(run, "assembly-hub-sortition");
                        t.setDaemon(true);
                        t.setPriority(Thread.MIN_PRIORITY);
                        return t;
                    });
                    SortitionDesks desks = new SortitionDesks(
                            dataDir.resolve("sortition"),
                            worker,
                            OrToolsSolver::new,
                            Clock.systemUTC(),
                            new SecureRandom());
                    vertx.eventBus().<JsonObject>localConsumer(ERASED, message -> desks.erased(message.body()));
                    return desks;
                });
    }

    /** Blanks the erased people's pool rows on the desks' thread, for an assembly that has a desk's files. */
    private void erased(JsonObject body) {
        String assemblyId = body.getString("assemblyId", "");
        if (!assemblyId.matches("[a-z0-9-]{1,64}") || !Files.isDirectory(root.resolve(assemblyId))) return;
        Set<String> people = new HashSet<>();
        body.getJsonArray("people", new JsonArray()).forEach(p -> people.add(String.valueOf(p)));
        worker.execute(() -> of(assemblyId).forget(people));
    }

    /** {@code assemblyId} is an id the engine knows (checked by the caller before any file is touched). */
    public SortitionDesk of(String assemblyId) {
        if (!assemblyId.matches("[a-z0-9-]{1,64}")) throw new IllegalArgumentException("not an assembly id");
        return desks.computeIfAbsent(
                assemblyId, id -> new SortitionDesk(root.resolve(id), worker, solvers, clock, random));
    }
}
