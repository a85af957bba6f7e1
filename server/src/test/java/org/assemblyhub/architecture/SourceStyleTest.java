package org.assemblyhub.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the formatter (Spotless with palantir-java-format, checked by {@code mvn verify}) leaves to us: lines of at most
 * 120 columns — except text that is one long literal (a message, a fixture) — and no fully qualified class name inline
 * where an import says it once.
 */
class SourceStyleTest {
    static final int MAX_COLUMNS = 120;
    private static final List<Path> ROOTS =
            List.of(Path.of("src"), Path.of("../bench/src"), Path.of("../assembly-scripts/src"));
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(org\\.assemblyhub|java\\.(util|time|io|nio|net|security)|io\\.vertx|com\\.fasterxml)\\.([a-z0-9_]+\\.)*[A-Z]\\w*");
    private static final Pattern LITERAL = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");

    @Test
    void no_line_is_wider_than_120_columns_unless_it_is_one_long_literal() {
        List<String> wide = new ArrayList<>();
        forEachCodeLine((where, line, inTextBlock) -> {
            String code = line.strip();
            boolean literal = inTextBlock || code.startsWith("\"") || code.startsWith("+ \"");
            if (line.length() > MAX_COLUMNS && !literal) wide.add(where + " (" + line.length() + " columns)");
        });
        assertThat(wide).as("lines wider than " + MAX_COLUMNS + " columns").isEmpty();
    }

    @Test
    void class_names_are_imported_not_written_out_inline() {
        List<String> qualified = new ArrayList<>();
        forEachCodeLine((where, line, inTextBlock) -> {
            String code = line.strip();
            if (inTextBlock
                    || code.startsWith("import ")
                    || code.startsWith("package ")
                    || code.startsWith("*")
                    || code.startsWith("/*")
                    || code.startsWith("//")) return;
            String withoutLiterals =
                    LITERAL.matcher(code.replaceAll("//.*$", "")).replaceAll("\"\"");
            var m = QUALIFIED.matcher(withoutLiterals);
            if (m.find()) qualified.add(where + ": " + m.group());
        });
        assertThat(qualified).as("fully qualified class names inline").isEmpty();
    }

    interface LineCheck {
        void check(String where, String line, boolean inTextBlock);
    }

    private static void forEachCodeLine(LineCheck check) {
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                        .sorted()
                        .toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    boolean inTextBlock = false;
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        int quotes = count(line, "\"\"\"");
                        boolean opensOrCloses = quotes % 2 == 1;
                        check.check(file + ":" + (i + 1), line, inTextBlock);
                        if (opensOrCloses) inTextBlock = !inTextBlock;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int count(String line, String what) {
        int n = 0;
        for (int at = line.indexOf(what); at >= 0; at = line.indexOf(what, at + what.length())) n++;
        return n;
    }
}
