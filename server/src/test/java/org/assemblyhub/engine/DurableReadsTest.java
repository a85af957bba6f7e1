package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.Capabilities;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.JournalRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Nobody learns of a change before it is durable: while a batch is being written the engine's model already holds
 * it, so reads (identify, join, summary, records, receipts) wait for the write to land — and if it fails they see
 * the state as it was, never the refused change.
 */
class DurableReadsTest {
    Vertx vertx;
    HeldStore store;
    EngineClient engines;

    /** An in-memory journal whose appends can be held, then let through or failed. */
    static final class HeldStore implements EventStore {
        final List<JournalRecord> records = new ArrayList<>();
        boolean holding;
        final List<Runnable> held = new ArrayList<>();
        boolean failHeld;

        @Override
        public Future<Void> append(String assemblyId, long expectedLastSeq, List<JournalRecord> batch) {
            Promise<Void> done = Promise.promise();
            Runnable land = () -> {
                if (failHeld) {
                    done.fail(new IOException("fsync failed (test)"));
                } else {
                    records.addAll(batch);
                    done.complete();
                }
            };
            if (holding) held.add(land);
            else land.run();
            return done.future();
        }

        @Override
        public Future<Long> replay(String assemblyId, long afterSeq, Consumer<JournalRecord> each) {
            long last = afterSeq;
            for (JournalRecord r : List.copyOf(records)) {
                if (r.seq() <= afterSeq) continue;
                each.accept(r);
                last = r.seq();
            }
            return Future.succeededFuture(last);
        }

        @Override
        public Future<Set<String>> assemblyIds() {
            return Future.succeededFuture(Set.of());
        }

        @Override
        public String kind() {
            return "held";
        }

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }
    }

    @BeforeEach
    void anEngine() throws Exception {
        vertx = Vertx.vertx();
        store = new HeldStore();
        engines = new EngineClient(vertx);
        await(vertx.deployVerticle(new AssemblyEngine(
                "a1", store, Clock.systemUTC(), new Tokens(new SecureRandom()), new Rules(Capabilities.standard()))));
        JsonObject created = await(vertx.eventBus()
                .<JsonObject>request(
                        EngineAddresses.engine("a1"),
                        new JsonObject()
                                .put("actor", new JsonObject().put("hub", true))
                                .put("name", "create-assembly")
                                .put(
                                        "args",
                                        new JsonObject()
                                                .put("title", "T")
                                                .put("organiserName", "Olga")
                                                .put("public", true)),
                        AssemblyEngine.op("command"))
                .map(m -> m.body()));
        assertThat(created.getString("status")).isEqualTo("ack");
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private Future<JsonObject> organiser(String name, JsonObject args) {
        return engines.engine(
                "a1",
                "command",
                new JsonObject()
                        .put(
                                "actor",
                                new JsonObject().put("personId", "organiser-1").put("role", "organiser"))
                        .put("key", "organiser-1:" + name)
                        .put("name", name)
                        .put("args", args));
    }

    private void onEngine(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            action.run();
            done.complete(null);
        });
        done.get(5, TimeUnit.SECONDS);
    }

    @Test
    void a_summary_asked_while_a_phase_change_is_being_written_waits_for_it_and_shows_the_old_phase_if_the_write_fails()
            throws Exception {
        store.holding = true;
        Future<JsonObject> change = organiser("change-phase", new JsonObject().put("phase", "learning"));
        Thread.sleep(200);
        Future<JsonObject> summary = engines.engine("a1", "summary", new JsonObject());
        Thread.sleep(300);
        assertThat(summary.isComplete())
                .as("no answer from a state that is not durable yet")
                .isFalse();

        store.failHeld = true;
        onEngine(() -> store.held.forEach(Runnable::run));
        assertThat(await(change).getString("code")).isEqualTo("journal-unavailable");
        assertThat(await(summary).getString("phase"))
                .as("the refused change was never seen")
                .isEqualTo("onboarding");
    }

    @Test
    void a_summary_asked_while_a_change_is_being_written_answers_once_it_is_durable() throws Exception {
        store.holding = true;
        Future<JsonObject> change = organiser("change-phase", new JsonObject().put("phase", "learning"));
        Thread.sleep(200);
        Future<JsonObject> summary = engines.engine("a1", "summary", new JsonObject());
        Thread.sleep(300);
        assertThat(summary.isComplete()).isFalse();
        store.holding = false;
        onEngine(() -> store.held.forEach(Runnable::run));
        assertThat(await(change).getString("status")).isEqualTo("ack");
        assertThat(await(summary).getString("phase")).isEqualTo("learning");
    }
}
