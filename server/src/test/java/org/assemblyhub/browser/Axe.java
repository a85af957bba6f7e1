package org.assemblyhub.browser;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core (Deque's accessibility rules) run in a real page, on the WCAG 2.0, 2.1 and 2.2 A and AA rules. axe-core is
 * third-party code, so it is not in the repository: {@code ./hub test} (or {@code ./hub axe-core}) fetches the pinned
 * version from the npm registry, checks its integrity and keeps it in {@code ~/.cache/assembly-hub/}.
 */
final class Axe {
    /** The same version as {@code AXE_VERSION} in the {@code hub} script. */
    static final String VERSION = "4.11.4";

    private static final String RUN =
            """
            async () => {
              const result = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
                resultTypes: ['violations'],
              });
              return result.violations.map((v) => ({
                rule: v.id,
                impact: v.impact || '',
                help: v.help,
                nodes: v.nodes.map((n) => n.target.join(' ') + '  ' + n.html.slice(0, 140)
                  + '  ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300)),
              }));
            }""";

    private static String source;

    private Axe() {}

    /** Where {@code ./hub test} keeps axe.min.js. */
    static Path script() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base =
                cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
        return base.resolve("assembly-hub").resolve("axe-core-" + VERSION).resolve("axe.min.js");
    }

    private static synchronized String source() {
        if (source != null) return source;
        Path script = script();
        if (!Files.isReadable(script)) {
            throw new IllegalStateException("axe-core " + VERSION + " is missing (" + script
                    + "): run ./hub test, or ./hub axe-core, to fetch it from the npm registry");
        }
        try {
            source = Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return source;
    }

    /**
     * The page's WCAG A/AA violations, one line per rule: its id, impact and help, then each offending element (its
     * selector, its start tag, what axe says to fix). Empty when the page passes. axe is evaluated through the
     * DevTools protocol, which the page's Content-Security-Policy does not govern, so the page is tested as served.
     */
    static List<String> violations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate("() => { " + source() + "\n}");
        }
        List<String> lines = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate(RUN);
        for (Map<String, Object> v : found) {
            StringBuilder line = new StringBuilder()
                    .append(v.get("rule"))
                    .append(" (")
                    .append(v.get("impact"))
                    .append("): ")
                    .append(v.get("help"));
            @SuppressWarnings("unchecked")
            List<String> nodes = (List<String>) v.get("nodes");
            for (String node : nodes) line.append("\n      ").append(node);
            lines.add(line.toString());
        }
        return lines;
    }
}
