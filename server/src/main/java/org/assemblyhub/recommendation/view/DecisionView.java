package org.assemblyhub.recommendation.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Roster;
import org.assemblyhub.kernel.agreement.AdoptionRule;
import org.assemblyhub.recommendation.domain.Analysis;
import org.assemblyhub.recommendation.domain.AuditEntry;
import org.assemblyhub.recommendation.domain.BallotBox;
import org.assemblyhub.recommendation.domain.BallotChain;
import org.assemblyhub.recommendation.domain.Drafts;
import org.assemblyhub.recommendation.domain.Trackers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drafts (for participants; observers read only those put to a vote, as voted) and ballots (for everyone: the roll's
 * size and fingerprint, turnout, the chain's head; after closing, the results and every tracker with its choice). No
 * view holds anything of a ballot while it is open beyond its turnout, which moves only at coarse intervals: choices
 * are sealed until it closes.
 */
public final class DecisionView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, List<DraftDiff.Run>> DIFFS =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<DraftDiff.Run>> eldest) {
                    return size() > 500;
                }
            });

    private DecisionView() {}

    public static ObjectNode drafts(Drafts drafts, BallotBox ballots, Roster state, Audience audience) {
        if (audience.onlooker()) return putToVote(drafts, ballots);
        ObjectNode view = JSON.objectNode();
        for (Drafts.Draft d : drafts.all()) {
            Drafts.Version v = d.latest();
            ObjectNode draft = view.putObject(d.id());
            draft.put("title", v.title())
                    .put("text", v.text())
                    .put("version", v.version())
                    .put("fromGroup", d.versions().get(0).fromGroup())
                    .put("underVote", ballots.underVote(d.id()));
            if (d.fromIdeaId() != null) draft.put("fromIdeaId", d.fromIdeaId());
            analysis(draft.putObject("analysis"), v.analysis());
            ArrayNode versions = draft.putArray("versions");
            for (Drafts.Version each : d.versions()) {
                ObjectNode x = versions.addObject()
                        .put("version", each.version())
                        .put("fromGroup", each.fromGroup())
                        .put("at", each.at().toString())
                        .put("by", state.displayName(each.byPersonId()));
                if (each.note() != null) x.put("note", each.note());
            }
            if (d.versions().size() > 1) {
                Drafts.Version before = d.versions().get(d.versions().size() - 2);
                ArrayNode diff = draft.putArray("diff");
                diff(d.id(), before, v)
                        .forEach(run -> diff.addObject().put("op", run.op()).put("text", run.text()));
            }
        }
        return view;
    }

    /**
     * What onlookers read: only the drafts put to a vote, each as the version the latest ballot on it names (its
     * final text and analysis) — never a draft still being written, its other versions, who wrote them or their notes.
     */
    public static ObjectNode putToVote(Drafts drafts, BallotBox ballots) {
        Map<String, Integer> voted = new LinkedHashMap<>();
        for (BallotBox.Ballot b : ballots.all()) b.spec().items().forEach(i -> voted.put(i.draftId(), i.version()));
        ObjectNode view = JSON.objectNode();
        voted.forEach((draftId, version) -> drafts.draft(draftId)
                .ifPresent(d -> d.version(version).ifPresent(v -> {
                    ObjectNode draft = view.putObject(draftId)
                            .put("title", v.title())
                            .put("text", v.text())
                            .put("version", v.version())
                            .put("fromGroup", d.versions().get(0).fromGroup())
                            .put("underVote", ballots.underVote(draftId));
                    analysis(draft.putObject("analysis"), v.analysis());
                })));
        return view;
    }

    /** The diff of the text from one version to the next, computed once per version. */
    static List<DraftDiff.Run> diff(String draftId, Drafts.Version before, Drafts.Version after) {
        return DIFFS.computeIfAbsent(
                draftId + "@" + after.version() + "/" + after.at(), k -> DraftDiff.of(before.text(), after.text()));
    }

    static void analysis(ObjectNode node, Analysis analysis) {
        analysis.fields().forEach(node::put);
    }

    /** Organisers (and the lead) also get each roll's salt, to check its fingerprint against their list. */
    public static ObjectNode ballots(BallotBox box, Audience audience) {
        ObjectNode view = JSON.objectNode();
        boolean desk = audience.kind() == Audience.Kind.ORGANISER || audience.kind() == Audience.Kind.LEAD;
        for (BallotBox.Ballot b : box.all()) {
            ObjectNode ballot = ballot(b);
            ballot.put("openedAt", b.chain().get(0).fields().get("at"));
            ruleParts(ballot.putObject("ruleParts"), b.spec().rule());
            if (desk && b.rollSalt() != null) ballot.put("rollSalt", b.rollSalt());
            view.set(b.id(), ballot);
        }
        return view;
    }

    /**
     * The assembly's rule for ballots opened without one, when an organiser set it ({@code rule} as one line and
     * {@code ruleParts}); absent while it is the protocol's default, which clients state themselves.
     */
    public static Optional<ObjectNode> defaultRule(BallotBox box) {
        if (box.defaultRule().equals(AdoptionRule.DEFAULT)) return Optional.empty();
        ObjectNode node = JSON.objectNode().put("rule", box.defaultRule().describe());
        ruleParts(node.putObject("ruleParts"), box.defaultRule());
        return Optional.of(node);
    }

    /** The rule's parts, named as in {@code open-ballot}'s {@code rule} (absent: none): clients state it in words. */
    static void ruleParts(ObjectNode node, AdoptionRule rule) {
        node.put("threshold", rule.threshold().toString())
                .put("base", rule.base().name().toLowerCase().replace('_', '-'))
                .put("block", rule.block().name().toLowerCase());
        if (rule.quorum() != null) node.put("quorum", rule.quorum().toString());
        if (rule.anotherRoundAt() != null)
            node.put("anotherRoundAt", rule.anotherRoundAt().toString());
    }

    public static ObjectNode ballot(BallotBox.Ballot b) {
        ObjectNode node = JSON.objectNode();
        node.put("title", b.spec().title())
                .put("open", b.isOpen())
                .put("rule", b.spec().rule().describe())
                .put("rollSize", b.rollSize())
                .put("rollFingerprint", b.rollFingerprint())
                .put("turnout", b.shownTurnout())
                .put("head", b.head().hash())
                .put("entries", b.head().n());
        ArrayNode items = node.putArray("items");
        b.spec().items().forEach(i -> items.addObject()
                .put("draftId", i.draftId())
                .put("version", i.version())
                .put("title", i.title()));
        b.tallied().ifPresent(t -> {
            ArrayNode results = node.putArray("results");
            for (int i = 1; i <= b.spec().items().size(); i++) {
                ObjectNode r = results.addObject();
                for (String part : t.fields().get("item." + i).split(" ")) {
                    int eq = part.indexOf('=');
                    if (part.startsWith("levels=")) {
                        ArrayNode levels = r.putArray("levels");
                        Trackers.parseChoice(part.substring(7)).forEach(levels::add);
                    } else if (eq > 0) {
                        String value = part.substring(eq + 1);
                        if (value.matches("\\d+")) r.put(part.substring(0, eq), Integer.parseInt(value));
                        else r.put(part.substring(0, eq), value);
                    }
                }
            }
            ArrayNode trackers = node.putArray("trackers");
            for (AuditEntry e : b.chain()) {
                if (!BallotChain.ACCEPTED.equals(e.type())) continue;
                String tracker = e.fields().get("tracker");
                ArrayNode choice = trackers.addObject()
                        .put("tracker", tracker)
                        .put("status", b.isSuperseded(tracker) ? "superseded" : "counted")
                        .putArray("choice");
                Trackers.parseChoice(e.fields().get("choice")).forEach(choice::add);
            }
        });
        return node;
    }
}
