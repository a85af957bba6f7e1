package org.assemblyhub.learning.library;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captions are WebVTT: the line {@code WEBVTT} first (after an optional byte-order mark), then blocks separated by
 * blank lines — notes, style and region blocks, and cues, each cue an optional identifier line then a timing line
 * {@code [hh:]mm:ss.ttt --> [hh:]mm:ss.ttt [settings]} that ends after it starts. At least one cue: an empty track
 * would only show nothing.
 */
final class CaptionsCheck {
    private static final String TIME = "(?:(\\d{2,6}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})";
    private static final Pattern TIMING = Pattern.compile(TIME + "[ \\t]+-->[ \\t]+" + TIME + "(?:[ \\t].*)?");

    private CaptionsCheck() {}

    static void check(String text) throws FileRefused {
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|\r|\n", -1);
        if (!starts(lines[0], "WEBVTT")) throw FileRefused.captionsInvalid("the first line must be WEBVTT.");
        int i = 1;
        while (i < lines.length && !lines[i].isEmpty()) {
            if (lines[i].contains("-->")) {
                throw FileRefused.captionsInvalid("line " + (i + 1) + ": leave a blank line after the header.");
            }
            i++;
        }
        int cues = 0;
        while (i < lines.length) {
            if (lines[i].isEmpty()) {
                i++;
                continue;
            }
            int end = i;
            while (end < lines.length && !lines[end].isEmpty()) end++;
            boolean setup = cues == 0 && (starts(lines[i], "STYLE") || starts(lines[i], "REGION"));
            if (!setup && !starts(lines[i], "NOTE")) {
                cue(lines, i, end);
                cues++;
            }
            i = end;
        }
        if (cues == 0) throw FileRefused.captionsInvalid("there are no cues.");
    }

    /** One cue: lines {@code from} (inclusive) to {@code to} (exclusive). */
    private static void cue(String[] lines, int from, int to) throws FileRefused {
        int timing = lines[from].contains("-->") ? from : from + 1;
        if (timing >= to) {
            throw FileRefused.captionsInvalid(
                    "line " + (from + 1) + ": a cue needs a timing line such as 00:00:01.000 --> 00:00:04.000.");
        }
        Matcher m = TIMING.matcher(lines[timing]);
        if (!m.matches()) {
            throw FileRefused.captionsInvalid("line " + (timing + 1)
                    + ": the timing must read like 00:00:01.000 --> 00:00:04.000 (hours optional).");
        }
        if (millis(m, 5) <= millis(m, 1)) {
            throw FileRefused.captionsInvalid("line " + (timing + 1) + ": the cue must end after it starts.");
        }
        for (int k = timing + 1; k < to; k++) {
            if (lines[k].contains("-->")) {
                throw FileRefused.captionsInvalid("line " + (k + 1) + ": leave a blank line between two cues.");
            }
        }
    }

    private static long millis(Matcher m, int group) {
        long hours = m.group(group) == null ? 0 : Long.parseLong(m.group(group));
        return ((hours * 60 + Long.parseLong(m.group(group + 1))) * 60 + Long.parseLong(m.group(group + 2))) * 1000
                + Long.parseLong(m.group(group + 3));
    }

    /** The line is {@code word} alone or followed by a space or tab and more. */
    private static boolean starts(String line, String word) {
        return line.startsWith(word)
                && (line.length() == word.length()
                        || line.charAt(word.length()) == ' '
                        || line.charAt(word.length()) == '\t');
    }
}
