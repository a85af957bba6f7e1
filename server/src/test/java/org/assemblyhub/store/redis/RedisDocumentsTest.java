package org.assemblyhub.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.assemblyhub.organisation.Organisations;
import org.assemblyhub.organisation.domain.OrgAssembly;
import org.assemblyhub.organisation.domain.Organisation;
import org.assemblyhub.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Documents in a real Redis, as two nodes of a cluster share them: a document is replaced only if it is still what
 * the writer read, so two nodes changing one organisation at the same moment never lose each other's change.
 */
class RedisDocumentsTest {
    static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.durable();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void a_document_is_replaced_only_if_it_is_still_what_the_writer_read() throws Exception {
        assertThat(redis.call("FLUSHALL")).isEqualTo("+OK");
        Vertx vertx = Vertx.vertx();
        RedisEventStore store = RedisEventStoreTest.storeOn(vertx, redis);
        try {
            RedisDocuments documents = new RedisDocuments(store);
            byte[] first = "first".getBytes(StandardCharsets.UTF_8);
            byte[] second = "second".getBytes(StandardCharsets.UTF_8);
            List<Boolean> answers = await(vertx.executeBlocking(
                    () -> List.of(
                            documents.replace("notes", "n1", null, first),
                            documents.replace("notes", "n1", null, second),
                            documents.replace("notes", "n1", second, second),
                            documents.replace("notes", "n1", first, second)),
                    false));
            assertThat(answers)
                    .as("created once; not created again; not replaced from a stale read; replaced from the current")
                    .containsExactly(true, false, false, true);
            assertThat(await(vertx.executeBlocking(() -> documents.get("notes", "n1"), false)))
                    .hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                            .isEqualTo("second"));
        } finally {
            await(store.close());
            await(vertx.close());
        }
    }

    @Test
    void two_nodes_adding_assemblies_to_one_organisation_at_once_lose_none() throws Exception {
        assertThat(redis.call("FLUSHALL")).isEqualTo("+OK");
        Vertx a = Vertx.vertx();
        Vertx b = Vertx.vertx();
        RedisEventStore storeA = RedisEventStoreTest.storeOn(a, redis);
        RedisEventStore storeB = RedisEventStoreTest.storeOn(b, redis);
        try {
            Organisations nodeA = new Organisations(a, new RedisDocuments(storeA));
            Organisations nodeB = new Organisations(b, new RedisDocuments(storeB));
            await(nodeA.create(new Organisation("ville", "Ville", List.of(), List.of())));
            assertThat(await(nodeB.create(new Organisation("ville", "Again", List.of(), List.of()))
                            .map(o -> "created")
                            .recover(failure ->
                                    Future.succeededFuture(failure.getClass().getSimpleName()))))
                    .isEqualTo("Exists");

            List<Future<Organisation>> changes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Organisations node = i % 2 == 0 ? nodeA : nodeB;
                OrgAssembly added = new OrgAssembly("a" + i, List.of("fr"), null, null, "a1");
                changes.add(node.update("ville", o -> o.withAssembly(added)));
            }
            await(Future.all(changes));
            Organisation kept = await(nodeA.find("ville")).orElseThrow();
            assertThat(kept.assemblies()).hasSize(40);
            assertThat(kept.name()).isEqualTo("Ville");
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            await(storeA.close());
            await(storeB.close());
            await(a.close());
            await(b.close());
        }
    }
}
