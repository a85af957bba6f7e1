package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.support.Jackson;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The observers' own front door ({@code --observer-port}, issue 16), over real sockets: pages of anonymous visitors
 * are sent there, members' pages are not; what it serves is the public view only, whatever cookie comes with it; and
 * its gateways run on event loops of their own, so a member's command is acknowledged while every observers' loop is
 * held up.
 */
class ObserversOwnDoorTest {
    static final String NAME_CANARY = "CANARY-NAME-3c9a";

    static TestHub hub;
    static TestHub.Setup setup;
    static LiveClient organiser;

    @BeforeAll
    static void aPublicAssemblyOnAHubWithAnObserversEndpoint() {
        hub = TestHub.withObserversEndpoint();
        setup = hub.createAssembly(
                true, "id,name,role\nf0,Lead,facilitator\nm1," + NAME_CANARY + ",member\nm2,Member Two,member\n");
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void an_anonymous_visitors_page_is_sent_to_the_observers_endpoint_and_a_members_page_is_not() throws Exception {
        JsonNode anonymous =
                Jackson.MAPPER.readTree(hub.get("/api/live-endpoint", null).body());
        assertThat(anonymous.path("url").asText())
                .isEqualTo("ws://127.0.0.1:" + hub.watch().port() + "/watch");
        JsonNode member = Jackson.MAPPER.readTree(
                hub.get("/api/live-endpoint", setup.token("m1")).body());
        assertThat(member.path("url").isNull()).isTrue();
    }

    @Test
    void an_observer_on_its_own_endpoint_sees_live_what_the_organiser_decides() {
        LiveClient observer = hub.watcher(null).join(setup.assemblyId());
        assertThat(observer.audience()).isEqualTo("observer");
        organiser.call("phase-1", "change-phase", new JsonObject().put("phase", "learning"));
        observer.awaitView(v -> v.path("phase").asText().equals("learning"));
    }

    @Test
    void a_member_who_lands_on_the_observers_endpoint_gets_the_public_view_and_nothing_of_their_own() {
        LiveClient member = hub.watcher(setup.token("m1")).join(setup.assemblyId());
        assertThat(member.audience()).isEqualTo("observer");
        assertThat(member.call("hand", "raise-hand", new JsonObject())
                        .path("type")
                        .asText())
                .isEqualTo("error");
        assertThat(String.join("\n", member.frames())).doesNotContain(NAME_CANARY);
        LiveClient seated = hub.client(setup.token("m1")).join(setup.assemblyId());
        assertThat(seated.audience()).startsWith("member");
        assertThat(String.join("\n", seated.frames())).contains(NAME_CANARY);
    }

    @Test
    void a_members_command_is_acknowledged_while_every_observers_loop_is_held_up() throws Exception {
        LiveClient observer = hub.watcher(null).join(setup.assemblyId());
        String phase = observer.view().path("phase").asText().equals("deliberation") ? "learning" : "deliberation";
        CountDownLatch held = new CountDownLatch(hub.watch().loops().size());
        CountDownLatch release = new CountDownLatch(1);
        for (Context loop : hub.watch().loops())
            loop.runOnContext(v -> {
                held.countDown();
                await(release);
            });
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            JsonNode ack = organiser.call("phase-2", "change-phase", new JsonObject().put("phase", phase));
            assertThat(ack.path("type").asText()).isEqualTo("ack");
            assertThat(observer.view().path("phase").asText())
                    .as("the observers' loops are still held: the update waits there, not the ack")
                    .isNotEqualTo(phase);
        } finally {
            release.countDown();
        }
        observer.awaitView(v -> v.path("phase").asText().equals(phase));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
