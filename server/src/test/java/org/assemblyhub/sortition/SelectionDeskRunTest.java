package org.assemblyhub.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.sortition.desk.DeskRefusal;
import org.assemblyhub.sortition.desk.SortitionDesk;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.solver.ortools.OrToolsSolver;
import org.assemblyhub.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/** The desk's runs on their own worker: queued, cancelled before or during, kept across a restart, refused clearly. */
class SelectionDeskRunTest {
    static final String SETTINGS = "id_column = \"id\"\nnumber_wanted = 2\nselection_algorithm = \"maximin\"\n";
    static final String QUOTAS = "feature,value,min,max\ngroup,a,1,1\ngroup,b,1,1\n";
    static final String PEOPLE =
            "id,group,email\n1,a,x@example.org\n2,a,y@example.org\n3,b,z@example.org\n4,b,w@example.org\n";

    /** Runs what it is given only when asked: the test decides when the worker gets to it. */
    static final class HeldWorker implements Executor {
        final ArrayDeque<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            while (!queued.isEmpty()) queued.poll().run();
        }
    }

    static SortitionDesk desk(Path dir, Executor worker) {
        return new SortitionDesk(dir, worker, OrToolsSolver::new, new MutableClock(), new SplittableRandom(7));
    }

    static String state(SortitionDesk desk) {
        return desk.status().getJsonObject("run").getString("state");
    }

    @Test
    void a_run_waits_for_the_worker_and_a_cancel_before_it_starts_ends_it(@TempDir Path dir) {
        HeldWorker worker = new HeldWorker();
        SortitionDesk desk = desk(dir, worker);
        desk.load(PEOPLE, QUOTAS, SETTINGS);
        desk.start(Algorithm.MAXIMIN);
        assertThat(state(desk)).isEqualTo("queued");
        assertThatThrownBy(() -> desk.start(Algorithm.MAXIMIN))
                .isInstanceOfSatisfying(
                        DeskRefusal.class, r -> assertThat(r.code()).isEqualTo("sortition-running"));
        assertThatThrownBy(() -> desk.load(PEOPLE, QUOTAS, SETTINGS))
                .isInstanceOfSatisfying(
                        DeskRefusal.class, r -> assertThat(r.code()).isEqualTo("sortition-running"));
        desk.cancel();
        worker.runAll();
        assertThat(state(desk)).isEqualTo("cancelled");
        assertThat(desk.status().containsKey("outcome")).isFalse();
    }

    @Test
    void a_finished_run_survives_a_restart_of_the_hub(@TempDir Path dir) {
        HeldWorker worker = new HeldWorker();
        SortitionDesk desk = desk(dir, worker);
        desk.load(PEOPLE, QUOTAS, SETTINGS);
        desk.start(Algorithm.MAXIMIN);
        worker.runAll();
        JsonObject before = desk.status().getJsonObject("outcome");
        assertThat(before.getDouble("lowest")).isEqualTo(0.5, offset(1e-6));

        SortitionDesk restarted = desk(dir, new HeldWorker());
        assertThat(state(restarted)).isEqualTo("done");
        assertThat(restarted.status().getJsonObject("outcome").getDouble("lowest"))
                .isEqualTo(before.getDouble("lowest"));
        assertThat(restarted.status().getJsonObject("inputs").getInteger("poolSize"))
                .isEqualTo(4);
    }

    @Test
    void a_server_where_the_solver_cannot_load_says_so_with_a_code(@TempDir Path dir) {
        SortitionDesk desk = new SortitionDesk(
                dir,
                Runnable::run,
                () -> {
                    throw new UnsatisfiedLinkError("no jniortools in java.library.path");
                },
                new MutableClock(),
                new SplittableRandom(7));
        desk.load(PEOPLE, QUOTAS, SETTINGS);
        assertThatThrownBy(() -> desk.start(Algorithm.MAXIMIN)).isInstanceOfSatisfying(DeskRefusal.class, r -> {
            assertThat(r.code()).isEqualTo("solver-unavailable");
            assertThat(r.status()).isEqualTo(503);
        });
    }
}
