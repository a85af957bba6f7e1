package org.assemblyhub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.DemoHub;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

/**
 * {@code demo-links.txt} stays true while the demo runs: what the organiser console does to a demo person's link
 * ("New link", "Revoke link") is in the file at once, and the file's links are the ones that work.
 */
class DemoLinksKeeperTest {

    @Test
    void a_reissued_link_is_written_to_demo_links_txt_the_new_one_works_and_the_old_one_is_refused() {
        try (DemoHub demo = DemoHub.start()) {
            String old = demo.link("Aïcha Benali");
            String host = "127.0.0.1:" + demo.port();
            LiveClient organiser =
                    demo.client(TestHub.tokenOf(demo.link("Olivia Organiser"))).join(DemoAssembly.ID);

            JsonNode answer = organiser.call("r1", "reissue-invitation", new JsonObject().put("personId", "m1"));
            String token = answer.path("result").path("token").asText();
            assertThat(token).isNotEmpty();

            String now = awaitChange(() -> demo.link("Aïcha Benali"), old);
            assertThat(now).isEqualTo(demo.url() + "/join/" + token);
            assertThat(demo.links()).filteredOn(l -> l.contains(token)).hasSize(1);
            assertThat(demo.links())
                    .as("the others keep their links")
                    .hasSize(demo.printed().size());

            assertThat(demo.raw("GET", "/join/" + token, host).status()).isEqualTo(200);
            assertThat(demo.raw("GET", "/join/" + token, host).body()).contains("Aïcha Benali");
            demo.client(token).join(DemoAssembly.ID).awaitAudience("member");
            assertThat(demo.raw("GET", "/join/" + TestHub.tokenOf(old), host).status())
                    .as("the old link is refused")
                    .isEqualTo(403);
            assertThat(demo.client(TestHub.tokenOf(old)).join(DemoAssembly.ID).error("invalid-invitation"))
                    .isNotNull();
        }
    }

    @Test
    void a_revoked_link_is_marked_revoked_in_demo_links_txt_and_a_new_one_replaces_the_mark() {
        try (DemoHub demo = DemoHub.start()) {
            String old = demo.link("Bernard Morel");
            LiveClient organiser =
                    demo.client(TestHub.tokenOf(demo.link("Olivia Organiser"))).join(DemoAssembly.ID);

            organiser.call("v", "revoke-invitation", new JsonObject().put("personId", "m2"));
            assertThat(awaitChange(() -> demo.link("Bernard Morel"), old)).isEqualTo("(revoked)");
            assertThat(demo.link("Aïcha Benali")).startsWith(demo.url() + "/join/");

            JsonNode answer = organiser.call("r", "reissue-invitation", new JsonObject().put("personId", "m2"));
            String token = answer.path("result").path("token").asText();
            assertThat(awaitChange(() -> demo.link("Bernard Morel"), "(revoked)"))
                    .isEqualTo(demo.url() + "/join/" + token);
        }
    }

    private static String awaitChange(Supplier<String> value, String before) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            String now = value.get();
            if (!now.equals(before)) return now;
            LiveClient.sleep(20);
        }
        throw new AssertionError("still " + before + " after 10 s");
    }
}
