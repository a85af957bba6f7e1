package org.assemblyhub.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.engine.EngineClient;
import org.assemblyhub.testing.JournalEditor;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Organisers manage people live, over real sockets: edit a person (sealed in the journal like an import), change a
 * role (the person's sockets identify again and act with the new role at once), remove a dropout (their link ends),
 * and see who never opened their link — each refusal coded.
 */
class PeopleManagementTest {
    private static final String ROSTER = "id,name,contact,role\n"
            + "m1,Mona Member,mona@example.org,member\n"
            + "m2,Max Member,,member\n"
            + "f1,Fay Facilitator,,facilitator\n"
            + "f2,Fred Never,,facilitator\n";

    private static String code(JsonNode answer) {
        return answer.path("code").asText();
    }

    private static JsonNode roster(LiveClient organiser, String personId) {
        return organiser.view().path("roster").path(personId);
    }

    @Test
    void an_organiser_edits_a_person_changes_a_role_and_removes_a_dropout_and_each_socket_follows() throws Exception {
        try (TestHub hub = new TestHub()) {
            TestHub.Setup setup = hub.createAssembly(false, ROSTER);
            String id = setup.assemblyId();
            LiveClient organiser = hub.client(setup.token("organiser-1")).join(id);
            LiveClient mona = hub.client(setup.token("m1")).join(id);
            LiveClient fay = hub.client(setup.token("f1")).join(id);
            LiveClient max = hub.client(setup.token("m2")).join(id);

            assertThat(code(max.call(
                            "x",
                            "edit-person",
                            new JsonObject().put("personId", "m1").put("name", "X"))))
                    .isEqualTo("forbidden");
            JsonObject claimed = new EngineClient(hub.vertx())
                    .engine(
                            id,
                            "command",
                            new JsonObject()
                                    .put(
                                            "actor",
                                            new JsonObject()
                                                    .put("personId", "m2")
                                                    .put("role", "organiser"))
                                    .put("name", "announce")
                                    .put("args", new JsonObject().put("text", "I claim to organise")))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(claimed.getString("code"))
                    .as("the role is the roster's, never the one a gateway names")
                    .isEqualTo("forbidden");
            assertThat(organiser
                            .call(
                                    "e1",
                                    "edit-person",
                                    new JsonObject()
                                            .put("personId", "m1")
                                            .put("name", "Mona Renamed-5c1")
                                            .put("contact", "mona.new-5c1@example.org"))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
            organiser.awaitView(
                    v -> v.path("roster").path("m1").path("name").asText().equals("Mona Renamed-5c1"));
            assertThat(roster(organiser, "m1").path("contact").asText()).isEqualTo("mona.new-5c1@example.org");
            assertThat(roster(organiser, "m1").path("role").asText()).isEqualTo("member");
            assertThat(Files.readString(JournalEditor.journal(hub.dataDir(), id), StandardCharsets.ISO_8859_1))
                    .as("an edit is sealed like an import")
                    .doesNotContain("Renamed-5c1", "mona.new-5c1");
            assertThat(mona.awaitClose())
                    .as("a new name: the socket identifies again")
                    .isEqualTo((short) 1013);

            assertThat(code(organiser.call(
                            "r0",
                            "change-role",
                            new JsonObject().put("personId", "organiser-1").put("role", "member"))))
                    .isEqualTo("cannot-change-own-role");
            assertThat(code(organiser.call(
                            "r1",
                            "change-role",
                            new JsonObject().put("personId", "m2").put("role", "boss"))))
                    .isEqualTo("invalid-args");
            assertThat(organiser
                            .call(
                                    "r2",
                                    "change-role",
                                    new JsonObject().put("personId", "m2").put("role", "organiser"))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
            assertThat(max.awaitClose()).isEqualTo((short) 1013);
            LiveClient promoted = hub.client(setup.token("m2")).join(id);
            promoted.awaitAudience("organiser");
            assertThat(promoted.call("a1", "announce", new JsonObject().put("text", "Now I organise"))
                            .path("type")
                            .asText())
                    .as("the new role acts at once")
                    .isEqualTo("ack");

            assertThat(organiser
                            .call("d1", "remove-person", new JsonObject().put("personId", "f1"))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
            assertThat(fay.awaitClose()).as("a removed person's link ends").isEqualTo((short) 4401);
            assertThat(code(organiser.call("d2", "remove-person", new JsonObject().put("personId", "f1"))))
                    .isEqualTo("already-removed");
            assertThat(code(organiser.call("d3", "reissue-invitation", new JsonObject().put("personId", "f1"))))
                    .isEqualTo("person-removed");
            assertThat(code(organiser.call("d4", "remove-person", new JsonObject().put("personId", "organiser-1"))))
                    .isEqualTo("cannot-remove-self");

            organiser.awaitView(v -> v.path("roster").path("f1").path("removed").asBoolean());
            assertThat(roster(organiser, "f1").path("opened").asBoolean()).isTrue();
            assertThat(roster(organiser, "f2").path("opened").asBoolean())
                    .as("never opened their link")
                    .isFalse();
            assertThat(roster(organiser, "m1").path("opened").asBoolean()).isTrue();
        }
    }
}
