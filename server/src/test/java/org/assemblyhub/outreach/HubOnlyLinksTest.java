package org.assemblyhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Tokens;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nobody but the hub issues a link it can derive again, nor reads the outreach's roster: an organiser choosing a
 * token's hash would hold a member's link without anyone knowing (and sealed invitations would be sealed for nothing).
 */
class HubOnlyLinksTest {
    TestHub hub;

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
    }

    @Test
    void an_organiser_cannot_issue_a_linked_invitation_nor_read_the_outreach_roster_over_the_socket() {
        hub = new TestHub();
        TestHub.Setup a = hub.createAssembly(false, "id,name,contact\nana,Ana,ana@example.org\n");
        LiveClient organiser = hub.client(a.token("organiser-1")).join(a.assemblyId());
        String chosen = a.assemblyId() + ".chosen-by-the-organiser";

        JsonNode issued = organiser.call(
                "c1",
                "issue-linked-invitation",
                new JsonObject()
                        .put("personId", "ana")
                        .put("tokenHash", Tokens.hash(chosen))
                        .put("linkNonce", "0123456789abcdef0123"));
        JsonNode roster = organiser.call("c2", "outreach-roster", new JsonObject());

        assertThat(issued.path("code").asText()).isEqualTo("forbidden");
        assertThat(roster.path("code").asText()).isEqualTo("forbidden");
        assertThat(roster.toString()).doesNotContain("ana@example.org");
        assertThat(Outreach.opens(hub, hub.url() + "/join/" + chosen, "Ana")).isFalse();
        assertThat(Outreach.opens(hub, hub.url() + "/join/" + a.token("ana"), "Ana"))
                .isTrue();
    }
}
