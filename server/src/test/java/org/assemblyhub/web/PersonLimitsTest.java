package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.testing.JournalEditor;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * One person cannot fill the journal: their commands share one budget whatever the number of sockets, every record
 * they cause counts against their quota (choices without text and raised hands included), and the same answer again
 * records nothing (found by review: twenty sockets alternating two choices wrote 38 KB a second).
 */
class PersonLimitsTest {
    TestHub hub;

    @AfterEach
    void stop() {
        hub.close();
    }

    private String openPoll(TestHub.Setup setup) {
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f1"));
        LiveClient lead = hub.client(setup.token("f1")).join(setup.assemblyId());
        return lead.call(
                        "p",
                        "open-poll",
                        new JsonObject()
                                .put("kind", "single")
                                .put("question", "Which?")
                                .put("options", new JsonArray().add("a").add("b")))
                .path("result")
                .path("pollId")
                .asText();
    }

    @Test
    void twenty_sockets_of_one_person_share_one_command_budget() {
        hub = new TestHub(LimitsConfig.DEFAULTS);
        TestHub.Setup setup = hub.createAssembly(true, "id,name,role\nf1,Fatou,facilitator\nm1,A,member\n");
        String pollId = openPoll(setup);
        List<LiveClient> sockets = new ArrayList<>();
        for (int i = 0; i < 20; i++) sockets.add(hub.client(setup.token("m1")).join(setup.assemblyId()));
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < sockets.size(); i++) {
                sockets.get(i)
                        .command(
                                "c" + round + "-" + i,
                                "answer-poll",
                                new JsonObject()
                                        .put("pollId", pollId)
                                        .put("choices", new JsonArray().add((round + i) % 2)));
            }
        }
        int acks = 0;
        int limited = 0;
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < sockets.size(); i++) {
                String id = "c" + round + "-" + i;
                JsonNode answer =
                        sockets.get(i).await(m -> id.equals(m.path("id").asText()));
                if (answer.path("type").asText().equals("ack")) acks++;
                else if (answer.path("code").asText().equals("rate-limited")) limited++;
            }
        }
        // 200 commands from 20 sockets, each socket within its own budget (50 a second, bursts of 100): the person's
        // budget (the same 50, bursts of 100) refuses what goes past it.
        assertThat(acks).as("one person's budget, however many sockets").isLessThanOrEqualTo(150);
        assertThat(limited).isGreaterThanOrEqualTo(50);
    }

    @Test
    void choices_without_text_count_against_the_quota_and_the_same_answer_again_records_nothing() throws Exception {
        hub = new TestHub(new LimitsConfig(100, 1000, false, 1 << 20, 2_000));
        TestHub.Setup setup = hub.createAssembly(true, "id,name,role\nf1,Fatou,facilitator\nm1,A,member\n");
        String pollId = openPoll(setup);
        LiveClient member = hub.client(setup.token("m1")).join(setup.assemblyId());
        var journal = JournalEditor.journal(hub.dataDir(), setup.assemblyId());

        assertThat(member.call(
                                "a",
                                "answer-poll",
                                new JsonObject().put("pollId", pollId).put("choices", new JsonArray().add(0)))
                        .path("type")
                        .asText())
                .isEqualTo("ack");
        long size = Files.size(journal);
        for (int i = 0; i < 5; i++) {
            assertThat(member.call(
                                    "same" + i,
                                    "answer-poll",
                                    new JsonObject().put("pollId", pollId).put("choices", new JsonArray().add(0)))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
        }
        assertThat(Files.size(journal))
                .as("the same answer again adds nothing to the journal")
                .isEqualTo(size);

        String code = "";
        for (int i = 0; i < 40 && !code.equals("quota-exceeded"); i++) {
            code = member.call(
                            "flip" + i,
                            "answer-poll",
                            new JsonObject().put("pollId", pollId).put("choices", new JsonArray().add(1 - i % 2)))
                    .path("code")
                    .asText();
            LiveClient.sleep(60); // within the command budget
        }
        assertThat(code).as("2,000 bytes of records: about 15 answers").isEqualTo("quota-exceeded");
    }
}
