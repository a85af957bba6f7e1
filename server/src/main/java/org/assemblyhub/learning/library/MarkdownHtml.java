package org.assemblyhub.learning.library;

import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/**
 * Markdown readings rendered for the reading screen. Uploads were already refused if they carried raw HTML or unsafe
 * links ({@link MarkdownCheck}); rendering escapes HTML and drops unsafe URLs all the same, so a file stored before a
 * rule changed can never put markup or script on a page. Links leave without a referrer or an opener.
 */
public final class MarkdownHtml {
    /**
     * Nesting is bounded so that a hostile file of a million '>' or '[' cannot make parsing or rendering (which
     * recurses) run out of stack; deeper nesting is read as text.
     */
    static final Parser PARSER =
            Parser.builder().maxOpenBlockParsers(32).maxInlineNesting(32).build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https")))
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) attributes.put("rel", "nofollow noopener noreferrer");
            })
            .build();

    /**
     * The most HTML a reading may become. Reference links repeat their destination at every use: a small file of
     * thousands of {@code [x]} with one long {@code [x]: http://…} would otherwise render into gigabytes.
     */
    public static final int MAX_HTML = 4 * 1024 * 1024;

    private MarkdownHtml() {}

    /** The HTML of a reading; {@link TooLarge} past {@link #MAX_HTML} characters (rendering stops there). */
    public static String render(String markdown) {
        StringBuilder html = new StringBuilder();
        RENDERER.render(PARSER.parse(markdown), new Bounded(html));
        return html.toString();
    }

    /** Rendering would go past {@link #MAX_HTML}. */
    public static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("the reading renders to more than " + MAX_HTML / (1024 * 1024) + " MiB of HTML", null, false, false);
        }
    }

    private record Bounded(StringBuilder out) implements Appendable {
        @Override
        public Appendable append(CharSequence text) {
            return append(text, 0, text.length());
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) {
            if (out.length() + (end - start) > MAX_HTML) throw new TooLarge();
            out.append(text, start, end);
            return this;
        }

        @Override
        public Appendable append(char c) {
            if (out.length() + 1 > MAX_HTML) throw new TooLarge();
            out.append(c);
            return this;
        }
    }
}
