package org.assemblyhub.breakout.workspace;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line-based three-way merge of a group's shared notes: what someone saved ({@code theirs}), written on the version
 * they started from ({@code base}), into what the notes became meanwhile ({@code ours}). Changes to different lines
 * are both applied; where both sides changed the same lines differently, both are kept — the notes as they are, then
 * the lines the newcomer wrote that are not already there — so nobody's words are silently replaced. A deletion on one
 * side and an edit on the other keep the edit.
 */
public final class NotesMerge {
    private NotesMerge() {}

    public static String merge(String base, String ours, String theirs) {
        if (ours.equals(base) || ours.equals(theirs)) return theirs;
        if (theirs.equals(base)) return ours;
        List<String> b = lines(base);
        List<Change> changes = new ArrayList<>();
        DiffUtils.diff(b, lines(ours)).getDeltas().forEach(d -> changes.add(new Change(true, d)));
        DiffUtils.diff(b, lines(theirs)).getDeltas().forEach(d -> changes.add(new Change(false, d)));
        changes.sort((x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start()) : x.ours ? -1 : 1);

        List<String> merged = new ArrayList<>();
        int at = 0;
        int i = 0;
        while (i < changes.size()) {
            int start = changes.get(i).start();
            int end = changes.get(i).end();
            int j = i + 1;
            while (j < changes.size() && overlaps(changes.get(j), start, end)) {
                end = Math.max(end, changes.get(j).end());
                j++;
            }
            List<Change> cluster = changes.subList(i, j);
            merged.addAll(b.subList(at, start));
            merged.addAll(resolve(b, start, end, cluster));
            at = end;
            i = j;
        }
        merged.addAll(b.subList(at, b.size()));
        return String.join("\n", merged);
    }

    private static boolean overlaps(Change next, int start, int end) {
        return next.start() < end || next.start() == start;
    }

    /** The lines that replace base lines [start, end) where one or both sides changed them. */
    private static List<String> resolve(List<String> base, int start, int end, List<Change> cluster) {
        boolean byOurs = cluster.stream().anyMatch(c -> c.ours);
        boolean byTheirs = cluster.stream().anyMatch(c -> !c.ours);
        List<String> ours = side(base, start, end, cluster, true);
        if (!byTheirs) return ours;
        List<String> theirs = side(base, start, end, cluster, false);
        if (!byOurs || ours.equals(theirs)) return theirs;
        List<String> kept = new ArrayList<>(ours);
        List<String> unmatched = new ArrayList<>(ours);
        for (String line : theirs) {
            if (!unmatched.remove(line)) kept.add(line);
        }
        return kept;
    }

    /** Base lines [start, end) with one side's changes applied. */
    private static List<String> side(List<String> base, int start, int end, List<Change> cluster, boolean ours) {
        List<String> out = new ArrayList<>();
        int at = start;
        for (Change c : cluster) {
            if (c.ours != ours) continue;
            out.addAll(base.subList(at, c.start()));
            out.addAll(c.delta.getTarget().getLines());
            at = c.end();
        }
        out.addAll(base.subList(at, end));
        return out;
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    private record Change(boolean ours, AbstractDelta<String> delta) {
        int start() {
            return delta.getSource().getPosition();
        }

        int end() {
            return start() + delta.getSource().size();
        }
    }
}
