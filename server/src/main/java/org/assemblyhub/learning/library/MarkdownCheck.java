package org.assemblyhub.learning.library;

import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;

import java.util.Locale;

/**
 * A Markdown reading is published to every member: it may hold no raw HTML at all (no tags, comments or entities
 * turned into markup) and its links and images may only go to http(s) addresses or relative ones — never
 * {@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:} or any other scheme.
 */
final class MarkdownCheck {
    private MarkdownCheck() {}

    static void check(String text) throws FileRefused {
        try {
            MarkdownHtml.render(text);
        } catch (MarkdownHtml.TooLarge e) {
            throw FileRefused.markdownUnsafe(e.getMessage() + " (reference links repeated too often).");
        }
        Node node = MarkdownHtml.PARSER.parse(text);
        // Walked without recursion: the parser bounds nesting, but a walk that cannot overflow needs no such promise.
        while (node != null) {
            inspect(node);
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
            } else {
                while (node != null && node.getNext() == null) node = node.getParent();
                if (node != null) node = node.getNext();
            }
        }
    }

    private static void inspect(Node node) throws FileRefused {
        if (node instanceof HtmlBlock || node instanceof HtmlInline) {
            throw FileRefused.markdownUnsafe("it contains HTML; write it in plain Markdown.");
        }
        String destination = null;
        if (node instanceof Link link) destination = link.getDestination();
        else if (node instanceof Image image) destination = image.getDestination();
        else if (node instanceof LinkReferenceDefinition definition) destination = definition.getDestination();
        if (destination != null && !safe(destination)) {
            throw FileRefused.markdownUnsafe("a link or image goes to '" + shortened(destination)
                    + "'; only http(s) and relative addresses are allowed.");
        }
    }

    /**
     * Whether a destination is http(s) or relative. Browsers ignore tabs, new lines and control characters inside a
     * scheme ({@code java\tscript:}), so they are ignored here too; a colon before any '/', '?' or '#' means a scheme.
     */
    static boolean safe(String destination) {
        String compact = destination.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        int colon = compact.indexOf(':');
        if (colon < 0) return true;
        for (int i = 0; i < colon; i++) {
            char c = compact.charAt(i);
            if (c == '/' || c == '?' || c == '#') return true; // a colon in a relative path or query
        }
        String scheme = compact.substring(0, colon);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static String shortened(String destination) {
        String printable = destination.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
