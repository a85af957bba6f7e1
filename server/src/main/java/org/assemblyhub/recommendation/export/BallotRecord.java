package org.assemblyhub.recommendation.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.recommendation.domain.AuditEntry;
import org.assemblyhub.recommendation.domain.BallotBox;
import org.assemblyhub.support.Jackson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public record of one ballot: its whole hash chain (opening with the roll's fingerprint, every accepted choice
 * with its tracker, every superseded tracker, the closing turnout and the count). No person appears in it.
 */
public final class BallotRecord {
    public static final String FORMAT = "assembly-hub ballot record 1";

    private BallotRecord() {}

    public static ObjectNode of(String assemblyId, BallotBox.Ballot ballot) {
        ObjectNode record = Jackson.MAPPER.createObjectNode();
        record.put("format", FORMAT)
                .put("assembly", assemblyId)
                .put("ballotId", ballot.id())
                .put("title", ballot.spec().title())
                .put("head", ballot.head().hash());
        ArrayNode entries = record.putArray("entries");
        for (AuditEntry e : ballot.chain()) {
            ObjectNode entry = entries.addObject()
                    .put("n", e.n())
                    .put("type", e.type())
                    .put("prev", e.prev())
                    .put("hash", e.hash());
            ObjectNode fields = entry.putObject("fields");
            e.fields().forEach(fields::put);
        }
        return record;
    }

    /** While a ballot is open, all of it that is public: its opening link (which is also the head until it closes). */
    public static JsonObject opening(BallotBox.Ballot ballot) {
        AuditEntry e = ballot.chain().get(0);
        JsonObject fields = new JsonObject();
        e.fields().forEach(fields::put);
        return new JsonObject()
                .put("n", e.n())
                .put("type", e.type())
                .put("prev", e.prev())
                .put("hash", e.hash())
                .put("fields", fields);
    }

    /** The entries of a record read back (as stored: hashes are not checked here). */
    public static List<AuditEntry> entries(JsonNode record) {
        List<AuditEntry> out = new ArrayList<>();
        for (JsonNode e : record.path("entries")) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.path("fields")
                    .fields()
                    .forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            out.add(new AuditEntry(
                    e.path("n").asInt(),
                    e.path("type").asText(),
                    fields,
                    e.path("prev").asText(),
                    e.path("hash").asText()));
        }
        return out;
    }
}
