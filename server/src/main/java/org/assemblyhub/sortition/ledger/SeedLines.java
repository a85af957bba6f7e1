package org.assemblyhub.sortition.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The seed's inputs in their only accepted form, so that an organiser who knows the commitment cannot try variants of
 * the announced numbers (order, spacing, leading zeros, an extra line) until one gives the panel they want: one line
 * per source announced with the commitment, in that order, {@code "<source>: <numbers>"}, the numbers in plain
 * decimal (no leading zero) separated by one space.
 */
public final class SeedLines {
    private static final Pattern PLAIN = Pattern.compile("(0|[1-9][0-9]{0,17})( (0|[1-9][0-9]{0,17})){0,19}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    private SeedLines() {}

    /** Whether {@code lines} are exactly one plain line per source, in order. */
    public static boolean match(List<String> sources, List<String> lines) {
        if (sources.isEmpty() || sources.size() != lines.size()) return false;
        for (int i = 0; i < sources.size(); i++) {
            String prefix = sources.get(i) + ": ";
            String line = lines.get(i);
            if (!line.startsWith(prefix)
                    || !PLAIN.matcher(line.substring(prefix.length())).matches()) return false;
        }
        return true;
    }

    /**
     * The plain form of what a witness said ("007, 42" → "7 42"); empty when it holds anything but numbers (at most
     * 20 of at most 18 digits).
     */
    public static Optional<String> plain(String said) {
        List<String> numbers = new ArrayList<>();
        for (String part : said.strip().split("[\\s,;]+")) {
            if (part.isEmpty()) continue;
            if (!NUMBER.matcher(part).matches()) return Optional.empty();
            numbers.add(String.valueOf(Long.parseLong(part)));
        }
        if (numbers.isEmpty() || numbers.size() > 20) return Optional.empty();
        return Optional.of(String.join(" ", numbers));
    }

    /** The lines of the draw from one number text per source, or empty if one of them is not numbers. */
    public static Optional<List<String>> lines(List<String> sources, List<String> said) {
        if (sources.size() != said.size()) return Optional.empty();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Optional<String> plain = plain(said.get(i));
            if (plain.isEmpty()) return Optional.empty();
            out.add(sources.get(i) + ": " + plain.get());
        }
        return Optional.of(out);
    }
}
