package org.assemblyhub.assembly.engine;

import io.vertx.core.json.JsonObject;
import org.assemblyhub.assembly.domain.AssemblyState;
import org.assemblyhub.assembly.view.Audience;

/** The engine's answers to the HTTP side's requests for published records (open data, ballot records, the booklet). */
final class EngineRecords {
    private EngineRecords() {}

    /**
     * Published records for the HTTP side: open data and ballot records (anyone if the assembly is public, otherwise
     * its participants), the drafts for the booklet (participants only, not observers).
     */
    static JsonObject answer(String assemblyId, Deciders model, java.time.Instant now, JsonObject who, JsonObject body) {
        AssemblyState state = model.state;
        if (!state.exists()) return Answers.error("no-such-assembly", "This assembly does not exist.");
        if (who != null && Answers.isError(who)) return who;
        String what = body.getString("what", "");
        boolean participant = who != null && !"observer".equals(who.getString("role"));
        if (!participant && ("drafts".equals(what) || !state.isPublic())) {
            return Answers.error("forbidden", "Open your invitation link first: this is for the assembly's participants.");
        }
        com.fasterxml.jackson.databind.JsonNode data;
        switch (what) {
            case "open-data" -> data = org.assemblyhub.decision.export.OpenData.of(state, model.polls, model.drafts, model.ballots, now);
            case "drafts" -> data = org.assemblyhub.decision.view.DecisionView.drafts(model.drafts, model.ballots, state, Audience.MEMBER);
            case "ballot" -> {
                var ballot = model.ballots.ballot(body.getString("ballotId", "")).orElse(null);
                if (ballot == null) return Answers.error("no-such-ballot", "There is no such ballot.");
                data = org.assemblyhub.decision.export.BallotRecord.of(assemblyId, ballot);
            }
            default -> {
                return Answers.error("unknown-record", "Unknown record '" + what + "'.");
            }
        }
        return new JsonObject().put("status", "ok").put("title", state.title()).put("data", new JsonObject(data.toString()));
    }
}
