package org.assemblyhub.metrics;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Prometheus text format as a scraper reads it: samples by name and labels. */
record Scrape(String text) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * The sum of the samples named {@code name} whose labels include every {@code label=value} pair given (0 when
     * there is none): {@code value("hub_commands_total", "result", "ack")}.
     */
    double value(String name, String... labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) continue;
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(name)) continue;
            if (labelsOf(m.group(3)).entrySet().containsAll(pairs(labels).entrySet()))
                sum += Double.parseDouble(m.group(4));
        }
        return sum;
    }

    boolean has(String name) {
        return Arrays.stream(text.split("\n"))
                .anyMatch(l -> !l.startsWith("#") && (l.startsWith(name + "{") || l.startsWith(name + " ")));
    }

    private static Map<String, String> labelsOf(String text) {
        Map<String, String> labels = new TreeMap<>();
        if (text == null) return labels;
        Matcher m = LABEL.matcher(text);
        while (m.find()) labels.put(m.group(1), m.group(2));
        return labels;
    }

    private static Map<String, String> pairs(String... labels) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) out.put(labels[i], labels[i + 1]);
        return out;
    }
}
