package org.assemblyhub.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * docs/protocol.md is enough to write a client: every error code the hub can send and every wire command is named
 * in it. The codes are read from the sources (each place an answer is refused), so a new code without its line in
 * the docs fails here.
 */
class ProtocolDocTest {
    static final Path SOURCES = Path.of("src/main/java");
    static final Path DOC = Path.of("../docs/protocol.md");
    static final Pattern CODE = Pattern.compile(
            "(?:reject|Rejection\\.of|Answers\\.error|Decoded\\.failed|signalError)\\(\\s*(?:[a-zA-Z]+\\s*,\\s*)?\"([a-z][a-z0-9-]+)\""
                    + "|Wire\\.error\\([^\"]*\"([a-z][a-z0-9-]+)\""
                    + "|HttpErrors\\.error\\(\\s*rc\\s*,\\s*\\d+\\s*,\\s*\"([a-z][a-z0-9-]+)\""
                    + "|Problem\\(\\s*[a-zA-Z.()]+\\s*,\\s*\"([a-z][a-z0-9-]+)\""
                    + "|DeskRefusal\\(\\s*\\d+\\s*,\\s*\"([a-z][a-z0-9-]+)\"");
    static final Pattern COMMAND = Pattern.compile("(?:\\bof|\\bheavy)\\(\\s*\"([a-z][a-z-]+)\"\\s*,\\s*[A-Z_]+\\s*,");

    static Set<String> found(Pattern pattern, String fileSuffix) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(fileSuffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) out.add(m.group(g));
                }
            }
        }
        return out;
    }

    @Test
    void every_error_code_the_hub_can_send_is_documented() throws IOException {
        String doc = Files.readString(DOC);
        Set<String> codes = found(CODE, ".java");
        assertThat(codes)
                .as("the scan finds the codes")
                .contains("forbidden", "invalid-args", "ballot-open", "quota-exceeded");
        assertThat(codes.stream().filter(c -> !doc.contains("`" + c + "`")).toList())
                .as("codes missing from docs/protocol.md")
                .isEmpty();
    }

    @Test
    void every_wire_command_is_documented() throws IOException {
        String doc = Files.readString(DOC);
        Set<String> commands = found(COMMAND, "Wire.java"); // the tables of wire commands (AssemblyWire, BreakoutWire…)
        assertThat(commands).contains("open-poll", "cast-ballot", "import-roster");
        assertThat(commands.stream().filter(c -> !doc.contains("`" + c + "`")).toList())
                .as("commands missing from docs/protocol.md")
                .isEmpty();
    }
}
