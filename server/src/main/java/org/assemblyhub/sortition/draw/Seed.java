package org.assemblyhub.sortition.draw;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The draw's seed, from inputs announced in advance and not controlled by the organiser (witnesses' numbers, a lottery
 * result): SHA-256 of the UTF-8 text {@code "assembly-hub sortition seed v1\n"}, {@code "commitment <hex>\n"}, then
 * each input line (trailing spaces removed, blank lines skipped) followed by {@code "\n"}, in the order given.
 * The commitment is in it so that a seed belongs to one committed list of panels.
 */
public final class Seed {
    private Seed() {}

    public static byte[] of(String commitment, List<String> inputs) {
        StringBuilder text = new StringBuilder("assembly-hub sortition seed v1\n");
        text.append("commitment ").append(commitment).append('\n');
        for (String input : inputs) {
            String line = input.stripTrailing();
            if (line.contains("\n") || line.contains("\r")) throw new IllegalArgumentException("one input per line");
            if (!line.isBlank()) text.append(line).append('\n');
        }
        return Hashes.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
