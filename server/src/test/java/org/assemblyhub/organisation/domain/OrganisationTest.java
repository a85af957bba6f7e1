package org.assemblyhub.organisation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class OrganisationTest {
    @Test
    void a_document_kept_before_administrators_were_counted_never_gives_a_removed_ones_id_again() {
        Organisation kept = new Organisation(
                "ville", "Ville", List.of(new Admin("a1", "Alice", "h1"), new Admin("a2", "Amir", "h2")), List.of(), 0);

        Organisation without = kept.withoutAdmin("a2");

        assertThat(without.adminsEver()).isEqualTo(2);
        assertThat(without.nextAdminId()).isEqualTo("a3");
        assertThat(without.removedAdmin("a2")).isTrue();
        assertThat(without.removedAdmin("a1")).as("still there").isFalse();
        assertThat(without.removedAdmin("a3")).as("never given").isFalse();
        assertThat(without.removedAdmin("a02")).isFalse();
    }
}
