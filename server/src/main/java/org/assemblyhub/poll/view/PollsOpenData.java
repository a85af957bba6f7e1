package org.assemblyhub.poll.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.poll.domain.PollSpec;
import org.assemblyhub.poll.domain.Polls;

import java.util.List;

/** The polls' part of the open data (docs/open-data.md): counts only, no person, no reason, no open answer in full. */
public final class PollsOpenData {
    private PollsOpenData() {}

    /** The polls' part: every closed poll and round with its counts. */
    public static void of(Polls polls, ObjectNode root) {
        ArrayNode pollList = root.putArray("polls");
        for (Polls.Poll poll : polls.all()) {
            if (poll.isOpen()) continue;
            PollSpec spec = poll.spec();
            ObjectNode p = pollList.addObject()
                    .put("id", poll.id())
                    .put("kind", spec.kind().wire())
                    .put("question", spec.question())
                    .put("round", poll.opened().round())
                    .put("inGroups", spec.inGroups())
                    .put("voters", spec.voters().name().toLowerCase())
                    .put("openedAt", poll.opened().at().toString())
                    .put("closedAt", poll.closed().orElseThrow().at().toString())
                    .put("eligible", poll.eligible());
            if (spec.subject() != null) p.put("subject", spec.subject());
            if (spec.kind().isAgreement()) p.put("rule", spec.ruleOrDefault().describe());
            spec.options().forEach(p.putArray("options")::add);
            p.set(
                    "results",
                    PollResults.of(spec, poll.eligible(), List.copyOf(poll.answers()), g -> true, false, false));
        }
    }
}
