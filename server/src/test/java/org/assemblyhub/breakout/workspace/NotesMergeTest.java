package org.assemblyhub.breakout.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotesMergeTest {
    private static String text(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void edits_to_different_lines_are_both_kept() {
        String base = text("Transport", "Housing", "Schools");
        String ours = text("Transport: more buses", "Housing", "Schools");
        String theirs = text("Transport", "Housing", "Schools: smaller classes");
        assertThat(NotesMerge.merge(base, ours, theirs))
                .isEqualTo(text("Transport: more buses", "Housing", "Schools: smaller classes"));
    }

    @Test
    void two_people_adding_a_line_at_the_end_at_once_keep_both_lines() {
        String base = text("Ideas:");
        assertThat(NotesMerge.merge(base, text("Ideas:", "Amina: bike lanes"), text("Ideas:", "Bruno: night buses")))
                .isEqualTo(text("Ideas:", "Amina: bike lanes", "Bruno: night buses"));
    }

    @Test
    void the_same_line_changed_differently_by_two_people_keeps_both_versions() {
        String base = text("Title", "We want cheaper tickets", "End");
        String ours = text("Title", "We want cheaper tickets for students", "End");
        String theirs = text("Title", "We want free tickets", "End");
        assertThat(NotesMerge.merge(base, ours, theirs))
                .isEqualTo(text("Title", "We want cheaper tickets for students", "We want free tickets", "End"));
    }

    @Test
    void the_same_change_made_on_both_sides_appears_once() {
        String base = text("a", "b");
        assertThat(NotesMerge.merge(base, text("a", "B"), text("a", "B"))).isEqualTo(text("a", "B"));
        assertThat(NotesMerge.merge(base, text("a", "B", "c"), text("a", "B", "d")))
                .isEqualTo(text("a", "B", "c", "d"));
    }

    @Test
    void a_deletion_and_an_edit_elsewhere_both_apply() {
        String base = text("one", "two", "three", "four");
        String ours = text("one", "three", "four");
        String theirs = text("one", "two", "three", "FOUR");
        assertThat(NotesMerge.merge(base, ours, theirs)).isEqualTo(text("one", "three", "FOUR"));
    }

    @Test
    void a_line_deleted_by_one_and_edited_by_the_other_keeps_the_edit() {
        String base = text("one", "two", "three");
        assertThat(NotesMerge.merge(base, text("one", "three"), text("one", "two and a half", "three")))
                .isEqualTo(text("one", "two and a half", "three"));
        assertThat(NotesMerge.merge(base, text("one", "two and a half", "three"), text("one", "three")))
                .isEqualTo(text("one", "two and a half", "three"));
    }

    @Test
    void a_line_deleted_by_both_is_deleted_once() {
        String base = text("one", "two", "three");
        assertThat(NotesMerge.merge(base, text("one", "three"), text("one", "three", "four")))
                .isEqualTo(text("one", "three", "four"));
    }

    @Test
    void when_nothing_changed_meanwhile_the_saved_text_is_taken_as_it_is() {
        assertThat(NotesMerge.merge("a", "a", "")).isEmpty();
        assertThat(NotesMerge.merge("a", "a\nb", "a")).isEqualTo("a\nb");
        assertThat(NotesMerge.merge("", "", "first words")).isEqualTo("first words");
    }

    @Test
    void text_written_on_an_empty_base_is_added_after_what_others_wrote() {
        assertThat(NotesMerge.merge("", "Amina's line", "Bruno's line"))
                .isEqualTo(text("Amina's line", "Bruno's line"));
    }
}
