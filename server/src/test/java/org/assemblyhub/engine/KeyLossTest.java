package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Losing the person keys is losing the journal's personal data: an assembly whose data does not open, although nobody
 * was erased, stays down and says why — it never starts showing everyone as erased — and comes back once the keys
 * are restored.
 */
class KeyLossTest {

    @Test
    void a_journal_restored_without_its_keys_keeps_its_assembly_down_until_the_keys_are_back() throws Exception {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(true, "id,name,role\nm1,Keeper Name-77c,member\n");
            hub.stop();
            Path keys = hub.dataDir().resolve("keys").resolve(setup.assemblyId() + ".keys");
            Path aside = hub.dataDir().resolve("keys-aside");
            Files.move(keys, aside);

            hub.start();
            JsonArray unavailable =
                    new JsonObject(hub.get("/health", TestHub.BOOTSTRAP).body()).getJsonArray("unavailable");
            assertThat(unavailable).hasSize(1);
            JsonObject entry = unavailable.getJsonObject(0);
            assertThat(entry.getString("reason")).isEqualTo("keys-missing");
            assertThat(entry.getInteger("people"))
                    .as("the organiser and the member")
                    .isEqualTo(2);
            assertThat(entry.getString("message")).contains("restore keys/");
            hub.stop();

            Files.move(aside, keys, StandardCopyOption.REPLACE_EXISTING);
            hub.start();
            var member = hub.client(setup.token("m1")).join(setup.assemblyId());
            assertThat(member.view().path("assembly").path("id").asText()).isEqualTo(setup.assemblyId());
            assertThat(new JsonObject(hub.get("/health", TestHub.BOOTSTRAP).body()).getString("status"))
                    .isEqualTo("UP");
        }
    }
}
