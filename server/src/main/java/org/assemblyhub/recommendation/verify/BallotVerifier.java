package org.assemblyhub.recommendation.verify;

import com.fasterxml.jackson.databind.JsonNode;
import org.assemblyhub.recommendation.domain.AuditEntry;
import org.assemblyhub.recommendation.domain.BallotChain;
import org.assemblyhub.recommendation.export.BallotRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-counts a published ballot from its public record alone and checks its chain: every link's hash is the hash of
 * its content, every link points at the one before, trackers are unique, a superseded tracker was counted before, the
 * closing turnout matches the ballots counted, and the published count is the count of the published choices.
 */
public final class BallotVerifier {
    /** {@code problem} is the first inconsistency found (null: none); {@code lines} the result as re-counted. */
    public record Report(String problem, List<String> lines) {
        public boolean ok() {
            return problem == null;
        }
    }

    private BallotVerifier() {}

    public static Report verify(JsonNode record, String expectedHead) {
        List<String> lines = new ArrayList<>();
        if (!BallotRecord.FORMAT.equals(record.path("format").asText()))
            return new Report(
                    "this is not a ballot record (format '"
                            + record.path("format").asText() + "')",
                    lines);
        String ballotId = record.path("ballotId").asText();
        List<AuditEntry> entries = BallotRecord.entries(record);
        if (entries.isEmpty() || !BallotChain.OPENED.equals(entries.get(0).type()))
            return new Report("the record does not start with the ballot's opening", lines);
        String prev = AuditEntry.GENESIS;
        Set<String> live = new HashSet<>();
        Set<String> seen = new HashSet<>();
        AuditEntry closed = null;
        AuditEntry tallied = null;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            String where = "entry " + (i + 1) + " (" + e.type() + ")";
            if (e.n() != i + 1) return new Report(where + ": numbered " + e.n() + ", expected " + (i + 1), lines);
            if (!e.prev().equals(prev))
                return new Report(
                        where + ": does not point at the entry before it — an entry was removed, added or altered",
                        lines);
            if (!e.intact(ballotId))
                return new Report(where + ": its hash does not match its content — the entry was altered", lines);
            prev = e.hash();
            if (tallied != null) return new Report(where + ": comes after the count", lines);
            String tracker = e.fields().get("tracker");
            switch (e.type()) {
                case BallotChain.OPENED -> {
                    if (i > 0) return new Report(where + ": a second opening", lines);
                }
                case BallotChain.ROLL_EXTENDED -> {
                    if (closed != null) return new Report(where + ": the roll grew after closing", lines);
                    int size = Integer.parseInt(e.fields().get("roll.size"));
                    int before = BallotChain.rollSize(entries.subList(0, i));
                    if (size != before + 1)
                        return new Report(
                                where + ": the roll goes from " + before + " to " + size + " members, not one more",
                                lines);
                }
                case BallotChain.ACCEPTED -> {
                    if (closed != null) return new Report(where + ": a ballot accepted after closing", lines);
                    if (!seen.add(tracker)) return new Report(where + ": tracker " + tracker + " appears twice", lines);
                    live.add(tracker);
                }
                case BallotChain.SUPERSEDED -> {
                    if (closed != null) return new Report(where + ": a ballot superseded after closing", lines);
                    if (!live.remove(tracker))
                        return new Report(where + ": supersedes " + tracker + ", which was not counted", lines);
                }
                case BallotChain.CLOSED -> {
                    closed = e;
                    if (!String.valueOf(live.size()).equals(e.fields().get("counted"))) {
                        return new Report(
                                where + ": says " + e.fields().get("counted") + " ballots count, the chain holds "
                                        + live.size(),
                                lines);
                    }
                    if (!String.valueOf(live.size()).equals(e.fields().get("turnout"))) {
                        return new Report(
                                where + ": " + e.fields().get("turnout") + " members voted but " + live.size()
                                        + " ballots count",
                                lines);
                    }
                }
                case BallotChain.TALLIED -> tallied = e;
                default -> {
                    return new Report(where + ": unknown kind of entry", lines);
                }
            }
        }
        AuditEntry last = entries.get(entries.size() - 1);
        // A head noted from a screen is the chain's head at that moment: while the ballot was open (its opening) or
        // after it closed (the count). The record must contain it, so nothing before it was rewritten since.
        AuditEntry shown = expectedHead == null
                ? null
                : entries.stream()
                        .filter(e -> e.hash().equalsIgnoreCase(expectedHead.strip()))
                        .findFirst()
                        .orElse(null);
        if (expectedHead != null && shown == null) {
            return new Report(
                    "the chain does not contain the head " + expectedHead
                            + " that was shown: it was rewritten, or this is another ballot",
                    lines);
        }
        Map<String, String> opened = entries.get(0).fields();
        int extended = (int) entries.stream()
                .filter(e -> BallotChain.ROLL_EXTENDED.equals(e.type()))
                .count();
        String fingerprint = entries.stream()
                .filter(e -> e.fields().containsKey("roll.fingerprint"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .fields()
                .get("roll.fingerprint");
        lines.add("Ballot " + ballotId + " \"" + opened.get("title") + "\": " + live.size() + " ballots counted, "
                + BallotChain.rollSize(entries) + " members on the roll"
                + (extended > 0 ? " (" + extended + " joined after it opened)" : "")
                + " (fingerprint " + fingerprint.substring(0, 16) + "…)");
        lines.add("Rule: " + opened.get("rule"));
        if (tallied == null) {
            lines.add(closed == null ? "The ballot is still open: no count yet." : "Closed, but the count is missing.");
            return new Report(closed == null ? null : "the record has no count", lines);
        }
        Map<String, String> recount = BallotChain.tally(entries.subList(0, entries.size() - 1));
        for (Map.Entry<String, String> f : recount.entrySet()) {
            String published = tallied.fields().get(f.getKey());
            if (!f.getValue().equals(published)) {
                return new Report(
                        "the published count for " + f.getKey() + " is '" + published + "', the re-count gives '"
                                + f.getValue() + "'",
                        lines);
            }
        }
        int items = Integer.parseInt(opened.get("items"));
        for (int i = 1; i <= items; i++)
            lines.add(i + ". " + opened.get("item." + i) + " — " + recount.get("item." + i));
        lines.add("Head: " + last.hash());
        if (shown != null)
            lines.add("The head you noted is entry " + shown.n() + " (" + shown.type() + ") of this chain.");
        return new Report(null, lines);
    }
}
