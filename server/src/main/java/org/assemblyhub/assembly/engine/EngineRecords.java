package org.assemblyhub.assembly.engine;

import org.assemblyhub.kernel.plug.Answers;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.assembly.domain.AssemblyState;
import org.assemblyhub.kernel.Audience;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's answers to the HTTP side's requests for published records (open data, ballot records, the booklet's
 * drafts). Each record is built once per journal position and kept until the next change, so asking for it again
 * costs nothing however often it is asked.
 */
final class EngineRecords {
    private static final int KEPT = 32;

    private final String assemblyId;
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

    EngineRecords(String assemblyId) {
        this.assemblyId = assemblyId;
    }

    /**
     * Open data and ballot records: anyone if the assembly is public, otherwise its participants; the drafts for the
     * booklet: participants only, not observers. A ballot's record exists once it is closed: while it is open its
     * choices are sealed, and the answer is {@code ballot-open}. {@code who}: the identity behind the request's
     * token (an error or null: anonymous — a link of another assembly, or a revoked one, is simply no identity here).
     */
    JsonObject answer(Deciders model, long seq, java.time.Instant now, JsonObject who, JsonObject body) {
        AssemblyState state = model.state;
        if (!state.exists()) return Answers.error("no-such-assembly", "This assembly does not exist.");
        String what = body.getString("what", "");
        boolean participant = who != null && !Answers.isError(who) && !"observer".equals(who.getString("role"));
        if (!participant && ("drafts".equals(what) || !state.isPublic())) {
            return Answers.error("forbidden", "Open your invitation link first: this is for the assembly's participants.");
        }
        if (seq != builtAt) {
            built.clear();
            builtAt = seq;
        }
        String ballotId = body.getString("ballotId", "");
        String key = what + "/" + ballotId;
        JsonObject answer = built.get(key);
        if (answer == null) {
            answer = build(model, seq, now, what, ballotId);
            built.put(key, answer);
        }
        return answer;
    }

    private JsonObject build(Deciders model, long seq, java.time.Instant now, String what, String ballotId) {
        com.fasterxml.jackson.databind.JsonNode data;
        switch (what) {
            case "open-data" -> data = org.assemblyhub.decision.export.OpenData.of(model.state, model.polls, model.drafts, model.ballots, now);
            case "drafts" -> data = org.assemblyhub.decision.view.DecisionView.drafts(model.drafts, model.ballots, model.state, Audience.MEMBER);
            case "ballot" -> {
                var ballot = model.ballots.ballot(ballotId).orElse(null);
                if (ballot == null) return Answers.error("no-such-ballot", "There is no such ballot.");
                if (ballot.isOpen()) {
                    return Answers.error("ballot-open", "This ballot is still open: its choices are sealed until it closes. "
                            + "Its opening and the number of members who have voted are public now.")
                            .put("opened", org.assemblyhub.decision.export.BallotRecord.opening(ballot))
                            .put("turnout", ballot.shownTurnout());
                }
                data = org.assemblyhub.decision.export.BallotRecord.of(assemblyId, ballot);
            }
            default -> {
                return Answers.error("unknown-record", "Unknown record.");
            }
        }
        JsonObject built = new JsonObject(data.toString());
        if ("open-data".equals(what)) {
            // Its time says when its content last changed, not when the journal last moved (that would show, to
            // anyone, the moment each vote lands).
            String content = built.copy().put("generatedAt", "").encode();
            if (content.equals(openDataContent)) return openData;
            openDataContent = content;
            openData = new JsonObject().put("status", "ok").put("title", model.state.title()).put("data", built);
            return openData;
        }
        return new JsonObject().put("status", "ok").put("seq", seq).put("title", model.state.title()).put("data", built);
    }
}
