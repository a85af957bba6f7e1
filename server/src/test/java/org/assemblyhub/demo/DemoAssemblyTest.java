package org.assemblyhub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

class DemoAssemblyTest {
    private static List<String> ensure(TestHub hub, EngineClient engines) throws Exception {
        return DemoAssembly.ensure(engines, hub.dataDir(), hub.url())
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void the_demo_prints_an_organiser_two_facilitators_at_least_eight_members_and_the_observer_page() throws Exception {
        try (TestHub hub = new TestHub()) {
            EngineClient engines = new EngineClient(hub.vertx());
            List<String> lines = ensure(hub, engines);

            assertThat(lines).filteredOn(l -> l.startsWith("organiser")).hasSize(1);
            assertThat(lines).filteredOn(l -> l.startsWith("facilitator")).hasSize(2);
            assertThat(lines).filteredOn(l -> l.startsWith("member")).hasSizeGreaterThanOrEqualTo(8);
            assertThat(lines).last().asString().startsWith("observer").endsWith("/a/demo");
            String organiser = lines.get(0);
            var view = hub.client(TestHub.tokenOf(organiser.substring(organiser.lastIndexOf(' ') + 1)))
                    .join("demo")
                    .awaitView(v -> v.path("session").path("lead").asText().equals("f1"));
            Assertions.assertThat(
                            view.path("session").path("script").path("sessions").has("evening"))
                    .isTrue();
        }
    }

    @Test
    void a_restarted_demo_prints_the_same_working_links_and_a_lost_links_file_gets_fresh_ones() throws Exception {
        try (TestHub hub = new TestHub()) {
            List<String> first = DemoAssembly.ensure(new EngineClient(hubVertx(hub)), hub.dataDir(), hub.url())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            hub.stop();
            hub.start();
            List<String> again = DemoAssembly.ensure(new EngineClient(hubVertx(hub)), hub.dataDir(), hub.url())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertThat(again).isEqualTo(first);

            Files.delete(hub.dataDir().resolve("demo-links.txt"));
            List<String> fresh = DemoAssembly.ensure(new EngineClient(hubVertx(hub)), hub.dataDir(), hub.url())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            String member = fresh.stream()
                    .filter(l -> l.startsWith("member"))
                    .findFirst()
                    .orElseThrow();
            String token = TestHub.tokenOf(member.substring(member.lastIndexOf(' ') + 1));
            LiveClient client = hub.client(token).join("demo");
            assertThat(client.audience()).isEqualTo("member");
        }
    }

    private static Vertx hubVertx(TestHub hub) {
        return hub.vertx();
    }
}
