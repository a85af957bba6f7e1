package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** Live polls over real sockets: who answers, changed answers, live or hidden results, refusals, coalesced tallies. */
class PollsTest {
    static final int MEMBERS = 100;
    TestHub hub;
    TestHub.Setup setup;
    LiveClient organiser;
    LiveClient observer;
    final List<LiveClient> members = new ArrayList<>();

    @BeforeEach
    void aHundredMembersAreConnected() {
        hub = new TestHub(TestHub.newDataDir(), TestHub.freePort(), 1_000);
        StringBuilder csv = new StringBuilder("id,name,role\nf1,Fac One,facilitator\n");
        for (int i = 1; i <= MEMBERS; i++)
            csv.append("m").append(i).append(",Member ").append(i).append(",member\n");
        setup = hub.createAssembly(true, csv.toString());
        organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        observer = hub.client(null).join(setup.assemblyId());
        for (int i = 1; i <= MEMBERS; i++)
            members.add(hub.client(setup.token("m" + i)).join(setup.assemblyId()));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static JsonObject single(String question, String... options) {
        return new JsonObject()
                .put("kind", "single")
                .put("question", question)
                .put("options", new JsonArray(List.of(options)));
    }

    private static JsonObject answer(String pollId, int choice) {
        return new JsonObject().put("pollId", pollId).put("choices", new JsonArray().add(choice));
    }

    @Test
    void a_thousand_votes_reach_observers_in_a_bounded_number_of_updates_the_last_with_each_ones_last_vote() {
        organiser.call("open", "open-poll", single("Which first?", "Trees", "Bikes", "Buses"));
        observer.awaitView(v -> v.path("polls").has("p1"));
        int before = observer.count();
        long started = System.nanoTime();
        int[] expected = new int[3];
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < MEMBERS; i++)
                members.get(i).command("v" + round, "answer-poll", answer("p1", (i + round) % 3));
        }
        for (int i = 0; i < MEMBERS; i++) expected[(i + 9) % 3]++;
        for (int i = 0; i < MEMBERS; i++)
            members.get(i).await(m -> "v9".equals(m.path("id").asText()));
        JsonNode results = observer.awaitView(v -> v.path("polls")
                        .path("p1")
                        .path("results")
                        .path("counts")
                        .toString()
                        .equals("[" + expected[0] + "," + expected[1] + "," + expected[2] + "]"))
                .path("polls")
                .path("p1");
        double seconds = (System.nanoTime() - started) / 1e9;
        int updates = observer.count() - before;

        assertThat(results.path("answered").asInt()).isEqualTo(MEMBERS);
        // One update per 20 ms in an assembly this small (ViewPace), bursts of 3 (PublishBudget): never one per vote.
        assertThat(updates).isLessThanOrEqualTo((int) (seconds * 50) + 5).isLessThan(1_000 / 5);
        System.out.printf("1,000 votes → %d observer updates in %.2f s%n", updates, seconds);
    }

    @Test
    void a_changed_answer_replaces_the_earlier_one_and_results_hidden_until_closed_show_only_the_count() {
        organiser.call("open", "open-poll", single("Hidden?", "Yes", "No").put("liveResults", false));
        members.get(0).call("a", "answer-poll", answer("p1", 0));
        members.get(0).call("b", "answer-poll", answer("p1", 1));
        members.get(1).call("c", "answer-poll", answer("p1", 1));

        JsonNode open = observer.awaitView(
                        v -> v.path("polls").path("p1").path("answered").asInt() == 2)
                .path("polls")
                .path("p1");
        assertThat(open.has("results")).isFalse();
        organiser.call("close", "close-poll", new JsonObject().put("pollId", "p1"));
        JsonNode closed = observer.awaitView(
                        v -> !v.path("polls").path("p1").path("open").asBoolean(true))
                .path("polls")
                .path("p1");
        assertThat(closed.path("results").path("counts").toString()).isEqualTo("[0,2]");
    }

    @Test
    void bad_answers_are_refused_with_their_reason_and_leave_the_tally_untouched() {
        organiser.call(
                "open1",
                "open-poll",
                new JsonObject()
                        .put("kind", "ranking")
                        .put("question", "Rank")
                        .put("options", new JsonArray().add("A").add("B").add("C")));
        organiser.call(
                "open2",
                "open-poll",
                new JsonObject()
                        .put("kind", "scale")
                        .put("question", "How much?")
                        .put("scaleMin", 1)
                        .put("scaleMax", 5));
        organiser.call(
                "open3", "open-poll", new JsonObject().put("kind", "text").put("question", "One word?"));
        LiveClient m = members.get(0);
        LiveClient facilitator = hub.client(setup.token("f1")).join(setup.assemblyId());

        assertThat(m.call(
                                "r1",
                                "answer-poll",
                                new JsonObject()
                                        .put("pollId", "p1")
                                        .put("choices", new JsonArray().add(0).add(0)))
                        .path("message")
                        .asText())
                .isEqualTo("Each option can be ranked only once.");
        assertThat(m.call(
                                "r2",
                                "answer-poll",
                                new JsonObject().put("pollId", "p1").put("choices", new JsonArray().add(7)))
                        .path("message")
                        .asText())
                .isEqualTo("There is no such option.");
        assertThat(m.call(
                                "r3",
                                "answer-poll",
                                new JsonObject().put("pollId", "p2").put("value", 6))
                        .path("message")
                        .asText())
                .isEqualTo("Choose a value from 1 to 5.");
        assertThat(m.call(
                                "r4",
                                "answer-poll",
                                new JsonObject().put("pollId", "p3").put("text", "x".repeat(281)))
                        .path("message")
                        .asText())
                .contains("at most 280");
        assertThat(m.call(
                                "r5",
                                "answer-poll",
                                new JsonObject().put("pollId", "p3").put("text", "<img src=x onerror=alert(1)>"))
                        .path("code")
                        .asText())
                .isEqualTo("markup-not-allowed");
        assertThat(facilitator
                        .call(
                                "r6",
                                "answer-poll",
                                new JsonObject().put("pollId", "p2").put("value", 3))
                        .path("code")
                        .asText())
                .isEqualTo("not-on-roll");
        assertThat(m.call(
                                "r7",
                                "answer-poll",
                                new JsonObject().put("pollId", "p9").put("value", 3))
                        .path("code")
                        .asText())
                .isEqualTo("no-such-poll");
        assertThat(m.call("r8", "open-poll", single("Mine", "a", "b"))
                        .path("code")
                        .asText())
                .isEqualTo("forbidden");
        assertThat(m.call(
                                "ok",
                                "answer-poll",
                                new JsonObject().put("pollId", "p3").put("text", "a < b, still plain text"))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        organiser.call("close", "close-poll", new JsonObject().put("pollId", "p2"));
        assertThat(m.call(
                                "r9",
                                "answer-poll",
                                new JsonObject().put("pollId", "p2").put("value", 3))
                        .path("code")
                        .asText())
                .isEqualTo("poll-closed");

        JsonNode polls = observer.awaitView(
                        v -> v.path("polls").path("p3").path("answered").asInt() == 1)
                .path("polls");
        assertThat(polls.path("p1").path("answered").asInt()).isZero();
        assertThat(polls.path("p2").path("answered").asInt()).isZero();
        assertThat(polls.path("p3").path("results").path("words").toString()).contains("still", "plain", "text");
    }

    @Test
    void a_ranking_poll_shows_the_schulze_order_with_its_pairwise_table_and_the_borda_points() {
        organiser.call(
                "open",
                "open-poll",
                new JsonObject()
                        .put("kind", "ranking")
                        .put("question", "Priorities")
                        .put("options", new JsonArray().add("A").add("B").add("C")));
        for (int i = 0; i < 6; i++) {
            JsonArray ranking = i < 4
                    ? new JsonArray().add(2).add(0)
                    : new JsonArray().add(0).add(1).add(2);
            members.get(i)
                    .call(
                            "r",
                            "answer-poll",
                            new JsonObject().put("pollId", "p1").put("choices", ranking));
        }
        JsonNode results = observer.awaitView(v ->
                        v.path("polls").path("p1").path("results").path("count").asInt() == 6)
                .path("polls")
                .path("p1")
                .path("results");

        assertThat(results.path("schulze").get(0).toString()).isEqualTo("[2]");
        assertThat(results.path("pairwise").get(2).toString()).isEqualTo("[4,4,0]");
        assertThat(results.path("borda").toString()).isEqualTo("[10,4,10]");
    }

    @Test
    void a_named_poll_shows_participants_who_answered_what_observers_only_counts_and_a_default_poll_nobody() {
        organiser.call(
                "named", "open-poll", single("Show of hands", "Yes", "No").put("secret", false));
        organiser.call("secret", "open-poll", single("Default", "Yes", "No"));
        members.get(0).call("a", "answer-poll", answer("p1", 0));
        members.get(0).call("b", "answer-poll", answer("p2", 1));

        JsonNode seen = members.get(1)
                .awaitView(v -> v.path("polls").path("p2").path("answered").asInt() == 1)
                .path("polls");
        assertThat(seen.path("p1").path("names").path("0").toString()).isEqualTo("[\"Member 1\"]");
        assertThat(seen.path("p2").has("names")).isFalse();
        observer.awaitView(v -> v.path("polls").path("p2").path("answered").asInt() == 1);
        assertThat(String.join("\n", observer.frames())).doesNotContain("Member 1");
        assertThat(String.join("\n", organiser.frames()).replaceAll("\"roster\".*", ""))
                .doesNotContain("\"names\":{\"1\"");
    }

    @Test
    void a_poll_with_a_quorum_says_whether_enough_people_answered() {
        organiser.call("q", "open-poll", single("Enough of us?", "Yes", "No").put("quorum", "1/50"));
        members.get(0).call("a", "answer-poll", answer("p1", 0));
        assertThat(observer.awaitView(
                                v -> v.path("polls").path("p1").path("answered").asInt() == 1)
                        .path("polls")
                        .path("p1")
                        .path("results")
                        .path("quorumReached")
                        .asBoolean())
                .isFalse();
        members.get(1).call("b", "answer-poll", answer("p1", 0));
        observer.awaitView(v ->
                v.path("polls").path("p1").path("results").path("quorumReached").asBoolean());
    }
}
