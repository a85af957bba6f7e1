package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.recommendation.domain.Trackers;
import org.assemblyhub.recommendation.verify.BallotVerifier;
import org.assemblyhub.support.Jackson;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.MutableClock;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * While a ballot is open its choices are sealed: no frame, view, record, open data or CSV carries a tracker or a
 * choice, the chain's head does not move, and the turnout everyone sees moves only at coarse intervals. Only the
 * member who cast a ballot can replace it, and a head noted during the vote is found in the published record.
 */
class SealedBallotTest {
    static final int MEMBERS = 6;
    static final SecureRandom RANDOM = new SecureRandom();
    final MutableClock clock = new MutableClock();
    TestHub hub;
    TestHub.Setup setup;
    LiveClient organiser;
    LiveClient lead;
    LiveClient observer;
    final List<LiveClient> members = new ArrayList<>();
    final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void aBallotIsOpen() {
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 100, clock);
        StringBuilder csv = new StringBuilder("id,name,role\nf0,Lead Person,facilitator\n");
        for (int i = 1; i <= MEMBERS; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        setup = hub.createAssembly(true, csv.toString());
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f0"));
        organiser.call("phase", "change-phase", new JsonObject().put("phase", "deliberation"));
        lead = hub.client(setup.token("f0")).join(setup.assemblyId());
        observer = hub.client(null).join(setup.assemblyId());
        for (int i = 1; i <= MEMBERS; i++)
            members.add(hub.client(setup.token("m" + i)).join(setup.assemblyId()));
        organiser.awaitView(
                v -> v.path("roster").path("m" + MEMBERS).path("online").asBoolean());
        lead.call(
                "d1",
                "propose-draft",
                new JsonObject().put("title", "Cycle lanes").put("text", "Build protected cycle lanes."));
        organiser.call("phase2", "change-phase", new JsonObject().put("phase", "decision"));
        lead.call(
                "b",
                "open-ballot",
                new JsonObject().put("title", "Final vote").put("draftIds", new JsonArray().add("d1")));
        observer.awaitView(v -> v.path("ballots").path("b1").path("open").asBoolean());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static String newSecret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private JsonNode cast(int member, int level, String secret, String previous) {
        JsonObject args = new JsonObject()
                .put("ballotId", "b1")
                .put("levels", new JsonArray().add(level))
                .put("secret", secret);
        if (previous != null) args.put("previousSecret", previous);
        return members.get(member - 1).call("cast-" + secret, "cast-ballot", args);
    }

    /** Every member votes at once (casts pool for a moment before they are decided). */
    private void allVote() {
        for (int i = 1; i <= MEMBERS; i++) {
            String secret = newSecret();
            members.get(i - 1)
                    .command(
                            "cast-" + secret,
                            "cast-ballot",
                            new JsonObject()
                                    .put("ballotId", "b1")
                                    .put("levels", new JsonArray().add(i % 5 + 1))
                                    .put("secret", secret));
            secrets.add(secret);
        }
        for (int i = 1; i <= MEMBERS; i++) {
            String id = "cast-" + secrets.get(i - 1);
            assertThat(members.get(i - 1)
                            .await(m -> id.equals(m.path("id").asText()))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
        }
    }

    private List<String> trackers() {
        return secrets.stream().map(s -> Trackers.of("b1", s)).toList();
    }

    @Test
    void while_a_ballot_is_open_no_frame_view_record_or_export_carries_a_tracker_or_a_choice() throws Exception {
        String openingHead =
                observer.view().path("ballots").path("b1").path("head").asText();
        allVote();
        organiser.call("note", "announce", new JsonObject().put("text", "Everyone has voted?"));
        observer.awaitView(v -> v.path("announcements").toString().contains("Everyone has voted"));

        var record = hub.get("/api/assemblies/" + setup.assemblyId() + "/ballots/b1/record.json", null);
        assertThat(record.statusCode()).isEqualTo(409);
        JsonNode refused = Jackson.MAPPER.readTree(record.body());
        assertThat(refused.path("code").asText()).isEqualTo("ballot-open");
        assertThat(refused.path("opened").path("hash").asText()).isEqualTo(openingHead);
        List<String> surfaces = new ArrayList<>(List.of(
                record.body(),
                hub.get("/api/assemblies/" + setup.assemblyId() + "/open-data.json", null)
                        .body(),
                hub.get("/api/assemblies/" + setup.assemblyId() + "/results.csv", null)
                        .body(),
                hub.get("/api/assemblies/" + setup.assemblyId() + "/ballots/b1/record.json", setup.token("f0"))
                        .body()));
        for (LiveClient client : List.of(organiser, lead, observer)) surfaces.addAll(client.frames());
        for (LiveClient member : members) surfaces.addAll(member.frames());
        for (String surface : surfaces) {
            for (String tracker : trackers())
                assertThat(surface).doesNotContain(tracker).doesNotContain(tracker.replace("-", ""));
            assertThat(surface).doesNotContain("\"choice\"").doesNotContain("\"trackers\"");
        }
        JsonNode ballot = observer.view().path("ballots").path("b1");
        assertThat(ballot.path("head").asText())
                .as("the head does not move while the ballot is open")
                .isEqualTo(openingHead);
        assertThat(ballot.path("entries").asInt()).isEqualTo(1);
    }

    /** Puts the hub's clock one second past a tick of the turnout's grid: the next tick is 19 s away. */
    private void justAfterATick() {
        long intoWindow = Math.floorMod(clock.instant().toEpochMilli(), 20_000);
        clock.advance(Duration.ofMillis(Math.floorMod(21_000 - intoWindow, 20_000)));
    }

    @Test
    void the_turnout_everyone_sees_moves_only_at_coarse_intervals() {
        justAfterATick();
        allVote();
        organiser.call("note", "announce", new JsonObject().put("text", "later"));
        observer.awaitView(v -> v.path("announcements").toString().contains("later"));
        assertThat(observer.view().path("ballots").path("b1").path("turnout").asInt())
                .as("not at the moment each vote lands")
                .isZero();
        assertThat(lead.view().path("ballots").path("b1").path("turnout").asInt())
                .isZero();

        clock.advance(Duration.ofSeconds(21));
        observer.awaitView(v -> v.path("ballots").path("b1").path("turnout").asInt() == MEMBERS);
    }

    @Test
    void after_a_quiet_spell_a_vote_still_waits_for_the_next_tick_of_the_grid() {
        clock.advance(Duration.ofSeconds(95)); // a long quiet time with the ballot open
        justAfterATick();
        String secret = newSecret();
        assertThat(cast(1, 1, secret, null).path("type").asText()).isEqualTo("ack");
        organiser.call("note", "announce", new JsonObject().put("text", "quiet"));
        observer.awaitView(v -> v.path("announcements").toString().contains("quiet"));
        assertThat(observer.view().path("ballots").path("b1").path("turnout").asInt())
                .as("not the moment it lands")
                .isZero();

        clock.advance(Duration.ofSeconds(20));
        observer.awaitView(v -> v.path("ballots").path("b1").path("turnout").asInt() == 1);
    }

    @Test
    void a_member_who_learnt_another_members_secret_cannot_replace_their_ballot() {
        String mine = newSecret();
        assertThat(cast(1, 1, mine, null).path("type").asText()).isEqualTo("ack");
        assertThat(cast(2, 5, newSecret(), null).path("type").asText()).isEqualTo("ack");

        // Member 2 read member 1's secret on a shared device and tries to replace member 1's ballot with a second one.
        assertThat(cast(2, 5, newSecret(), mine).path("code").asText()).isEqualTo("unknown-receipt");
        JsonNode receipt = members.get(0)
                .call(
                        "r",
                        "find-receipt",
                        new JsonObject().put("ballotId", "b1").put("secret", mine));
        assertThat(receipt.path("result").path("status").asText()).isEqualTo("counted");
        // The owner still can.
        assertThat(cast(1, 2, newSecret(), mine).path("type").asText()).isEqualTo("ack");
    }

    @Test
    void the_head_noted_during_the_vote_and_the_head_after_it_both_verify_against_the_published_record()
            throws Exception {
        String duringTheVote =
                observer.view().path("ballots").path("b1").path("head").asText();
        allVote();
        lead.call("close", "close-ballot", new JsonObject().put("ballotId", "b1"));
        String after = observer.awaitView(v -> v.path("ballots").path("b1").has("results"))
                .path("ballots")
                .path("b1")
                .path("head")
                .asText();
        JsonNode record = Jackson.MAPPER.readTree(
                hub.get("/api/assemblies/" + setup.assemblyId() + "/ballots/b1/record.json", null)
                        .body());

        for (String head : List.of(duringTheVote, after)) {
            var report = BallotVerifier.verify(record, head);
            assertThat(report.ok()).as(String.valueOf(report.problem())).isTrue();
        }
        assertThat(BallotVerifier.verify(record, "0".repeat(63) + "1").ok()).isFalse();
        List<String> published = new ArrayList<>();
        record.path("entries").forEach(e -> {
            if (e.path("type").asText().equals("accepted"))
                published.add(e.path("fields").path("tracker").asText());
        });
        assertThat(published).containsExactlyInAnyOrderElementsOf(trackers()).isSorted();
    }

    @Test
    void the_rolls_fingerprint_is_salted_and_only_organisers_and_the_lead_see_the_salt() throws Exception {
        List<String> roll = new ArrayList<>();
        for (int i = 1; i <= MEMBERS; i++) roll.add("m" + i);
        String ids = String.join("\n", roll.stream().sorted().toList());
        JsonNode seen = observer.view().path("ballots").path("b1");
        assertThat(seen.has("rollSalt")).isFalse();
        assertThat(seen.path("rollFingerprint").asText())
                .as("nobody can confirm a guess of who was there")
                .isNotEqualTo(sha256(ids));
        assertThat(members.get(0).view().path("ballots").path("b1").has("rollSalt"))
                .isFalse();

        String salt = organiser
                .awaitView(v -> v.path("ballots").path("b1").has("rollSalt"))
                .path("ballots")
                .path("b1")
                .path("rollSalt")
                .asText();
        // The lead's view may come a moment after the organiser's: wait for it rather than read what is there.
        assertThat(lead.awaitView(v -> v.path("ballots").path("b1").has("rollSalt"))
                        .path("ballots")
                        .path("b1")
                        .path("rollSalt")
                        .asText())
                .isEqualTo(salt);
        assertThat(sha256(salt + "\n" + ids))
                .as("organisers check it against their list")
                .isEqualTo(seen.path("rollFingerprint").asText());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
