package org.assemblyhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.LimitsConfig;
import org.assemblyhub.testing.LiveClient;
import org.assemblyhub.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The journal cannot be filled by participants' text: past a person's share they get {@code quota-exceeded} (others
 * still write), past the assembly's allowance everyone does — and the usage is rebuilt from the journal on restart.
 */
class TextQuotaTest {
    TestHub hub;

    @AfterEach
    void stop() {
        hub.close();
    }

    private static JsonNode answer(LiveClient member, String pollId, int n) {
        return member.call(
                "a" + n,
                "answer-poll",
                new JsonObject().put("pollId", pollId).put("text", ("word" + n + " ").repeat(40)));
    }

    @Test
    void past_their_share_a_person_is_refused_with_quota_exceeded_and_past_the_assemblys_allowance_everyone_is() {
        hub = new TestHub(new LimitsConfig(100, 1000, false, 5_000, 2_000));
        TestHub.Setup setup =
                hub.createAssembly(true, "id,name,role\nf1,Fatou,facilitator\nm1,A,member\nm2,B,member\nm3,C,member\n");
        LiveClient organiser = hub.client(setup.token("organiser-1")).join(setup.assemblyId());
        organiser.call("lead", "appoint-lead", new JsonObject().put("personId", "f1"));
        LiveClient lead = hub.client(setup.token("f1")).join(setup.assemblyId());
        String pollId = lead.call(
                        "p", "open-poll", new JsonObject().put("kind", "text").put("question", "One word?"))
                .path("result")
                .path("pollId")
                .asText();
        LiveClient m1 = hub.client(setup.token("m1")).join(setup.assemblyId());
        LiveClient m2 = hub.client(setup.token("m2")).join(setup.assemblyId());
        LiveClient m3 = hub.client(setup.token("m3")).join(setup.assemblyId());

        int accepted = 0;
        JsonNode last = null;
        for (int i = 0; i < 20; i++) {
            last = answer(m1, pollId, i);
            if (!last.path("type").asText().equals("ack")) break;
            accepted++;
        }
        assertThat(accepted).isBetween(6, 9); // about 2,000 bytes of ~260-byte answers
        assertThat(last.path("code").asText()).isEqualTo("quota-exceeded");
        assertThat(last.path("message").asText()).contains("organisers");
        assertThat(answer(m2, pollId, 0).path("type").asText())
                .as("another person still writes")
                .isEqualTo("ack");

        for (int i = 1; i < 20 && answer(m2, pollId, i).path("type").asText().equals("ack"); i++) {}
        for (int i = 0; i < 20 && answer(m3, pollId, i).path("type").asText().equals("ack"); i++) {}
        assertThat(answer(m3, pollId, 99).path("code").asText()).isEqualTo("quota-exceeded");

        hub.stop();
        hub.start();
        LiveClient again = hub.client(setup.token("m1")).join(setup.assemblyId());
        assertThat(answer(again, pollId, 50).path("code").asText())
                .as("the usage is folded from the journal")
                .isEqualTo("quota-exceeded");
    }
}
