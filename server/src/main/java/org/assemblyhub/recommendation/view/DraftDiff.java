package org.assemblyhub.recommendation.view;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable diff between two versions of a text, word by word (java-diff-utils' Myers diff on words and the spaces
 * between them): a list of runs, each kept ({@code =}), removed ({@code -}) or added ({@code +}).
 */
public final class DraftDiff {
    public record Run(String op, String text) {}

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private DraftDiff() {}

    public static List<Run> of(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Run> runs = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(runs, "=", a.subList(at, start));
            add(runs, "-", delta.getSource().getLines());
            add(runs, "+", delta.getTarget().getLines());
            at = start + delta.getSource().size();
        }
        add(runs, "=", a.subList(at, a.size()));
        return runs;
    }

    private static void add(List<Run> runs, String op, List<String> tokens) {
        if (tokens.isEmpty()) return;
        String text = String.join("", tokens);
        if (!runs.isEmpty() && runs.get(runs.size() - 1).op().equals(op)) {
            Run last = runs.remove(runs.size() - 1);
            runs.add(new Run(op, last.text() + text));
        } else {
            runs.add(new Run(op, text));
        }
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) out.add(m.group());
        return out;
    }
}
