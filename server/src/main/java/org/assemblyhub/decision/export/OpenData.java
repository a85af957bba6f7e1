package org.assemblyhub.decision.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.assembly.domain.AssemblyState;
import org.assemblyhub.decision.domain.BallotBox;
import org.assemblyhub.decision.domain.Drafts;
import org.assemblyhub.poll.domain.PollSpec;
import org.assemblyhub.poll.domain.Polls;
import org.assemblyhub.poll.view.PollResults;
import org.assemblyhub.support.Jackson;

import java.time.Instant;
import java.util.List;

/**
 * What happened, as open data (docs/open-data.md): every closed poll and round with its counts, every draft with its
 * versions, every closed ballot with its results and public record's head. No person's name, id or answer appears:
 * counts only, the word cloud of open answers rather than the answers, no reasons (free text may name people).
 */
public final class OpenData {
    public static final String FORMAT = "assembly-hub open data 1";

    private OpenData() {}

    public static ObjectNode of(AssemblyState state, Polls polls, Drafts drafts, BallotBox ballots, Instant now) {
        ObjectNode root = Jackson.MAPPER.createObjectNode();
        root.put("format", FORMAT).put("generatedAt", now.toString());
        root.putObject("assembly").put("id", state.id()).put("title", state.title()).put("question", state.question())
                .put("phase", state.phase().wire());
        ArrayNode pollList = root.putArray("polls");
        for (Polls.Poll poll : polls.all()) {
            if (poll.isOpen()) continue;
            PollSpec spec = poll.spec();
            ObjectNode p = pollList.addObject().put("id", poll.id()).put("kind", spec.kind().wire()).put("question", spec.question())
                    .put("round", poll.opened().round()).put("inGroups", spec.inGroups()).put("voters", spec.voters().name().toLowerCase())
                    .put("openedAt", poll.opened().at().toString()).put("closedAt", poll.closed().orElseThrow().at().toString())
                    .put("eligible", poll.eligible());
            if (spec.subject() != null) p.put("subject", spec.subject());
            if (spec.kind().isAgreement()) p.put("rule", spec.ruleOrDefault().describe());
            spec.options().forEach(p.putArray("options")::add);
            p.set("results", PollResults.of(spec, poll.eligible(), List.copyOf(poll.answers()), g -> true, false, false));
        }
        ArrayNode draftList = root.putArray("drafts");
        for (Drafts.Draft d : drafts.all()) {
            ObjectNode x = draftList.addObject().put("id", d.id()).put("fromGroup", d.versions().get(0).fromGroup());
            ArrayNode versions = x.putArray("versions");
            for (Drafts.Version v : d.versions()) {
                ObjectNode version = versions.addObject().put("version", v.version()).put("title", v.title()).put("text", v.text())
                        .put("fromGroup", v.fromGroup()).put("at", v.at().toString());
                if (v.note() != null) version.put("note", v.note());
                v.analysis().fields().forEach(version.putObject("analysis")::put);
            }
        }
        ArrayNode ballotList = root.putArray("ballots");
        for (BallotBox.Ballot b : ballots.all()) {
            if (b.isOpen()) continue;
            ObjectNode x = org.assemblyhub.decision.view.DecisionView.ballot(b);
            x.remove("trackers");
            ballotList.add(x.put("id", b.id()));
        }
        return root;
    }
}
