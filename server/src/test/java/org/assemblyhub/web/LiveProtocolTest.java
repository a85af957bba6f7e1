package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live protocol over real WebSockets against a real hub: handshake, commands, acks, resume, idempotency. */
class LiveProtocolTest {
    static final String ROSTER =
            """
            id,name,contact,role,gender,area
            f1,Fatou,fatou@example.org,facilitator,female,north
            m1,Aïcha,aicha@example.org,member,female,north
            m2,Bernard,bernard@example.org,member,male,south
            """;

    static TestHub hub;
    static TestHub.Setup setup;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        setup = hub.createAssembly(true, ROSTER);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void a_member_who_says_hello_gets_a_snapshot_then_their_personal_identity() {
        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());

        JsonNode snapshot = member.await(m -> m.path("type").asText().equals("snapshot"));
        assertThat(snapshot.path("audience").asText()).isEqualTo("member");
        assertThat(snapshot.path("view").path("assembly").path("title").asText())
                .isEqualTo("Test assembly");
        JsonNode personal = member.await(m -> m.path("type").asText().equals("personal"));
        assertThat(personal.path("me").path("personId").asText()).isEqualTo("m1");
        assertThat(personal.path("me").path("role").asText()).isEqualTo("member");
        assertThat(personal.path("seq").asLong()).isEqualTo(snapshot.path("seq").asLong());
    }

    @Test
    void an_organisers_announcement_reaches_every_open_screen_without_reload() {
        LiveClient member = hub.client(setup.token("m2")).join(setup.assemblyId());
        LiveClient observer = hub.client(null).join(setup.assemblyId());
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());

        JsonNode ack = organiser.call("ann-1", "announce", new JsonObject().put("text", "Welcome everyone!"));

        assertThat(ack.path("type").asText()).isEqualTo("ack");
        for (LiveClient screen : new LiveClient[] {member, observer, organiser}) {
            screen.awaitView(v -> v.path("announcements").toString().contains("Welcome everyone!"));
        }
    }

    @Test
    void every_server_message_carries_a_sequence_number() {
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("seq-1", "announce", new JsonObject().put("text", "sequenced"));
        organiser.call("seq-2", "nonsense", new JsonObject());
        organiser.sendRaw("{\"type\":\"ping\"}");
        organiser.await(m -> m.path("type").asText().equals("pong"));

        assertThat(organiser.messages())
                .allSatisfy(m -> assertThat(m.has("seq")).as(m.toString()).isTrue());
    }

    @Test
    void a_retried_command_id_is_applied_once_and_answered_with_the_first_answer() {
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        JsonNode first = organiser.call("same-id", "announce", new JsonObject().put("text", "Only once, please"));
        JsonNode second = organiser.call("same-id", "announce", new JsonObject().put("text", "Only once, please"));

        assertThat(second.path("seq").asLong()).isEqualTo(first.path("seq").asLong());
        LiveClient fresh = hub.client(setup.token("m1")).join(setup.assemblyId());
        long copies = countOccurrences(fresh.view().path("announcements").toString(), "Only once, please");
        assertThat(copies).isEqualTo(1);
    }

    @Test
    void a_client_that_resumes_with_its_last_seq_receives_exactly_the_patches_it_missed() {
        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        long lastSeq = member.seq();
        String audience = member.audience();
        member.close();

        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("missed-1", "announce", new JsonObject().put("text", "missed one"));
        organiser.call("missed-2", "announce", new JsonObject().put("text", "missed two"));

        LiveClient back = hub.client(setup.token("m1"));
        back.send(new JsonObject()
                .put("type", "hello")
                .put("assembly", setup.assemblyId())
                .put("lastSeq", lastSeq)
                .put("lastAudience", audience));
        JsonNode personal = back.await(m -> m.path("type").asText().equals("personal"));

        assertThat(back.messages()).noneMatch(m -> m.path("type").asText().equals("snapshot"));
        // The two announcements reach screens as one or two patches (changes within 100 ms are coalesced).
        assertThat(back.messages())
                .filteredOn(m -> m.path("type").asText().equals("patch"))
                .hasSizeBetween(1, 2)
                .first()
                .satisfies(p -> assertThat(p.path("base").asLong()).isEqualTo(lastSeq));
        assertThat(back.messages())
                .filteredOn(m -> m.path("type").asText().equals("patch"))
                .extracting(m -> m.path("patch").toString())
                .anySatisfy(p -> assertThat(p).contains("missed one"))
                .anySatisfy(p -> assertThat(p).contains("missed two"));
        assertThat(personal.path("seq").asLong()).isGreaterThan(lastSeq);
    }

    @Test
    void a_client_that_is_already_current_receives_no_patch_and_no_snapshot_on_resume() {
        LiveClient member = hub.client(setup.token("m2")).join(setup.assemblyId());
        long lastSeq = member.seq();
        member.close();

        LiveClient back = hub.client(setup.token("m2"));
        back.send(new JsonObject()
                .put("type", "hello")
                .put("assembly", setup.assemblyId())
                .put("lastSeq", lastSeq)
                .put("lastAudience", "member"));
        back.await(m -> m.path("type").asText().equals("personal"));

        assertThat(back.messages()).extracting(m -> m.path("type").asText()).containsExactly("personal");
    }

    @Test
    void a_client_with_an_unknown_seq_gets_a_fresh_snapshot() {
        LiveClient back = hub.client(setup.token("m2"));
        back.send(new JsonObject()
                .put("type", "hello")
                .put("assembly", setup.assemblyId())
                .put("lastSeq", 999_999)
                .put("lastAudience", "member"));
        back.await(m -> m.path("type").asText().equals("personal"));

        // A patch may follow (the presence change of this very connection, if its write was still in flight).
        assertThat(back.messages())
                .extracting(m -> m.path("type").asText())
                .startsWith("snapshot", "personal")
                .containsOnlyOnce("snapshot");
    }

    @Test
    void a_burst_of_hellos_is_coalesced_into_a_few_snapshots_and_the_connection_stays_consistent() {
        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        int before = member.count();
        for (int i = 0; i < 20; i++) member.hello(setup.assemblyId());
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("after-burst", "announce", new JsonObject().put("text", "after the burst"));

        member.awaitView(v -> v.path("announcements").toString().contains("after the burst"));
        long snapshots = member.messages().subList(before, member.count()).stream()
                .filter(m -> m.path("type").asText().equals("snapshot"))
                .count();
        assertThat(snapshots).as("coalesced: fewer snapshots than hellos").isBetween(1L, 19L);
    }

    @Test
    void a_phase_change_by_the_organiser_reaches_members_and_observers() {
        TestHub.Setup own = hub.createAssembly(true, ROSTER);
        LiveClient member = hub.client(own.token("m1")).join(own.assemblyId());
        LiveClient observer = hub.client(null).join(own.assemblyId());
        LiveClient organiser = hub.client(own.token("organiser-1")).join(own.assemblyId());

        organiser.call("phase-1", "change-phase", new JsonObject().put("phase", "learning"));

        member.awaitView(v -> v.path("phase").asText().equals("learning"));
        observer.awaitView(v -> v.path("phase").asText().equals("learning"));
    }

    @Test
    void facilitators_and_organisers_see_who_is_connected() {
        TestHub.Setup own = hub.createAssembly(true, ROSTER);
        LiveClient facilitator = hub.client(own.token("f1")).join(own.assemblyId());
        LiveClient organiser = hub.client(own.token("organiser-1")).join(own.assemblyId());

        LiveClient member = hub.client(own.token("m2")).join(own.assemblyId());
        facilitator.awaitView(v -> v.path("presence").path("m2").path("online").asBoolean());
        organiser.awaitView(v -> v.path("roster").path("m2").path("online").asBoolean());

        member.close();
        facilitator.awaitView(v -> !v.path("presence").path("m2").path("online").asBoolean());
    }

    static long countOccurrences(String text, String needle) {
        long count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) count++;
        return count;
    }
}
