package org.assemblyhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void ordinary_text_with_angle_brackets_ampersands_quotes_and_accents_is_plain() {
        assertThat(PlainText.hasMarkup("a < b & c > d, \"quoted\" l'été — 5€ <3 @all = +1 `x`"))
                .isFalse();
        assertThat(PlainText.hasMarkup("line one\r\nline two")).isFalse();
        assertThat(PlainText.hasMarkup(null)).isFalse();
    }

    @Test
    void tags_scripts_comments_and_event_handlers_are_markup() {
        assertThat(PlainText.hasMarkup("<b>bold</b>")).isTrue();
        assertThat(PlainText.hasMarkup("hello <script>alert(1)</script>")).isTrue();
        assertThat(PlainText.hasMarkup("<img src=x onerror=alert(1)>")).isTrue();
        assertThat(PlainText.hasMarkup("before <!-- hidden --> after")).isTrue();
        assertThat(PlainText.hasMarkup("<a href=\"javascript:x\">link</a>")).isTrue();
    }
}
