package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

/** Hostile, broken and out-of-place input: each gets its own error code and message; nothing accepted is harmed. */
class BadInputTest {
    static final String ROSTER =
            """
            id,name,role
            f1,Fatou,facilitator
            m1,Aïcha,member
            m2,Bernard,member
            """;

    static TestHub hub;
    static TestHub.Setup setup;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        setup = hub.createAssembly(false, ROSTER);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static LiveClient organiser() {
        return hub.client(setup.token("organiser-1")).join(setup.assemblyId());
    }

    @Test
    void malformed_json_gets_an_error_and_the_socket_stays_usable() {
        LiveClient client = organiser();
        client.sendRaw("{not json");
        assertThat(client.error("malformed-json").path("message").asText()).isNotBlank();

        assertThat(client.call("after-bad", "announce", new JsonObject().put("text", "still works"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
    }

    @Test
    void a_json_value_that_is_not_an_object_is_malformed() {
        LiveClient client = organiser();
        client.sendRaw("[1,2,3]");
        client.error("malformed-json");
    }

    @Test
    void an_unknown_message_type_is_named_in_the_error() {
        LiveClient client = organiser();
        client.sendRaw("{\"type\":\"teleport\"}");
        assertThat(client.error("unknown-type").path("message").asText()).contains("teleport");
    }

    @Test
    void a_message_over_64_kib_is_refused_with_its_own_code_and_the_socket_stays_open() {
        LiveClient client = organiser();
        client.command("huge", "announce", new JsonObject().put("text", "x".repeat(70 * 1024)));
        client.error("message-too-large");

        assertThat(client.isClosed()).isFalse();
        assertThat(client.call("after-huge", "announce", new JsonObject().put("text", "small again"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
    }

    @Test
    void a_flood_of_commands_is_rate_limited_per_connection() {
        LiveClient client = organiser();
        for (int i = 0; i < 60; i++) client.command("flood-" + i, "nonsense", new JsonObject());
        JsonNode limited = client.error("rate-limited");

        assertThat(limited.path("message").asText()).isNotBlank();
        LiveClient other = hub.client(setup.token("m1")).join(setup.assemblyId());
        assertThat(other.call("other-1", "raise-hand", new JsonObject())
                        .path("code")
                        .asText())
                .as("other people are not slowed")
                .isNotEqualTo("rate-limited");
    }

    @Test
    void a_command_before_hello_is_refused() {
        LiveClient client = hub.client(setup.token("m1"));
        client.command("early", "announce", new JsonObject().put("text", "hi"));
        client.error("not-joined");
    }

    @Test
    void a_command_without_an_id_is_invalid() {
        LiveClient client = organiser();
        client.send(new JsonObject().put("type", "command").put("name", "announce"));
        client.error("invalid-command");
    }

    @Test
    void an_unknown_command_is_named_in_the_error() {
        LiveClient client = organiser();
        JsonNode error = client.call("u-1", "dissolve-parliament", new JsonObject());
        assertThat(error.path("code").asText()).isEqualTo("unknown-command");
        assertThat(error.path("message").asText()).contains("dissolve-parliament");
    }

    @Test
    void arguments_of_the_wrong_type_are_invalid() {
        LiveClient client = organiser();
        assertThat(client.call("t-1", "announce", new JsonObject().put("text", 42))
                        .path("code")
                        .asText())
                .isEqualTo("invalid-args");
        assertThat(client.call("t-2", "change-phase", new JsonObject().put("phase", "anarchy"))
                        .path("code")
                        .asText())
                .isEqualTo("invalid-args");
    }

    @Test
    void a_member_may_not_send_an_organiser_command() {
        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        JsonNode error = member.call("m-1", "change-phase", new JsonObject().put("phase", "decision"));

        assertThat(error.path("code").asText()).isEqualTo("forbidden");
        assertThat(member.view().path("phase").asText()).isNotEqualTo("decision");
    }

    @Test
    void an_invalid_invitation_token_is_refused_and_the_socket_closed_politely() {
        LiveClient intruder = hub.client(setup.assemblyId() + ".forged-token-value");
        intruder.hello(setup.assemblyId());

        intruder.error("invalid-invitation");
        assertThat(intruder.awaitClose()).isEqualTo((short) 4401);
    }

    @Test
    void an_anonymous_visitor_of_a_private_assembly_is_refused() {
        LiveClient visitor = hub.client(null);
        visitor.hello(setup.assemblyId());
        visitor.error("not-public");
        assertThat(visitor.awaitClose()).isEqualTo((short) 4403);
    }

    @Test
    void an_unknown_assembly_is_refused() {
        LiveClient visitor = hub.client(null);
        visitor.hello("no-such-assembly-here");
        visitor.error("no-such-assembly");
        assertThat(visitor.awaitClose()).isEqualTo((short) 4404);
    }

    @Test
    void a_revoked_invitation_ends_the_open_session_and_cannot_be_used_again() {
        TestHub.Setup own = hub.createAssembly(false, ROSTER);
        LiveClient member = hub.client(own.token("m2")).join(own.assemblyId());
        LiveClient organiser = hub.client(own.token("organiser-1")).join(own.assemblyId());

        organiser.call("r-1", "revoke-invitation", new JsonObject().put("personId", "m2"));

        member.error("invalid-invitation");
        assertThat(member.awaitClose()).isEqualTo((short) 4401);
        LiveClient again = hub.client(own.token("m2"));
        again.hello(own.assemblyId());
        again.error("invalid-invitation");
        assertThat(hub.get("/join/" + own.token("m2"), null).statusCode()).isEqualTo(403);
    }

    @Test
    void an_organiser_cannot_replace_their_own_link_and_lock_themselves_out() {
        LiveClient client = organiser();
        assertThat(client.call("self", "reissue-invitation", new JsonObject().put("personId", "organiser-1"))
                        .path("code")
                        .asText())
                .isEqualTo("cannot-reissue-self");
        assertThat(client.call("still", "announce", new JsonObject().put("text", "still signed in"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
    }

    @Test
    void a_reissued_invitation_works_and_replaces_the_old_link() {
        TestHub.Setup own = hub.createAssembly(false, ROSTER);
        LiveClient organiser = hub.client(own.token("organiser-1")).join(own.assemblyId());
        JsonNode ack = organiser.call("ri-1", "reissue-invitation", new JsonObject().put("personId", "m1"));
        String fresh = ack.path("result").path("token").asText();

        assertThat(hub.get("/join/" + fresh, null).statusCode()).isEqualTo(200); // the page that asks to confirm
        assertThat(hub.get("/join/" + own.token("m1"), null).statusCode()).isEqualTo(403);
    }

    @Test
    void a_command_illegal_in_the_current_phase_is_refused_and_changes_nothing() {
        TestHub.Setup own = hub.createAssembly(false, ROSTER);
        LiveClient organiser = hub.client(own.token("organiser-1")).join(own.assemblyId());
        organiser.call("p-1", "change-phase", new JsonObject().put("phase", "deliberation"));

        HttpResponse<String> late = hub.post(
                "/api/assemblies/" + own.assemblyId() + "/roster",
                "text/csv",
                own.token("organiser-1"),
                "id,name\nlate1,Latecomer\n");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(late.body()).getString("code")).isEqualTo("out-of-phase");
        organiser.call("p-2", "change-phase", new JsonObject().put("phase", "closed"));
        assertThat(organiser
                        .call("p-3", "announce", new JsonObject().put("text", "after close"))
                        .path("code")
                        .asText())
                .isEqualTo("assembly-closed");
    }

    @Test
    void a_cross_site_websocket_is_refused_before_the_upgrade() {
        Assertions.assertThatThrownBy(() -> hub.client(setup.token("m1"), "https://evil.example"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_roster_csv_without_the_required_columns_is_refused_with_the_line_number() {
        HttpResponse<String> response = hub.post(
                "/api/assemblies/" + setup.assemblyId() + "/roster",
                "text/csv",
                setup.token("organiser-1"),
                "identifier,fullname\nx1,Someone\n");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getString("code")).isEqualTo("csv-invalid");
        assertThat(body.getJsonArray("problems").encode())
                .contains("csv-missing-column")
                .contains("\"line\":1");
    }

    @Test
    void a_roster_csv_with_duplicate_ids_names_both_lines_and_imports_nobody() {
        HttpResponse<String> response = hub.post(
                "/api/assemblies/" + setup.assemblyId() + "/roster",
                "text/csv",
                setup.token("organiser-1"),
                "id,name\nn1,One\nn2,Two\nn1,Again\n");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonObject problem =
                new JsonObject(response.body()).getJsonArray("problems").getJsonObject(0);
        assertThat(problem.getString("code")).isEqualTo("duplicate-id");
        assertThat(problem.getLong("line")).isEqualTo(4);
        assertThat(problem.getString("message")).contains("line 2");
        LiveClient organiser = organiser();
        assertThat(organiser.view().path("roster").has("n2")).isFalse();
    }

    @Test
    void a_roster_import_of_ids_already_present_is_refused() {
        HttpResponse<String> response = hub.post(
                "/api/assemblies/" + setup.assemblyId() + "/roster",
                "text/csv",
                setup.token("organiser-1"),
                "id,name\nm1,Again\n");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(response.body()).getString("code")).isEqualTo("duplicate-person");
    }

    @Test
    void a_roster_import_by_a_member_is_forbidden() {
        HttpResponse<String> response = hub.post(
                "/api/assemblies/" + setup.assemblyId() + "/roster",
                "text/csv",
                setup.token("m1"),
                "id,name\nz1,Zed\n");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(response.body()).getString("code")).isEqualTo("forbidden");
    }

    @Test
    void creating_an_assembly_needs_the_bootstrap_token() {
        HttpResponse<String> response = hub.post("/api/assemblies", "application/json", "wrong", "{\"title\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(response.body()).getString("code")).isEqualTo("bootstrap-required");
    }

    @Test
    void creating_an_assembly_from_malformed_json_is_refused() {
        HttpResponse<String> response = hub.post("/api/assemblies", "application/json", TestHub.BOOTSTRAP, "{oops");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getString("code")).isEqualTo("malformed-json");
    }

    @Test
    void the_health_endpoint_reports_up() {
        HttpResponse<String> response = hub.get("/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getString("status")).isEqualTo("UP");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("frame-ancestors 'none'");
    }
}
