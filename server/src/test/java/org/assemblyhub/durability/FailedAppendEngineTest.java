package org.assemblyhub.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.store.FaultyChannels;
import org.assemblyhub.store.StoreOptions;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A disk error through a real hub: the command whose append failed is answered {@code journal-unavailable} and is
 * never seen again — not on screens, not after a restart — while everything acknowledged is there.
 */
class FailedAppendEngineTest {
    final FaultyChannels faults = new FaultyChannels();
    TestHub hub;
    TestHub.Setup setup;
    LiveClient organiser;

    private void start() {
        hub = new TestHub(
                TestHub.newDataDir(),
                TestHub.freePort(),
                100,
                Clock.systemUTC(),
                VideoConfig.MESH,
                StoreOptions.DEFAULT.withChannels(faults));
        setup = hub.createAssembly(true, null);
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
    }

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
    }

    private JsonNode announce(String id, String text) {
        return organiser.call(id, "announce", new JsonObject().put("text", text));
    }

    private List<String> announcementsAfterRestart() {
        hub.stop();
        hub.start();
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        JsonNode view = hub.client(null).join(setup.assemblyId()).view();
        List<String> texts = new ArrayList<>();
        view.path("announcements").forEach(a -> texts.add(a.path("text").asText()));
        return texts;
    }

    @Test
    void the_command_whose_fsync_failed_is_refused_and_absent_after_a_restart_and_the_next_one_lands() {
        start();
        assertThat(announce("a1", "one").path("type").asText()).isEqualTo("ack");
        faults.failingForces.set(1);

        assertThat(announce("a2", "two").path("code").asText()).isEqualTo("journal-unavailable");
        assertThat(organiser.view().path("announcements").toString()).doesNotContain("two");
        // The refused batch was written before its fsync failed: a restart must not find it.
        assertThat(announcementsAfterRestart()).containsExactly("one");

        assertThat(announce("a3", "three").path("type").asText()).isEqualTo("ack");
        assertThat(announcementsAfterRestart()).containsExactly("one", "three");
    }

    @Test
    void a_full_disk_refuses_the_command_and_a_retry_with_the_same_id_lands_once() {
        start();
        faults.fullDisks.set(1);

        assertThat(announce("a1", "one").path("code").asText()).isEqualTo("journal-unavailable");
        assertThat(announce("a1", "one").path("type").asText())
                .as("the retry is decided again")
                .isEqualTo("ack");

        assertThat(announcementsAfterRestart()).containsExactly("one");
    }

    @Test
    void after_an_append_that_cannot_be_undone_every_request_is_refused_until_restart_and_nothing_comes_back() {
        start();
        assertThat(announce("a1", "one").path("type").asText()).isEqualTo("ack");
        faults.failingForces.set(1);
        faults.failingTruncates.set(1);

        assertThat(announce("a2", "two").path("code").asText()).isEqualTo("journal-unavailable");
        assertThat(announce("a3", "three").path("code").asText()).isEqualTo("journal-unavailable");
        LiveClient latecomer = hub.client(null).hello(setup.assemblyId());
        assertThat(latecomer
                        .await(m -> m.path("type").asText().equals("error"))
                        .path("code")
                        .asText())
                .isEqualTo("journal-unavailable");
        assertThat(organiser.view().path("announcements").toString()).doesNotContain("two");

        assertThat(announcementsAfterRestart()).containsExactly("one");
        assertThat(announce("a4", "four").path("type").asText()).isEqualTo("ack");
    }
}
