package org.assemblyhub.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Who a mailing reaches, and the code of each person left out. */
class RecipientsTest {
    static Member member(String id, String contact) {
        return new Member(id, id, "member", contact, Map.of(), true, null);
    }

    static final List<Member> ROSTER = List.of(
            new Member("org", "Olga", "organiser", "olga@example.org", Map.of(), true, null),
            member("ana", "ana@example.org"),
            member("ben", "+33 6 12 34 56 78"),
            member("dan", null),
            member("eve", "somewhere"),
            member("fay", "Home@Example.org"),
            member("gus", "home@example.org "),
            new Member("hal", "Hal", "member", "hal@example.org", Map.of(), false, null));

    static Map<String, String> skipped(Recipients.Choice c) {
        return c.skipped().stream().collect(Collectors.toMap(Recipients.Skipped::personId, Recipients.Skipped::code));
    }

    @Test
    void everyone_but_organisers_each_left_out_with_a_reason() {
        Recipients.Choice c = Recipients.choose(ROSTER, null, Set.of(Channel.EMAIL), true, id -> id.equals("ana"));

        assertThat(c.chosen()).isEmpty();
        assertThat(skipped(c))
                .containsEntry("ana", "already-sent")
                .containsEntry("ben", "no-sms-gateway")
                .containsEntry("dan", "no-contact")
                .containsEntry("eve", "invalid-contact")
                .containsEntry("fay", "duplicate-contact")
                .containsEntry("gus", "duplicate-contact")
                .containsEntry("hal", "no-invitation")
                .doesNotContainKey("org");
    }

    @Test
    void listed_people_once_each_organisers_included_when_named() {
        Recipients.Choice c = Recipients.choose(
                ROSTER, List.of("ben", "org", "ben"), Set.of(Channel.EMAIL, Channel.SMS), false, id -> false);

        assertThat(c.chosen()).extracting(Member::id).containsExactly("ben", "org");
        assertThat(c.skipped()).isEmpty();
    }

    @Test
    void contacts_are_told_apart_and_a_language_column_is_read_loosely() {
        assertThat(Contacts.channel("ana@example.org")).isEqualTo(Channel.EMAIL);
        assertThat(Contacts.channel("+33 (0)6 12-34.56.78")).isEqualTo(Channel.SMS);
        assertThat(Contacts.channel("12")).isNull();
        assertThat(Contacts.channel("ana@localhost")).isNull();
        assertThat(Contacts.normal(" Ana@Example.ORG ")).isEqualTo("ana@example.org");
        assertThat(Contacts.language(Map.of("Language", "English"), "fr")).isEqualTo("en");
        assertThat(Contacts.language(Map.of("langue", "Français"), "en")).isEqualTo("fr");
        assertThat(Contacts.language(Map.of("language", "de"), "fr")).isEqualTo("fr");
        assertThat(Contacts.language(Map.of(), "en")).isEqualTo("en");
    }
}
