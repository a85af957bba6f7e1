package org.assemblyhub.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The README names buttons as the screens do, in both languages: every {@code "English" (« French »)} (or {@code
 * "English" / « French »}) it quotes is one string of the client in its two languages — or, ending in "…", a text the
 * hub's own pages start with — and every English button text of the client it quotes has its French beside it.
 */
class ReadmeButtonsTest {
    static final Path README = Path.of("../README.md");
    static final Path WEBROOT = Path.of("../client/src/main/webroot");
    static final Path SOURCES = Path.of("src/main/java");
    static final Pattern PAIR = Pattern.compile("\"([^\"]+)\"\\s*(?:\\(|/)\\s*«\\s*([^»]+?)\\s*»");
    static final Pattern QUOTE = Pattern.compile("\"([^\"]+)\"");
    static final Pattern SECTION = Pattern.compile("^\\s*(fr|en)\\s*:\\s*\\{\\s*$");
    static final Pattern ENTRY = Pattern.compile("^\\s*(['\"])([^'\"]+)\\1\\s*:\\s*(['\"])(.*)\\3\\s*,?\\s*$");

    @Test
    void every_button_the_readme_quotes_is_named_as_on_the_screens_in_english_and_french() throws IOException {
        String prose = prose();
        Map<String, Map<String, String>> strings = clientStrings();
        List<String> pairs = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Matcher m = PAIR.matcher(prose);
        while (m.find()) {
            String en = m.group(1);
            String fr = m.group(2).replaceAll("\\s+", " ");
            pairs.add(en);
            boolean known = en.endsWith("…")
                    ? inSources(en.substring(0, en.length() - 1)) && inSources(fr.substring(0, fr.length() - 1))
                    : strings.values().stream().anyMatch(t -> en.equals(t.get("en")) && fr.equals(t.get("fr")));
            if (!known) wrong.add("\"" + en + "\" / « " + fr + " »");
        }
        assertThat(pairs).as("the scan finds the pairs").isNotEmpty();
        assertThat(wrong).as("pairs that are not one string of the screens").isEmpty();

        List<String> alone = new ArrayList<>();
        Matcher q = QUOTE.matcher(prose);
        while (q.find()) {
            String en = q.group(1);
            boolean isButtonText = strings.values().stream().anyMatch(t -> en.equals(t.get("en")));
            if (isButtonText && !pairs.contains(en)) alone.add(en);
        }
        assertThat(alone).as("screen texts quoted in English only").isEmpty();
    }

    /** The README without its code blocks and inline code, lines joined (a quote may wrap). */
    private static String prose() throws IOException {
        String text = Files.readString(README).replaceAll("(?s)```.*?```", "").replaceAll("`[^`]*`", "");
        return text.replaceAll("\\s+", " ");
    }

    /** key → {fr: text, en: text} over every strings.js of the client. */
    private static Map<String, Map<String, String>> clientStrings() throws IOException {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("strings.js"))
                    .toList()) {
                String language = null;
                for (String line : Files.readAllLines(file)) {
                    Matcher section = SECTION.matcher(line);
                    if (section.matches()) language = section.group(1);
                    Matcher entry = ENTRY.matcher(line);
                    if (language != null && entry.matches()) {
                        out.computeIfAbsent(file + " " + entry.group(2), k -> new HashMap<>())
                                .put(language, unescape(entry.group(4)));
                    }
                }
            }
        }
        return out;
    }

    private static String unescape(String js) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})|\\\\(.)").matcher(js);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement =
                    m.group(1) != null ? String.valueOf((char) Integer.parseInt(m.group(1), 16)) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    private static boolean inSources(String text) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("\"" + text)) return true;
            }
        }
        return false;
    }
}
