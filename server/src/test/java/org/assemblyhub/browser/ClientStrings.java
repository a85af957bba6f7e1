package org.assemblyhub.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The browser client's French and English strings as its sources write them: {@code i18n/strings.js} (the app's own)
 * and each feature's {@code strings.js} (or {@code *-strings.js}), every one shaped
 * {@code export default { fr: { 'key': 'text', … }, en: { … } }} with one key a line; and the keys the client's
 * code names. Read as text: a JavaScript object literal keeps the last of two equal keys without a word, so only the
 * source shows a key defined twice.
 */
final class ClientStrings {
    static final Path WEBROOT = Path.of("../client/src/main/webroot");
    static final String FILE_NAME = "strings.js";

    /** A strings file: {@code strings.js}, or a feature's part of them ({@code staff-strings.js}). */
    static boolean isStrings(Path file) {
        String name = file.getFileName().toString();
        return name.equals(FILE_NAME) || name.endsWith("-" + FILE_NAME);
    }

    private static final Pattern LANGUAGE = Pattern.compile("^\\s*(fr|en)\\s*:\\s*\\{\\s*$");
    private static final Pattern KEY = Pattern.compile("^\\s*(['\"])([^'\"]+)\\1\\s*:");
    /**
     * A text quoted in the code, with what follows it: a key ('poll.title'), or the start of keys completed at run time
     * ('role.' + role, `level.${kind}.${level}`).
     */
    private static final String QUOTED_TEXT = "(['\"`])([^'\"`$\\n]*)(\\1\\s*\\+|\\1|\\$\\{)";
    /** The first argument of t(…), whatever it looks like. */
    private static final Pattern TRANSLATED = Pattern.compile("\\bt\\(\\s*" + QUOTED_TEXT);
    /** Elsewhere, a word with a dot under a namespace of the strings ('video.denied', kept to be shown later). */
    private static final Pattern QUOTED = Pattern.compile(QUOTED_TEXT);

    private ClientStrings() {}

    /** One key defined in one language of one strings file (path relative to the web root). */
    record Definition(String file, String language, String key) {}

    /** What the code names: whole keys, and the starts of keys it completes at run time ('phase.' + phase). */
    record Named(Set<String> keys, Set<String> prefixes) {}

    static List<Path> stringFiles() {
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            return files.filter(ClientStrings::isStrings).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Definition> definitions() {
        List<Definition> out = new ArrayList<>();
        for (Path file : stringFiles()) {
            String name = WEBROOT.relativize(file).toString();
            String language = null;
            for (String line : read(file).split("\n")) {
                Matcher lang = LANGUAGE.matcher(line);
                Matcher key = KEY.matcher(line);
                if (lang.matches()) language = lang.group(1);
                else if (key.find()) {
                    if (language == null)
                        throw new IllegalStateException(name + ": a key outside fr: { } and en: { }: " + line);
                    out.add(new Definition(name, language, key.group(2)));
                }
            }
        }
        return out;
    }

    /** Language → its keys, over every strings file. */
    static Map<String, Set<String>> keys() {
        return definitions().stream()
                .collect(Collectors.groupingBy(
                        Definition::language,
                        TreeMap::new,
                        Collectors.mapping(Definition::key, Collectors.toCollection(TreeSet::new))));
    }

    /** Keys and key starts quoted in the client's code (strings files aside), under the namespaces the strings use. */
    static Named named(Set<String> definedKeys) {
        Set<String> namespaces =
                definedKeys.stream().map(k -> k.split("\\.")[0]).collect(Collectors.toSet());
        Named named = new Named(new TreeSet<>(), new TreeSet<>());
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") && !isStrings(f))
                    .toList()) {
                String code = read(file);
                Matcher translated = TRANSLATED.matcher(code);
                while (translated.find()) add(named, translated);
                Matcher quoted = QUOTED.matcher(code);
                while (quoted.find()) {
                    if (quoted.group(2).matches("[a-z][a-zA-Z-]*\\.[a-zA-Z0-9.-]*")
                            && namespaces.contains(quoted.group(2).split("\\.")[0])) {
                        add(named, quoted);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return named;
    }

    private static void add(Named named, Matcher quoted) {
        boolean completed = quoted.group(3).endsWith("+") || quoted.group(3).equals("${");
        (completed ? named.prefixes() : named.keys()).add(quoted.group(2));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
