package org.assemblyhub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The client's error catalogue ({@code i18n/errors.fr.js}, {@code errors.en.js}) says, in French and in English, what
 * every error code the hub can send means: a person reads it next to what they just did, in their language, never the
 * server's English sentence. The codes are read from the server's sources, each place an answer is refused (as
 * ProtocolDocTest reads them), so a new code without its two texts fails here.
 */
class ErrorCatalogueTest {
    static final Path SOURCES = Path.of("src/main/java");
    static final Path CATALOGUE = ClientStrings.WEBROOT.resolve("i18n");

    private static final String NAME = "\"([a-z][a-z0-9-]+)\"";
    /** An argument that is not a quoted text: a name, or a call with arguments ({@code stringOrNull(m, "id")}). */
    private static final String ARGUMENT = "(?:[^,\"()]|\\([^()]*\\))+";
    /** Every way the server's sources refuse with a code: deciders, wire decoders, the socket, HTTP, call signals. */
    static final Pattern CODE = Pattern.compile(
            "(?:reject|Rejection\\.of|Answers\\.error|Decoded\\.failed|signalError|\\berror)\\(\\s*(?:[a-zA-Z]+\\s*,\\s*)?"
                    + NAME
                    + "|Wire\\.error\\(\\s*" + ARGUMENT + ",\\s*" + ARGUMENT + ",\\s*"
                    + NAME
                    + "|HttpErrors\\.error\\(\\s*rc\\s*,\\s*\\d+\\s*,\\s*"
                    + NAME
                    + "|Problem\\(\\s*[a-zA-Z.()]+\\s*,\\s*"
                    + NAME
                    + "|DeskRefusal\\(\\s*\\d+\\s*,\\s*"
                    + NAME
                    + "|put\\(\\s*\"code\"\\s*,\\s*"
                    + NAME);

    private static final Pattern ENTRY = Pattern.compile("^\\s*'([a-z][a-z0-9-]+)'\\s*:\\s*\"(.*)\",\\s*$");

    static Set<String> serverCodes() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(file));
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) out.add(m.group(g));
                }
            }
        }
        return out;
    }

    /** Language → code → text, as errors.fr.js and errors.en.js write them (one code a line). */
    static Map<String, Map<String, String>> catalogue() throws IOException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (String language : new String[] {"fr", "en"}) {
            for (String line : Files.readString(CATALOGUE.resolve("errors." + language + ".js"))
                    .split("\n")) {
                Matcher entry = ENTRY.matcher(line);
                if (!entry.matches()) continue;
                String previous =
                        out.computeIfAbsent(language, l -> new TreeMap<>()).put(entry.group(1), entry.group(2));
                assertThat(previous)
                        .as(language + " " + entry.group(1) + " twice")
                        .isNull();
            }
        }
        return out;
    }

    @Test
    void every_code_the_server_can_send_has_a_french_and_an_english_text() throws IOException {
        Set<String> codes = serverCodes();
        assertThat(codes)
                .as("the scan finds the codes")
                .contains("forbidden", "invalid-args", "ballot-open", "quota-exceeded", "rate-limited", "csv-invalid")
                .doesNotContain("code", "message", "id")
                .hasSizeGreaterThan(100);
        Map<String, Map<String, String>> catalogue = catalogue();
        for (String language : new String[] {"fr", "en"}) {
            Map<String, String> texts = catalogue.getOrDefault(language, Map.of());
            assertThat(codes.stream().filter(c -> !texts.containsKey(c)).toList())
                    .as("codes the server can send with no " + language + " text in i18n/errors.fr.js and errors.en.js")
                    .isEmpty();
            assertThat(texts.entrySet().stream()
                            .filter(e -> e.getValue().isBlank())
                            .map(Map.Entry::getKey)
                            .toList())
                    .as(language + ": empty texts")
                    .isEmpty();
        }
    }

    @Test
    void french_and_english_name_the_same_codes_and_the_french_is_not_the_english() throws IOException {
        Map<String, Map<String, String>> catalogue = catalogue();
        Map<String, String> fr = catalogue.get("fr");
        Map<String, String> en = catalogue.get("en");
        assertThat(fr.keySet()).isEqualTo(en.keySet());
        assertThat(fr.keySet().stream().filter(c -> fr.get(c).equals(en.get(c))).toList())
                .as("codes whose French text is the English one")
                .isEmpty();
    }
}
