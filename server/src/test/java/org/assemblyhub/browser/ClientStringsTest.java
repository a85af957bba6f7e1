package org.assemblyhub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.browser.ClientStrings.Definition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The client's strings, from its sources (no browser needed, so this runs with the unit tests): each feature's
 * strings.js and the app's own say every key once per language, in French and in English, and the code names no key
 * that is missing. ClientStringsIT checks that the app, in Chromium, adds every one of these files.
 */
class ClientStringsTest {
    final List<Definition> definitions = ClientStrings.definitions();

    @Test
    void the_strings_are_the_apps_own_and_one_file_per_feature() {
        assertThat(ClientStrings.stringFiles().stream()
                        .map(f -> ClientStrings.WEBROOT.relativize(f).toString())
                        .toList())
                .contains(
                        "i18n/strings.js",
                        "assembly/strings.js",
                        "live/strings.js",
                        "breakout/strings.js",
                        "poll/strings.js",
                        "decision/strings.js",
                        "video/strings.js",
                        "learning/strings.js",
                        "learning/staff-strings.js");
        assertThat(definitions).as("the reader finds the keys").hasSizeGreaterThan(600);
    }

    @Test
    void no_key_is_defined_twice_in_a_language() {
        Map<String, List<String>> places = definitions.stream()
                .collect(Collectors.groupingBy(
                        d -> d.language() + " " + d.key(), Collectors.mapping(Definition::file, Collectors.toList())));
        assertThat(places.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .map(e -> e.getKey() + " in " + e.getValue())
                        .toList())
                .as("keys defined twice")
                .isEmpty();
    }

    @Test
    void each_strings_file_has_the_same_keys_in_french_and_english() {
        Map<String, Map<String, Set<String>>> byFile = definitions.stream()
                .collect(Collectors.groupingBy(
                        Definition::file,
                        Collectors.groupingBy(
                                Definition::language,
                                Collectors.mapping(Definition::key, Collectors.toCollection(TreeSet::new)))));
        byFile.forEach((file, languages) -> {
            Set<String> fr = languages.getOrDefault("fr", Set.of());
            Set<String> en = languages.getOrDefault("en", Set.of());
            assertThat(fr)
                    .as(file + ": French keys missing in English")
                    .isNotEmpty()
                    .isSubsetOf(en);
            assertThat(en).as(file + ": English keys missing in French").isSubsetOf(fr);
        });
    }

    @Test
    void every_key_the_code_names_exists_in_french_and_english() {
        Map<String, Set<String>> keys = ClientStrings.keys();
        Set<String> both = new TreeSet<>(keys.get("fr"));
        both.retainAll(keys.get("en"));
        ClientStrings.Named named = ClientStrings.named(both);
        assertThat(named.keys())
                .as("the scan finds the keys")
                .contains("poll.title", "role.lead", "video.denied", "check.title");
        assertThat(named.prefixes()).as("the scan finds the key starts").contains("phase.", "role.", "level.");

        List<String> missing = new ArrayList<>();
        named.keys().stream().filter(k -> !both.contains(k)).forEach(missing::add);
        named.prefixes().stream()
                .filter(p -> both.stream().noneMatch(k -> k.startsWith(p)))
                .map(p -> p + "…")
                .forEach(missing::add);
        assertThat(missing)
                .as("keys (and starts of keys…) the code names, missing in French or English")
                .isEmpty();
    }

    /**
     * A language of its own file (i18n/languages/*.js, docs/translating.md) says every text of the app and every
     * error code, no more: the guard for the day a third language comes (LanguagePackIT shows one working).
     */
    @Test
    void every_language_file_has_every_text_and_every_error_code_of_english() throws IOException {
        Path folder = ClientStrings.WEBROOT.resolve("i18n/languages");
        if (!Files.isDirectory(folder)) return;
        Set<String> english = ClientStrings.keys().get("en");
        Set<String> codes = ErrorCatalogueTest.catalogue().get("en").keySet();
        Pattern section = Pattern.compile("^\\s*(strings|errors)\\s*:\\s*\\{\\s*$");
        Pattern entry = Pattern.compile("^\\s*(['\"])([^'\"]+)\\1\\s*:");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Map<String, Set<String>> keys = Map.of("strings", new TreeSet<>(), "errors", new TreeSet<>());
                String in = null;
                for (String line : Files.readString(file).split("\n")) {
                    Matcher opens = section.matcher(line);
                    Matcher key = entry.matcher(line);
                    if (opens.matches()) in = opens.group(1);
                    else if (in != null && key.find()) keys.get(in).add(key.group(2));
                }
                assertThat(keys.get("strings")).as(file + ": texts").isEqualTo(english);
                assertThat(keys.get("errors")).as(file + ": error codes").isEqualTo(codes);
            }
        }
    }
}
