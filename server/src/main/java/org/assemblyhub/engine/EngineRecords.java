package org.assemblyhub.engine;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.kernel.plug.Answers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's answers to the HTTP side's requests for published records (open data, ballot records, the booklet's
 * drafts). Each record is built once per journal position and kept until the next change, so asking for it again
 * costs nothing however often it is asked.
 */
final class EngineRecords {
    private static final int KEPT = 32;

    private final Rules rules;
    private final JournalCheckpoint checkpoint = new JournalCheckpoint();
    private final Map<String, JsonObject> built = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonObject> eldest) {
            return size() > KEPT;
        }
    };
    private long builtAt = -1;
    /** The last open data built, and its content without its time: rebuilt, unchanged content keeps its time. */
    private JsonObject openData;

    private String openDataContent;

    EngineRecords(Rules rules) {
        this.rules = rules;
    }

    /** A batch is about to land at {@code at}; the journal stood at {@code before} (see JournalCheckpoint). */
    void landing(JournalPosition before, Instant at) {
        checkpoint.landing(before, at);
    }

    /** Forgets every record built (after an erasure, at the same journal position: they may name the person). */
    void forget() {
        built.clear();
        builtAt = -1;
        openData = null;
        openDataContent = null;
    }

    /**
     * Open data and the capabilities' records (a ballot's, the booklet's drafts): anyone if the assembly is public,
     * otherwise its participants; a capability may ask more of a record (the drafts: participants, not observers).
     * {@code who}: the identity behind the request's token (an error or null: anonymous — a link of another assembly,
     * or a revoked one, is simply no identity here).
     */
    JsonObject answer(Model model, JournalPosition position, Instant now, JsonObject who, JsonObject body) {
        long seq = position.seq();
        Roster state = model.roster();
        if (!state.exists()) return Answers.error("no-such-assembly", "This assembly does not exist.");
        String what = body.getString("what", "");
        boolean participant = who != null && !Answers.isError(who) && !"observer".equals(who.getString("role"));
        if (!participant && !state.isPublic()) {
            return Answers.error(
                    "forbidden", "Open your invitation link first: this is for the assembly's participants.");
        }
        JsonObject journal = checkpoint.current(position, now);
        if ("journal-head".equals(what)) {
            return new JsonObject().put("status", "ok").put("data", journal);
        }
        if (seq != builtAt) {
            built.clear();
            builtAt = seq;
        }
        JsonObject request = body.copy();
        request.remove("token");
        // A record may answer participants otherwise; open data carries the published head.
        String key = participant + "/" + journal.getLong("seq") + "/" + request.encode();
        JsonObject answer = built.get(key);
        if (answer == null) {
            answer = build(model, seq, now, what, body, participant, journal);
            built.put(key, answer);
        }
        return answer;
    }

    private JsonObject build(
            Model model, long seq, Instant now, String what, JsonObject body, boolean participant, JsonObject journal) {
        if ("open-data".equals(what)) {
            JsonObject built = new JsonObject(rules.openData(model, now).toString()).put("journal", journal);
            // Its time says when its content last changed, not when the journal last moved (that would show, to
            // anyone, the moment each vote lands).
            String content = built.copy().put("generatedAt", "").encode();
            if (content.equals(openDataContent)) return openData;
            openDataContent = content;
            openData = new JsonObject()
                    .put("status", "ok")
                    .put("title", model.roster().title())
                    .put("data", built);
            return openData;
        }
        JsonObject data = rules.record(model, what, body, participant).orElse(null);
        if (data == null) return Answers.error("unknown-record", "Unknown record.");
        if (Answers.isError(data)) return data;
        return new JsonObject()
                .put("status", "ok")
                .put("seq", seq)
                .put("title", model.roster().title())
                .put("data", data);
    }
}
