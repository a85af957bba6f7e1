package org.assemblyhub.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/** The texts in both languages leave no blank to fill, and the links are the hub's to make again. */
class LettersTest {
    final Letters letters = Letters.load(ZoneId.of("Europe/Paris"));
    final ReminderPlan.Session session =
            new ReminderPlan.Session("s1", "Apprendre", Instant.parse("2026-03-03T17:30:00Z"), false, false);

    Letter.Facts facts(String link) {
        return new Letter.Facts(
                "Ana",
                "Climat",
                link,
                "https://hub.example/a/climat",
                session,
                List.of(new Letter.Material("Le budget carbone", "Dr Nguyen", "https://example.org/b.pdf")),
                "Merci",
                "https://hub.example/tech-check.html");
    }

    @Test
    void every_message_in_french_and_english_is_filled_in_whole() {
        for (String language : List.of("fr", "en")) {
            for (MessageKind kind : MessageKind.values()) {
                for (String link : new String[] {"https://hub.example/join/climat.abc", null}) {
                    Letter letter = letters.write(kind, language, facts(link));
                    String all = letter.subject() + letter.body() + letter.sms();
                    assertThat(all)
                            .as(language + " " + kind)
                            .doesNotContain("{")
                            .doesNotContain("}");
                    assertThat(letter.subject()).contains("Climat");
                    if (link != null) assertThat(letter.body() + letter.sms()).contains(link);
                }
            }
        }
    }

    @Test
    void a_reminder_says_when_in_the_hubs_time_zone_and_what_to_prepare() {
        Letter fr = letters.write(MessageKind.REMINDER_DAY, "fr", facts(null));
        Letter en = letters.write(MessageKind.REMINDER_DAY, "en", facts(null));

        assertThat(fr.body()).contains("mardi 3 mars 2026 à 18h30", "Le budget carbone (Dr Nguyen)", "b.pdf");
        assertThat(en.body()).contains("Tuesday 3 March 2026 at 18:30", "To prepare:");
    }

    @Test
    void a_link_is_the_same_from_the_same_nonce_and_another_from_another_nonce_or_secret() {
        byte[] secret = new byte[32];
        new Random(1).nextBytes(secret);
        LinkKey key = new LinkKey(secret);
        String nonce = LinkKey.newNonce(new Random(2));

        String link = key.token("climat", "ana", nonce);

        assertThat(link).startsWith("climat.").hasSize("climat.".length() + 43);
        assertThat(key.token("climat", "ana", nonce)).isEqualTo(link);
        assertThat(key.token("climat", "ana", LinkKey.newNonce(new Random(3)))).isNotEqualTo(link);
        assertThat(key.token("climat", "ben", nonce)).isNotEqualTo(link);
        secret[0]++;
        assertThat(new LinkKey(secret).token("climat", "ana", nonce)).isNotEqualTo(link);
    }
}
