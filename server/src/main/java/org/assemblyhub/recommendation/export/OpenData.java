package org.assemblyhub.recommendation.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.recommendation.domain.BallotBox;
import org.assemblyhub.recommendation.domain.Drafts;
import org.assemblyhub.recommendation.view.DecisionView;

import java.util.HashMap;
import java.util.Map;

/**
 * The recommendations' part of the open data (docs/open-data.md): every draft put to a vote with its versions up to
 * the last one voted on (a draft still being written is group work, not a public record), every closed ballot with
 * its results and public record's head. No person's name or id appears.
 */
public final class OpenData {
    private OpenData() {}

    /** The recommendations' part: every draft put to a vote, every closed ballot with its results. */
    public static void recommendations(Drafts drafts, BallotBox ballots, ObjectNode root) {
        Map<String, Integer> voted = new HashMap<>();
        for (BallotBox.Ballot b : ballots.all())
            b.spec().items().forEach(i -> voted.merge(i.draftId(), i.version(), Math::max));
        ArrayNode draftList = root.putArray("drafts");
        for (Drafts.Draft d : drafts.all()) {
            Integer last = voted.get(d.id());
            if (last == null) continue;
            ObjectNode x = draftList
                    .addObject()
                    .put("id", d.id())
                    .put("fromGroup", d.versions().get(0).fromGroup());
            ArrayNode versions = x.putArray("versions");
            for (Drafts.Version v : d.versions()) {
                if (v.version() > last) break;
                ObjectNode version = versions.addObject()
                        .put("version", v.version())
                        .put("title", v.title())
                        .put("text", v.text())
                        .put("fromGroup", v.fromGroup())
                        .put("at", v.at().toString());
                if (v.note() != null) version.put("note", v.note());
                v.analysis().fields().forEach(version.putObject("analysis")::put);
            }
        }
        ArrayNode ballotList = root.putArray("ballots");
        for (BallotBox.Ballot b : ballots.all()) {
            if (b.isOpen()) continue;
            ObjectNode x = DecisionView.ballot(b);
            x.remove("trackers");
            ballotList.add(x.put("id", b.id()));
        }
    }
}
