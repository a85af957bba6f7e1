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
    void the_demo_opens_with_a_reading_to_prepare_a_quiz_and_questions_to_its_expert_and_the_public_sees_the_answers()
            throws Exception {
        try (TestHub hub = new TestHub()) {
            List<String> lines = ensure(hub, new EngineClient(hub.vertx()));
            String member = lines.stream()
                    .filter(l -> l.startsWith("member"))
                    .findFirst()
                    .orElseThrow();
            var view = hub.client(TestHub.tokenOf(member.substring(member.lastIndexOf(' ') + 1)))
                    .join("demo")
                    .awaitView(v -> v.path("learning").path("modules").size() == 1)
                    .path("learning");
            var reading = view.at("/modules/0/items/0");
            assertThat(reading.path("kind").asText()).isEqualTo("reading");
            assertThat(reading.at("/file/kind").asText()).isEqualTo("markdown");
            assertThat(reading.at("/task/kind").asText()).isEqualTo("quiz");
            assertThat(view.at("/agenda/0/prepare").toString())
                    .contains(reading.path("id").asText());
            assertThat(view.at("/qa/queue").size()).isEqualTo(1);
            assertThat(view.at("/qa/queue/0/votes").asInt()).isEqualTo(1);
            var observer = hub.client(null).join("demo").view().path("learning");
            assertThat(observer.at("/qa/archive/0/answer").asText()).startsWith("Elles aident");
            assertThat(observer.at("/modules/0/items").size())
                    .as("the module is public")
                    .isEqualTo(2);
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
