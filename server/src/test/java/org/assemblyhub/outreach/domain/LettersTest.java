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
                "https://hub.example/tech-check.html",
                STOP);
    }

    static final String STOP = "https://hub.example/r/climat/ana/stop-key";

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
    void reminders_end_with_the_members_own_stop_link_and_other_messages_do_not() {
        assertThat(letters.write(MessageKind.REMINDER_HOUR, "fr", facts(null)).body())
                .contains("Pour ne plus recevoir ces rappels : " + STOP);
        assertThat(letters.write(MessageKind.REMINDER_DAY, "en", facts(null)).body())
                .contains("Not to get these reminders any more: " + STOP);
        assertThat(letters.write(MessageKind.INVITATION, "en", facts(null)).body())
                .doesNotContain(STOP);
        assertThat(letters.write(MessageKind.RESULTS, "fr", facts(null)).body()).doesNotContain(STOP);
    }

    @Test
    void a_reminders_key_is_the_members_own_and_only_the_exact_key_is_taken() {
        byte[] secret = new byte[32];
        new Random(4).nextBytes(secret);
        LinkKey key = new LinkKey(secret);
        String ana = key.remindersKey("climat", "ana");

        assertThat(key.isRemindersKey("climat", "ana", ana)).isTrue();
        assertThat(key.isRemindersKey("climat", "ben", ana)).isFalse();
        assertThat(key.isRemindersKey("autre", "ana", ana)).isFalse();
        assertThat(key.isRemindersKey("climat", "ana", ana.substring(1))).isFalse();
        assertThat(key.isRemindersKey("climat", "ana", null)).isFalse();
        assertThat(ana).isNotEqualTo(key.token("climat", "ana", "reminders")).doesNotContain("climat");
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
