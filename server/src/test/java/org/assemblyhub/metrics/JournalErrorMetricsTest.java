package org.assemblyhub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.store.FaultyChannels;
import org.assemblyhub.store.StoreOptions;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.time.Clock;

/** A disk error in the real file journal shows in /metrics: as a journal error, and as a command answered in error. */
class JournalErrorMetricsTest {

    @Test
    void a_failed_fsync_is_counted_as_a_journal_append_error_and_its_command_as_refused() {
        FaultyChannels faults = new FaultyChannels();
        try (TestHub hub = new TestHub(
                TestHub.newDataDir(),
                TestHub.freePort(),
                100,
                Clock.systemUTC(),
                VideoConfig.MESH,
                StoreOptions.DEFAULT.withChannels(faults))) {
            TestHub.Setup setup = hub.createAssembly(true, null);
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
            Scrape before = MetricsOverHttpTest.scrape(hub);
            faults.failingForces.set(1);

            assertThat(organiser
                            .call("a1", "announce", new JsonObject().put("text", "lost"))
                            .path("code")
                            .asText())
                    .isEqualTo("journal-unavailable");

            Scrape after = MetricsOverHttpTest.scrape(hub);
            assertThat(after.value(
                            "hub_journal_errors_total", "store", "file", "operation", "append", "error", "failed"))
                    .isEqualTo(1);
            assertThat(after.value("hub_commands_total", "result", "error"))
                    .isEqualTo(before.value("hub_commands_total", "result", "error") + 1);
            assertThat(after.value("hub_journal_append_seconds_count", "store", "file"))
                    .isEqualTo(before.value("hub_journal_append_seconds_count", "store", "file"));
        }
    }
}
