package org.assemblyhub.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.JournalEditor;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** One damaged journal stops its own assembly only: the hub starts, the others run, /health says which and where. */
class DamagedJournalHubTest {

    @Test
    void a_damaged_journal_keeps_its_assembly_down_while_the_others_run_and_health_says_where() throws Exception {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup hurt = hub.createAssembly(true, "id,name,role\nm1,Member One,member\n");
            TestHub.Setup fine = hub.createAssembly(true, null);
            hub.stop();
            Path journal = JournalEditor.journal(hub.dataDir(), hurt.assemblyId());
            byte[] bytes = Files.readAllBytes(journal);
            bytes[20] ^= 0x10; // inside the first record: everything after it is still valid
            Files.write(journal, bytes);

            hub.start();

            assertThat(hub.client(fine.token("organiser-1"))
                            .join(fine.assemblyId())
                            .call("a1", "announce", new JsonObject().put("text", "still here"))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
            JsonObject anonymous = new JsonObject(hub.get("/health", null).body());
            assertThat(anonymous.getString("status")).isEqualTo("DEGRADED");
            assertThat(anonymous.getInteger("unavailableCount")).isEqualTo(1);
            assertThat(anonymous.encode())
                    .as("which assembly and where: for the operator only")
                    .doesNotContain(hurt.assemblyId(), "offset");
            var member = hub.client(hurt.token("m1"));
            member.send(new JsonObject().put("type", "hello").put("assembly", hurt.assemblyId()));
            assertThat(member.error("unavailable").path("message").asText())
                    .as("not 'no such assembly': browsers keep trying")
                    .contains("cannot open");
            assertThat(member.awaitClose()).isEqualTo((short) 1013);
            JsonObject health =
                    new JsonObject(hub.get("/health", TestHub.BOOTSTRAP).body());
            assertThat(health.getString("status")).isEqualTo("DEGRADED");
            JsonArray unavailable = health.getJsonArray("unavailable");
            assertThat(unavailable).hasSize(1);
            JsonObject entry = unavailable.getJsonObject(0);
            assertThat(entry.getString("assemblyId")).isEqualTo(hurt.assemblyId());
            assertThat(entry.getString("reason")).isEqualTo("damaged");
            assertThat(entry.getLong("offset")).isEqualTo(0);
            assertThat(entry.getLong("validRecordsAfter")).isGreaterThan(0);
            assertThat(entry.getString("message")).contains("journal cut", "backup");
            assertThat(Files.readAllBytes(journal)).as("left untouched").isEqualTo(bytes);
            try (Stream<Path> copies = Files.list(journal.resolveSibling("damaged"))) {
                assertThat(copies.toList()).hasSize(1);
            }
            var again = hub.post(
                    "/api/assemblies",
                    "application/json",
                    TestHub.BOOTSTRAP,
                    new JsonObject()
                            .put("id", hurt.assemblyId())
                            .put("title", "Again")
                            .encode());
            assertThat(new JsonObject(again.body()).getString("code"))
                    .as("its id stays taken")
                    .isEqualTo("assembly-exists");
        }
    }
}
