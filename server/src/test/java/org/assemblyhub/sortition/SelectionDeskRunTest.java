package org.assemblyhub.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.sortition.desk.DeskRefusal;
import org.assemblyhub.sortition.desk.SortitionDesk;
import org.assemblyhub.sortition.draw.Draw;
import org.assemblyhub.sortition.select.Algorithm;
import org.assemblyhub.sortition.solver.ortools.OrToolsSolver;
import org.assemblyhub.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
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
        assertThat(state(desk)).as("a run still waiting ends at once").isEqualTo("cancelled");
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

    /** A desk with a finished run and its commitment staged, as just before the assembly records it. */
    static SortitionDesk staged(Path dir) {
        HeldWorker worker = new HeldWorker();
        SortitionDesk desk = desk(dir, worker);
        desk.load(PEOPLE, QUOTAS, SETTINGS);
        desk.start(Algorithm.MAXIMIN);
        worker.runAll();
        return desk;
    }

    @Test
    void a_commitment_recorded_just_before_a_crash_is_published_at_the_next_look(@TempDir Path dir) {
        SortitionDesk desk = staged(dir);
        String hash = desk.stageCommitment("witnesses", List.of("Witness 1"), "organiser-1")
                .commitment()
                .hash();
        SortitionDesk restarted = desk(dir, new HeldWorker()); // the hub died before publishing the staged files
        assertThat(restarted.status().getBoolean("committed")).isFalse();
        restarted.reconcile(new JsonObject().put("commitment", hash));
        assertThat(restarted.status().getBoolean("committed")).isTrue();
        assertThat(restarted.publishedFile("panels.csv")).isPresent();
    }

    @Test
    void a_commitment_never_recorded_leaves_no_file_behind(@TempDir Path dir) {
        SortitionDesk desk = staged(dir);
        desk.stageCommitment("witnesses", List.of("Witness 1"), "organiser-1");
        desk.reconcile(new JsonObject());
        assertThat(desk.status().getBoolean("committed")).isFalse();
        assertThat(dir.resolve("staging")).doesNotExist();
    }

    @Test
    void files_that_do_not_match_the_record_are_reported_and_stop_every_step(@TempDir Path dir) {
        SortitionDesk desk = staged(dir);
        desk.reconcile(new JsonObject().put("commitment", "f".repeat(64)));
        assertThat(desk.status().getString("damage")).contains("f".repeat(64));
        assertThatThrownBy(desk::beginStep).isInstanceOfSatisfying(DeskRefusal.class, r -> assertThat(r.code())
                .isEqualTo("sortition-damaged"));
    }

    @Test
    void a_draw_recorded_before_its_files_were_written_is_written_from_its_recorded_inputs(@TempDir Path dir) {
        SortitionDesk desk = staged(dir);
        String hash = desk.stageCommitment("witnesses", List.of("Witness 1"), "organiser-1")
                .commitment()
                .hash();
        desk.reconcile(new JsonObject().put("commitment", hash));
        List<String> lines = List.of("Witness 1: 4821");
        Draw preview = desk.previewDraw(lines);
        desk.reconcile(new JsonObject()
                .put("commitment", hash)
                .put(
                        "draw",
                        new JsonObject()
                                .put("seedInputs", new JsonArray().add(lines.get(0)))
                                .put("seed", preview.seedHex())));
        assertThat(desk.status().getBoolean("drawn")).isTrue();
        assertThat(new String(desk.publishedFile("draw.txt").orElseThrow())).contains(preview.seedHex());
        assertThat(desk.status().containsKey("damage")).isFalse();
    }

    @Test
    void a_look_at_the_desk_while_a_commitment_is_being_recorded_leaves_its_staged_files_alone(@TempDir Path dir) {
        HeldWorker worker = new HeldWorker();
        SortitionDesk desk = desk(dir, worker);
        desk.load(PEOPLE, QUOTAS, SETTINGS);
        desk.start(Algorithm.MAXIMIN);
        worker.runAll();
        assertThat(desk.beginStep()).isTrue();
        String commitment = desk.stageCommitment("Witnesses", List.of("Witness"), "organiser-1")
                .commitment()
                .hash();

        desk.reconcile(new JsonObject()); // a status read before the assembly recorded it
        desk.reconcile(new JsonObject().put("commitment", commitment)); // the step, once recorded

        assertThat(desk.status().getBoolean("committed")).isTrue();
        assertThat(desk.status().containsKey("damage")).isFalse();
        desk.endStep();
    }

    @Test
    void files_a_crash_left_staged_go_at_the_next_look_when_no_step_is_under_way(@TempDir Path dir) {
        HeldWorker worker = new HeldWorker();
        SortitionDesk desk = desk(dir, worker);
        desk.load(PEOPLE, QUOTAS, SETTINGS);
        desk.start(Algorithm.MAXIMIN);
        worker.runAll();
        String commitment = desk.stageCommitment("Witnesses", List.of("Witness"), "organiser-1")
                .commitment()
                .hash();

        desk.reconcile(new JsonObject()); // the assembly never recorded it, and nothing is under way

        desk.reconcile(new JsonObject().put("commitment", commitment));
        assertThat(desk.status().getBoolean("committed")).isFalse();
        assertThat(desk.status().getString("damage")).contains(commitment);
    }
}
