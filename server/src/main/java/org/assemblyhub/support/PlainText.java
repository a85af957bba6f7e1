package org.assemblyhub.support;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Free text that others will read is plain text: the OWASP sanitiser, with a policy that allows no element at all,
 * tells whether a text carries markup (tags, comments, scripts). Such text is refused with a reason rather than
 * silently altered; screens then show text as text (lit-html escapes), and the booklet escapes it again.
 */
public final class PlainText {
    private static final PolicyFactory NOTHING = new HtmlPolicyBuilder().toFactory();

    private PlainText() {}

    public static boolean hasMarkup(String text) {
        if (text == null || text.indexOf('<') < 0) return false;
        return !unescape(NOTHING.sanitize(text)).equals(text.replace("\r\n", "\n"));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#34;", "\"")
                .replace("&#39;", "'")
                .replace("&#43;", "+")
                .replace("&#61;", "=")
                .replace("&#64;", "@")
                .replace("&#96;", "`")
                .replace("&amp;", "&");
    }
}
