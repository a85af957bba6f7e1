package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.ObserverBacklog;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Observers' updates never pile up (issue 16): while this node's gateways are still writing an observers' update, the
 * engine holds the next one — members see every change at once — and releases it, carrying everything since, as soon
 * as the gateways are done; a gateway that never says it is done cannot silence observers for more than a second.
 * Over real sockets, with the node's backlog held by the test as a gateway in the middle of a fan-out would.
 */
class ObserverFlowTest {
    TestHub hub;
    TestHub.Setup setup;
    LiveClient organiser;
    LiveClient member;
    LiveClient observer;
    ObserverBacklog backlog;

    @BeforeEach
    void aPublicAssemblyWatchedByAnObserver() {
        hub = new TestHub();
        setup = hub.createAssembly(true, "id,name,role\nf0,Lead,facilitator\nm1,Member One,member\n");
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        member = hub.client(setup.token("m1")).join(setup.assemblyId());
        observer = hub.client(null).join(setup.assemblyId());
        backlog = ObserverBacklog.of(hub.vertx());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void while_observers_are_written_members_see_changes_at_once_and_observers_get_them_in_one_patch_after() {
        backlog.started(setup.assemblyId());
        int observerFrames = observer.count();
        for (String phase : new String[] {"learning", "deliberation", "decision"}) {
            assertThat(organiser
                            .call("p-" + phase, "change-phase", new JsonObject().put("phase", phase))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
            member.awaitView(v -> v.path("phase").asText().equals(phase));
        }
        LiveClient.sleep(200);
        assertThat(observer.count()).as("held while the gateways write").isEqualTo(observerFrames);

        backlog.finished(setup.assemblyId());
        observer.awaitView(v -> v.path("phase").asText().equals("decision"));
        List<JsonNode> patches = observer.messages().stream()
                .skip(observerFrames)
                .filter(m -> m.path("type").asText().equals("patch"))
                .toList();
        assertThat(patches).as("one patch carries the three changes").hasSize(1);
    }

    @Test
    void a_gateway_that_never_says_it_is_done_holds_observers_back_for_a_second_at_most() {
        backlog.started(setup.assemblyId());
        long sent = System.nanoTime();
        organiser.call("p-1", "change-phase", new JsonObject().put("phase", "learning"));
        observer.awaitView(v -> v.path("phase").asText().equals("learning"));
        assertThat((System.nanoTime() - sent) / 1_000_000).isGreaterThanOrEqualTo(900);
        backlog.finished(setup.assemblyId());
    }
}
