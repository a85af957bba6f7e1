package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

/**
 * However fast commands arrive, each audience's screens change at most once per view interval, nothing is lost, and a
 * client that joins meanwhile never gets a view older than an acknowledged command.
 */
class CoalescingTest {
    @Test
    void a_thousand_commands_in_a_burst_reach_screens_as_a_bounded_number_of_patches_with_nothing_lost() {
        try (TestHub hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 100_000)) {
            TestHub.Setup setup = hub.createAssembly(true, "id,name\nm1,Aïcha\n");
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            LiveClient observer = hub.client(null).join(setup.assemblyId());
            int before = observer.count();

            long start = System.nanoTime();
            for (int i = 1; i <= 1_000; i++)
                organiser.command("burst-" + i, "announce", new JsonObject().put("text", "message " + i));
            organiser.await(m -> "burst-1000".equals(m.path("id").asText())
                    && m.path("type").asText().equals("ack"));
            observer.awaitView(v -> v.path("announcements").has("a1000"));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            long patches = observer.messages().subList(before, observer.count()).stream()
                    .filter(m -> m.path("type").asText().equals("patch"))
                    .count();
            System.out.printf(
                    "CoalescingTest: 1000 commands reached an observer as %d patches in %d ms%n", patches, elapsedMs);
            assertThat(patches)
                    .as("patches over %d ms", elapsedMs)
                    .isLessThanOrEqualTo(
                            elapsedMs / 20 + 4); // a small assembly: one update per 20 ms (ViewPace), bursts of 3
            assertThat(organiser.messages().stream()
                            .filter(m -> m.path("type").asText().equals("ack")))
                    .hasSize(1_000);

            LiveClient late = hub.client(null).join(setup.assemblyId());
            assertThat(late.view().path("announcements").has("a1000")).isTrue();
        }
    }

    @Test
    void a_client_joining_right_after_an_acknowledged_command_sees_it() {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(true, "id,name\nm1,Aïcha\n");
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            for (int i = 1; i <= 5; i++) {
                organiser.call("quick-" + i, "announce", new JsonObject().put("text", "quick " + i));
                LiveClient fresh = hub.client(null).join(setup.assemblyId());
                assertThat(fresh.view().path("announcements").toString()).contains("quick " + i);
                fresh.close();
            }
        }
    }
}
