package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.support.Jackson;
import org.junit.jupiter.api.Test;

import java.util.List;

class AudienceStreamTest {
    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Jackson.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode parse(String text) {
        return json(text);
    }

    @Test
    void a_merge_patch_turns_the_old_view_into_the_new_one() {
        ObjectNode before = json("{\"phase\":\"learning\",\"items\":{\"a\":{\"t\":1},\"b\":{\"t\":2}},\"list\":[1]}");
        ObjectNode after = json("{\"phase\":\"learning\",\"items\":{\"a\":{\"t\":9},\"c\":{\"t\":3}},\"list\":[1,2]}");

        ObjectNode patch = MergePatch.diff(before, after);

        assertThat(patch).isEqualTo(json("{\"items\":{\"a\":{\"t\":9},\"b\":null,\"c\":{\"t\":3}},\"list\":[1,2]}"));
        assertThat(MergePatch.apply(before.deepCopy(), patch)).isEqualTo(after);
    }

    @Test
    void an_unchanged_view_produces_no_message() {
        AudienceStream stream = new AudienceStream(Audience.MEMBER, json("{\"phase\":\"learning\"}"), 5, 10);
        assertThat(stream.advance(json("{\"phase\":\"learning\"}"), 6)).isEmpty();
        assertThat(stream.seq()).isEqualTo(5);
    }

    @Test
    void patches_chain_from_one_seq_to_the_next() {
        AudienceStream stream = new AudienceStream(Audience.MEMBER, json("{\"n\":0}"), 1, 10);
        JsonNode first = parse(stream.advance(json("{\"n\":1}"), 3).orElseThrow());
        JsonNode second = parse(stream.advance(json("{\"n\":2}"), 7).orElseThrow());

        assertThat(first.path("base").asLong()).isEqualTo(1);
        assertThat(first.path("seq").asLong()).isEqualTo(3);
        assertThat(second.path("base").asLong()).isEqualTo(3);
        assertThat(second.path("seq").asLong()).isEqualTo(7);
    }

    @Test
    void catching_up_sends_only_the_missed_patches() {
        AudienceStream stream = new AudienceStream(Audience.MEMBER, json("{\"n\":0}"), 1, 10);
        stream.advance(json("{\"n\":1}"), 3);
        stream.advance(json("{\"n\":2}"), 7);
        stream.advance(json("{\"n\":3}"), 8);

        List<String> missed = stream.catchUp(3L);

        assertThat(missed).hasSize(2);
        assertThat(parse(missed.get(0)).path("base").asLong()).isEqualTo(3);
        assertThat(stream.catchUp(8L)).isEmpty();
    }

    @Test
    void a_client_too_far_behind_or_from_nowhere_gets_a_snapshot() {
        AudienceStream stream = new AudienceStream(Audience.MEMBER, json("{\"n\":0}"), 1, 2);
        for (int i = 1; i <= 5; i++) stream.advance(json("{\"n\":" + i + "}"), i + 1);

        assertThat(parse(stream.catchUp(1L).get(0)).path("type").asText()).isEqualTo("snapshot");
        assertThat(parse(stream.catchUp(3L).get(0)).path("type").asText()).isEqualTo("snapshot");
        assertThat(stream.catchUp(4L))
                .hasSize(2)
                .allSatisfy(m -> assertThat(parse(m).path("type").asText()).isEqualTo("patch"));
        assertThat(parse(stream.catchUp(null).get(0)).path("view").path("n").asInt())
                .isEqualTo(5);
        assertThat(parse(stream.catchUp(42L).get(0)).path("type").asText()).isEqualTo("snapshot");
    }

    @Test
    void the_snapshot_is_serialised_once_until_the_view_changes() {
        AudienceStream stream = new AudienceStream(Audience.OBSERVER, json("{\"n\":0}"), 1, 2);
        assertThat(stream.snapshot()).isSameAs(stream.snapshot());
        String before = stream.snapshot();
        stream.advance(json("{\"n\":1}"), 2);
        assertThat(stream.snapshot()).isNotSameAs(before).contains("\"n\":1");
    }
}
