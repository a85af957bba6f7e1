package org.assemblyhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.testing.JournalEditor;
import org.assemblyhub.testing.MutableClock;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The journal's hash chain through a real hub: every record the engine writes names the head before it, observers get
 * a published head, {@code ./hub verify journal} re-checks the chain and finds a published head, and a record changed
 * behind the hub's back (checksums fixed up) keeps its assembly down, with the seq where the chain breaks.
 */
class JournalChainHubTest {
    private static final String ROSTER = "id,name,role\nm1,Canary Chainsworth,member\nm2,Member Two,member\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int verify(String... args) {
        out.reset();
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        return JournalCli.run(
                all,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void announce(TestHub hub, TestHub.Setup setup, String id, String text) {
        assertThat(hub.client(setup.token("organiser-1"))
                        .join(setup.assemblyId())
                        .call(id, "announce", new JsonObject().put("text", text))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
    }

    private static JsonObject head(TestHub hub, TestHub.Setup setup) {
        var response = hub.get("/api/assemblies/" + setup.assemblyId() + "/journal-head.json", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    private static TestHub hub(MutableClock clock) {
        return new TestHub(TestHub.newDataDir(), TestHub.freePort(), 100, clock, VideoConfig.MESH);
    }

    @Test
    void verify_journal_finds_the_head_observers_were_shown_and_refuses_one_that_is_not_in_the_journal()
            throws Exception {
        MutableClock clock = new MutableClock();
        try (TestHub hub = hub(clock)) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            announce(hub, setup, "a1", "Welcome");
            clock.advance(Duration.ofSeconds(61)); // the head published is the journal at the start of the minute
            JsonObject published = head(hub, setup);
            assertThat(JournalChain.wellFormed(published.getString("head"))).isTrue();
            JsonObject openData =
                    new JsonObject(hub.get("/api/assemblies/" + setup.assemblyId() + "/open-data.json", null)
                            .body());
            assertThat(openData.getJsonObject("journal")).isEqualTo(published);
            announce(hub, setup, "a2", "More to come");
            hub.stop();

            String journal =
                    JournalEditor.journal(hub.dataDir(), setup.assemblyId()).toString();
            assertThat(verify(hub.dataDir().toString(), "--head", published.getString("head")))
                    .as("a published head belongs to one assembly: its journal file is named")
                    .isEqualTo(2);
            assertThat(verify(journal, "--head", published.getString("head")))
                    .as(out())
                    .isZero();
            assertThat(out())
                    .contains("hash chain intact over ")
                    .contains("the published head " + published.getString("head") + " is the head at seq "
                            + published.getLong("seq"))
                    .endsWith("OK\n");

            String forged = JournalChain.next(published.getString("head"), 1, new byte[] {1});
            assertThat(verify(journal, "--head", forged)).isEqualTo(1);
            assertThat(out()).contains("is NOT in this journal").endsWith("NOT OK\n");
        }
    }

    @Test
    void the_published_head_moves_at_most_once_a_minute_so_nobody_watches_each_private_action_land() {
        MutableClock clock = new MutableClock();
        try (TestHub hub = hub(clock)) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            JsonObject first = head(hub, setup);
            announce(hub, setup, "a1", "Welcome");
            assertThat(head(hub, setup)).as("less than a minute later").isEqualTo(first);

            clock.advance(Duration.ofSeconds(61));

            JsonObject later = head(hub, setup);
            assertThat(later.getLong("seq")).isGreaterThan(first.getLong("seq"));
            assertThat(later.getString("head")).isNotEqualTo(first.getString("head"));
        }
    }

    @Test
    void a_record_changed_with_its_checksum_fixed_keeps_the_assembly_down_and_verify_names_where_the_chain_breaks()
            throws Exception {
        MutableClock clock = new MutableClock();
        try (TestHub hub = hub(clock)) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            TestHub.Setup other = hub.createAssembly(true, null);
            announce(hub, setup, "a1", "The canary sings");
            announce(hub, setup, "a2", "Afterwards");
            hub.stop();
            Path journal = JournalEditor.journal(hub.dataDir(), setup.assemblyId());
            List<String> records = JournalEditor.records(journal);
            long changed = records.indexOf(records.stream()
                            .filter(r -> r.contains("The canary sings"))
                            .findFirst()
                            .orElseThrow())
                    + 1;
            JournalEditor.rewrite(journal, r -> r.replace("The canary sings", "The canary lies"));

            assertThat(verify(journal.toString())).isEqualTo(1);
            assertThat(out())
                    .contains("ok: ") // every checksum holds
                    .contains("chain broken at seq " + (changed + 1))
                    .contains("at or before seq " + changed);

            hub.start();
            announce(hub, other, "b1", "The other assembly runs");
            JsonArray unavailable =
                    new JsonObject(hub.get("/health", TestHub.BOOTSTRAP).body()).getJsonArray("unavailable");
            assertThat(unavailable).hasSize(1);
            JsonObject entry = unavailable.getJsonObject(0);
            assertThat(entry.getString("assemblyId")).isEqualTo(setup.assemblyId());
            assertThat(entry.getString("reason")).isEqualTo("chain-broken");
            assertThat(entry.getLong("seq")).isEqualTo(changed + 1);
            assertThat(entry.getString("message")).contains("backup");
        }
    }

    @Test
    void a_journal_written_before_the_chain_still_opens_and_the_chain_starts_after_its_records() throws Exception {
        MutableClock clock = new MutableClock();
        try (TestHub hub = hub(clock)) {
            TestHub.Setup setup = hub.createAssembly(true, ROSTER);
            announce(hub, setup, "a1", "Before the chain");
            hub.stop();
            Path journal = JournalEditor.journal(hub.dataDir(), setup.assemblyId());
            int before = JournalEditor.records(journal).size();
            JournalEditor.rewrite(journal, r -> {
                JsonObject envelope = new JsonObject(r);
                envelope.remove("prev");
                return envelope.encode();
            });

            hub.start();
            announce(hub, setup, "a2", "After the chain");
            hub.stop();

            assertThat(verify(journal.toString()))
                    .as("stripped heads pass for nothing")
                    .isEqualTo(1);
            assertThat(out()).contains("name no head and cannot be checked");
            assertThat(verify(journal.toString(), "--allow-unchained"))
                    .as(out())
                    .isZero();
            assertThat(out()).contains("(the first " + before + " were written before the chain, unchained)");
        }
    }
}
