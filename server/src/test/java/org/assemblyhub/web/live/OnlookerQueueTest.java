package org.assemblyhub.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class OnlookerQueueTest {
    Vertx vertx;
    Context context;
    OnlookerQueue queue;
    /** What was written, in order, on the gateway's context: "o17@3" is observer 17 given update 3. */
    final List<String> written = new ArrayList<>();

    @BeforeEach
    void aGatewayContext() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        queue = new OnlookerQueue(context);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    OnlookerQueue.Recipient[] observers(int count, Runnable onTheHundredth) {
        OnlookerQueue.Recipient[] to = new OnlookerQueue.Recipient[count];
        for (int i = 0; i < count; i++) {
            int n = i;
            to[i] = (seq, text) -> {
                written.add("o" + n + "@" + seq);
                if (n == 100 && seq == 1) onTheHundredth.run();
            };
        }
        return to;
    }

    /** Runs on the gateway's context and waits until every queued slice is written. */
    void onTheGateway(Runnable work) throws Exception {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        context.runOnContext(v -> {
            work.run();
            awaitEmpty(drained);
        });
        drained.get(10, TimeUnit.SECONDS);
    }

    void awaitEmpty(CompletableFuture<Void> drained) {
        if (queue.backlog() == 0) drained.complete(null);
        else context.runOnContext(v -> awaitEmpty(drained));
    }

    @Test
    void a_members_ack_arriving_during_a_large_observer_fan_out_is_written_after_one_slice_not_after_all_observers()
            throws Exception {
        SharedText text = new SharedText("{\"type\":\"patch\"}");
        onTheGateway(() ->
                queue.send(observers(5_000, () -> context.runOnContext(v -> written.add("member ack"))), 1, text));

        assertThat(written).hasSize(5_001);
        assertThat(written.indexOf("member ack")).isEqualTo(OnlookerQueue.SLICE);
    }

    @Test
    void every_observer_gets_the_updates_in_the_order_they_were_sent_across_slices() throws Exception {
        OnlookerQueue.Recipient[] to = observers(1_000, () -> {});
        onTheGateway(() -> {
            for (int seq = 1; seq <= 3; seq++) queue.send(to, seq, new SharedText("{\"seq\":" + seq + "}"));
        });

        assertThat(written).hasSize(3_000);
        for (int n : new int[] {0, 255, 256, 999}) {
            assertThat(written.stream().filter(w -> w.startsWith("o" + n + "@")).toList())
                    .containsExactly("o" + n + "@1", "o" + n + "@2", "o" + n + "@3");
        }
    }

    @Test
    void a_small_audience_with_nothing_waiting_is_written_at_once_as_before() throws Exception {
        List<Integer> backlogAfterSend = new ArrayList<>();
        onTheGateway(() -> {
            queue.send(observers(OnlookerQueue.SLICE, () -> {}), 1, new SharedText("{}"));
            backlogAfterSend.add(queue.backlog());
            backlogAfterSend.add(written.size());
        });

        assertThat(backlogAfterSend).containsExactly(0, OnlookerQueue.SLICE);
    }

    @Test
    void an_update_says_it_is_done_only_once_its_last_observer_has_it() throws Exception {
        List<Integer> writtenWhenDone = new ArrayList<>();
        onTheGateway(() -> queue.send(
                observers(1_000, () -> {}), 1, new SharedText("{}"), () -> writtenWhenDone.add(written.size())));

        assertThat(writtenWhenDone).containsExactly(1_000);
    }
}
