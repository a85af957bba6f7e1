package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.recommendation.domain.Trackers;
import org.assemblyhub.recommendation.verify.BallotVerifier;
import org.assemblyhub.support.Jackson;
import org.assemblyhub.testing.JournalEditor;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.*;

/**
 * Drafts and the final ballot, end to end over real sockets and HTTP: versions with a diff, a secret ballot with
 * trackers and a changed vote, the published list, the public record re-counted, and the secrecy of the record.
 */
class SecretBallotTest {
    static final int MEMBERS = 12;
    static final SecureRandom RANDOM = new SecureRandom();
    TestHub hub;
    TestHub.Setup setup;
    LiveClient organiser;
    LiveClient lead;
    LiveClient observer;
    final List<LiveClient> members = new ArrayList<>();
    final Map<Integer, String> secrets = new HashMap<>();
    final Map<Integer, String> trackers = new HashMap<>();

    @BeforeEach
    void aDraftIsWrittenAmendedAndPutToTheVote() {
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 100);
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

        JsonObject analysis = new JsonObject()
                .put("benefits", "Cleaner air")
                .put("costs", "2 M€ a year")
                .put("implementers", "The city");
        assertThat(lead.call(
                                "d1",
                                "propose-draft",
                                new JsonObject()
                                        .put("title", "Cycle lanes")
                                        .put("text", "Build protected cycle lanes on every main road.")
                                        .put("analysis", analysis))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        lead.call(
                "d2",
                "amend-draft",
                new JsonObject()
                        .put("draftId", "d1")
                        .put("baseVersion", 1)
                        .put("title", "Cycle lanes")
                        .put("text", "Build protected cycle lanes on every main road by 2030.")
                        .put("analysis", analysis)
                        .put("note", "A date"));
        organiser.call("phase2", "change-phase", new JsonObject().put("phase", "decision"));
        assertThat(lead.call(
                                "b",
                                "open-ballot",
                                new JsonObject().put("title", "Final vote").put("draftIds", new JsonArray().add("d1")))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
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

    private JsonNode cast(int member, int level, String previous) {
        return received(member, send(member, level, previous));
    }

    /** Sends a cast without waiting (casts pool for a moment before they are decided); returns its secret. */
    private String send(int member, int level, String previous) {
        String secret = newSecret();
        JsonObject args = new JsonObject()
                .put("ballotId", "b1")
                .put("levels", new JsonArray().add(level))
                .put("secret", secret);
        if (previous != null) args.put("previousSecret", previous);
        members.get(member - 1).command("cast-" + member + "-" + secret, "cast-ballot", args);
        return secret;
    }

    private JsonNode received(int member, String secret) {
        String id = "cast-" + member + "-" + secret;
        JsonNode answer =
                members.get(member - 1).await(m -> id.equals(m.path("id").asText()));
        if (answer.path("type").asText().equals("ack")) {
            secrets.put(member, secret);
            assertThat(answer.path("result").has("tracker"))
                    .as("the ack keeps no tracker: the browser derives it")
                    .isFalse();
            trackers.put(member, Trackers.of("b1", secret));
        }
        return answer;
    }

    String firstSecret;

    private void everyoneVotesAndOneChangesTheirMind() {
        Map<Integer, String> sent = new HashMap<>();
        for (int i = 1; i <= 10; i++) sent.put(i, send(i, i <= 8 ? 1 : 4, null));
        for (int i = 1; i <= 10; i++)
            assertThat(received(i, sent.get(i)).path("type").asText()).isEqualTo("ack");
        String firstTracker = trackers.get(3);
        firstSecret = secrets.get(3);
        assertThat(cast(3, 5, secrets.get(3)).path("type").asText()).isEqualTo("ack");
        trackers.put(-3, firstTracker);
        lead.call("close", "close-ballot", new JsonObject().put("ballotId", "b1"));
    }

    @Test
    void members_see_each_draft_version_with_a_diff_and_observers_read_only_the_version_put_to_the_vote() {
        JsonNode draft = members.get(0)
                .awaitView(v -> v.path("drafts").path("d1").path("version").asInt() == 2)
                .path("drafts")
                .path("d1");
        assertThat(draft.path("diff").toString())
                .isEqualTo("[{\"op\":\"=\",\"text\":\"Build protected cycle lanes on every main \"},"
                        + "{\"op\":\"-\",\"text\":\"road.\"},{\"op\":\"+\",\"text\":\"road by 2030.\"}]");
        assertThat(draft.path("analysis").path("costs").asText()).isEqualTo("2 M€ a year");
        assertThat(draft.path("versions").get(1).path("note").asText()).isEqualTo("A date");
        JsonNode watched = observer.awaitView(v -> v.path("drafts").has("d1"))
                .path("drafts")
                .path("d1");
        assertThat(watched.path("text").asText()).isEqualTo("Build protected cycle lanes on every main road by 2030.");
        assertThat(watched.path("analysis").path("costs").asText()).isEqualTo("2 M€ a year");
        assertThat(watched.path("underVote").asBoolean()).isTrue();
        assertThat(watched.has("versions") || watched.has("diff")).isFalse();
        assertThat(String.join("\n", observer.frames())).doesNotContain("A date", "Lead Person");
        assertThat(lead.call(
                                "stale",
                                "amend-draft",
                                new JsonObject()
                                        .put("draftId", "d1")
                                        .put("baseVersion", 1)
                                        .put("title", "X")
                                        .put("text", "Y"))
                        .path("code")
                        .asText())
                .isIn("draft-changed", "under-vote");
    }

    @Test
    void the_published_list_shows_every_tracker_with_its_choice_and_superseded_ones_marked() {
        everyoneVotesAndOneChangesTheirMind();

        JsonNode ballot = observer.awaitView(v -> v.path("ballots").path("b1").has("results"))
                .path("ballots")
                .path("b1");
        Map<String, String> status = new LinkedHashMap<>();
        ballot.path("trackers")
                .forEach(t ->
                        status.put(t.path("tracker").asText(), t.path("status").asText()));
        assertThat(status).hasSize(10).doesNotContainKey(trackers.get(-3)); // a replaced ballot is never published
        for (int i = 1; i <= 10; i++) assertThat(status.get(trackers.get(i))).isEqualTo("counted");
        assertThat(new ArrayList<>(status.keySet()))
                .as("published in tracker order, not in the order cast")
                .isSorted();
        assertThat(ballot.path("results").get(0).path("levels").toString()).isEqualTo("[7,0,0,2,1]");
        assertThat(ballot.path("results").get(0).path("outcome").asText()).isEqualTo("not-adopted"); // 7 of 10 < 4/5
        assertThat(ballot.path("turnout").asInt()).isEqualTo(10);
        JsonNode receipt = members.get(2)
                .call(
                        "find",
                        "find-receipt",
                        new JsonObject().put("ballotId", "b1").put("secret", secrets.get(3)));
        assertThat(receipt.path("result").path("tracker").asText()).isEqualTo(trackers.get(3));
        assertThat(receipt.path("result").path("status").asText()).isEqualTo("counted");
        assertThat(members.get(2)
                        .call(
                                "old",
                                "find-receipt",
                                new JsonObject().put("ballotId", "b1").put("secret", firstSecret))
                        .path("result")
                        .path("status")
                        .asText())
                .isEqualTo("superseded");
    }

    @Test
    void second_votes_late_votes_and_votes_off_the_roll_are_refused() {
        assertThat(cast(1, 1, null).path("type").asText()).isEqualTo("ack");
        assertThat(cast(1, 2, null).path("code").asText()).isEqualTo("already-voted");
        assertThat(cast(2, 6, null).path("code").asText()).isEqualTo("invalid-choice");
        LiveClient latecomer = hub.client(setup.token("f0")).join(setup.assemblyId());
        assertThat(latecomer
                        .call(
                                "x",
                                "cast-ballot",
                                new JsonObject()
                                        .put("ballotId", "b1")
                                        .put("levels", new JsonArray().add(1))
                                        .put("secret", newSecret()))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        lead.call("close", "close-ballot", new JsonObject().put("ballotId", "b1"));
        assertThat(cast(2, 1, null).path("code").asText()).isEqualTo("ballot-closed");
        JsonNode ballot = observer.awaitView(v -> v.path("ballots").path("b1").has("results"))
                .path("ballots")
                .path("b1");
        assertThat(ballot.path("trackers")).hasSize(1);
    }

    @Test
    void nothing_in_the_journal_or_in_any_frame_pairs_a_member_with_a_choice() throws Exception {
        everyoneVotesAndOneChangesTheirMind();
        observer.awaitView(v -> v.path("ballots").path("b1").has("results"));
        List<String> journal = JournalEditor.records(JournalEditor.journal(hub.dataDir(), setup.assemblyId()));
        List<String> people = new ArrayList<>();
        for (int i = 1; i <= MEMBERS; i++) people.add("m" + i);

        int choices = 0;
        for (String record : journal) {
            JsonNode json = Jackson.MAPPER.readTree(record);
            String type = json.path("type").asText();
            if (!type.startsWith("Ballot") && !type.equals("ChoiceSealed")) continue;
            String data = json.path("data").toString();
            boolean holdsChoice =
                    data.contains("\"tracker\"") || data.contains("\"choice\"") || data.contains("\"levels\"");
            if (holdsChoice) {
                choices++;
                String cmd = json.path("cmd").asText("");
                for (String p : people) {
                    assertThat(cmd).as(record).doesNotStartWith(p + ":");
                    assertThat(data).as(record).doesNotContain("\"" + p + "\"");
                }
            }
        }
        assertThat(choices).isEqualTo(11 + 10); // 11 sealed as cast (one replaced), 10 published at the close
        List<LiveClient> everyone = new ArrayList<>(members);
        everyone.addAll(List.of(organiser, lead, observer));
        for (LiveClient client : everyone) {
            for (String frame : client.frames()) {
                noObjectPairsAPersonWithATracker(Jackson.MAPPER.readTree(frame), people);
            }
        }
    }

    private void noObjectPairsAPersonWithATracker(JsonNode node, List<String> people) {
        if (node.isObject()) {
            if (node.has("tracker") || node.has("choice")) {
                String text = node.toString();
                for (String p : people)
                    assertThat(text).doesNotContain("\"" + p + "\"").doesNotContain("Member " + p.substring(1) + "\"");
                assertThat(node.has("personId")).isFalse();
            }
        }
        node.forEach(child -> noObjectPairsAPersonWithATracker(child, people));
    }

    @Test
    void the_published_record_recounts_to_the_same_result_and_a_choice_rewritten_in_the_journal_is_detected()
            throws Exception {
        everyoneVotesAndOneChangesTheirMind();
        String head = observer.awaitView(v -> v.path("ballots").path("b1").has("results"))
                .path("ballots")
                .path("b1")
                .path("head")
                .asText();
        var response = hub.get("/api/assemblies/" + setup.assemblyId() + "/ballots/b1/record.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        var report = BallotVerifier.verify(Jackson.MAPPER.readTree(response.body()), head);
        assertThat(report.ok()).as(String.valueOf(report.problem())).isTrue();
        assertThat(String.join("\n", report.lines()))
                .contains("10 ballots counted")
                .contains("outcome=not-adopted");

        hub.stop();
        String victim = trackers.get(1);
        JournalEditor.rewrite(
                JournalEditor.journal(hub.dataDir(), setup.assemblyId()),
                record -> record.contains(victim) && record.contains("\"choice\"")
                        ? record.replace("\"choice\":\"1\"", "\"choice\":\"5\"")
                        : record);
        // Re-chained too, as an attacker who knows the format would: the journal's own chain holds again.
        JournalEditor.rechain(JournalEditor.journal(hub.dataDir(), setup.assemblyId()), setup.assemblyId());
        hub.start();

        var tampered = hub.get("/api/assemblies/" + setup.assemblyId() + "/ballots/b1/record.json", null);
        var detected = BallotVerifier.verify(Jackson.MAPPER.readTree(tampered.body()), head);
        assertThat(detected.ok()).isFalse();
        assertThat(detected.problem()).contains("(accepted): its hash does not match its content");
    }

    @Test
    void open_data_holds_results_without_any_person_and_the_booklet_is_a_pdf() throws Exception {
        everyoneVotesAndOneChangesTheirMind();
        observer.awaitView(v -> v.path("ballots").path("b1").has("results"));
        var json = hub.get("/api/assemblies/" + setup.assemblyId() + "/open-data.json", null);
        var csv = hub.get("/api/assemblies/" + setup.assemblyId() + "/results.csv", null);

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(Jackson.MAPPER
                        .readTree(json.body())
                        .path("ballots")
                        .get(0)
                        .path("results")
                        .get(0)
                        .path("outcome")
                        .asText())
                .isEqualTo("not-adopted");
        assertThat(json.body()).doesNotContain("Member ", "\"m1\"", "Lead Person");
        assertThat(csv.body())
                .startsWith("source,id,question,round,item,answer,count,outcome")
                .contains("ballot,b1,Final vote,,d1 v2,level 1,7,not-adopted");
        var booklet = hub.get("/api/assemblies/" + setup.assemblyId() + "/booklet.pdf", null);
        assertThat(booklet.statusCode()).isEqualTo(403);
        var pdf = hub.get("/api/assemblies/" + setup.assemblyId() + "/booklet.pdf", setup.token("m1"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
    }
}
