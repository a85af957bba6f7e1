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

    private MarkdownHtml() {}

    public static String render(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
