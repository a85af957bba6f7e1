package org.assemblyhub.breakout;

import static org.assemblyhub.testing.Given.LEAD;
import static org.assemblyhub.testing.Given.NOW;
import static org.assemblyhub.testing.Given.givenAnAssembly;
import static org.assemblyhub.testing.Given.present;
import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.breakout.workspace.WorkspaceCommand.AddIdea;
import org.assemblyhub.breakout.workspace.WorkspaceCommand.EditNotes;
import org.assemblyhub.breakout.workspace.WorkspaceCommand.ListReports;
import org.assemblyhub.breakout.workspace.WorkspaceCommand.ReadReport;
import org.assemblyhub.breakout.workspace.WorkspaceEvent.NotesEdited;
import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.PlannedSegment;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.session.domain.PlannedSession;
import org.assemblyhub.session.domain.SessionCommand.SkipSegment;
import org.assemblyhub.session.domain.SessionEvent.LeadAppointed;
import org.assemblyhub.session.domain.SessionEvent.ScriptAttached;
import org.assemblyhub.session.domain.SessionEvent.SegmentStarted;
import org.assemblyhub.session.domain.SessionEvent.SessionStarted;
import org.assemblyhub.testing.Given;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** What a group writes together: notes merged rather than overwritten, and reports that outlive the round. */
class GroupWorkTest {
    private static PlannedSegment breakouts(String title, boolean keep) {
        return new PlannedSegment("breakouts", title, 20, "Talk", 2, 0, 0, keep, 0, List.of(), List.of(), false);
    }

    static final PlannedSession EVENING = new PlannedSession(
            "evening",
            "Evening",
            List.of(
                    new PlannedSegment("plenary", "Welcome", 10, "Hello", 0),
                    breakouts("Round 1", false),
                    new PlannedSegment("plenary", "Share", 10, "Share", 0),
                    breakouts("Round 2, same groups", true),
                    new PlannedSegment("plenary", "Close", 10, "Bye", 0)));

    /** Round 1 open: f1 leads; members m1 to m15 and facilitators f2, f3 in two groups. */
    private static Given roundOne() {
        String[] here = IntStream.rangeClosed(1, 15).mapToObj(i -> "m" + i).toArray(String[]::new);
        return givenAnAssembly(
                        new ScriptAttached("Script", List.of(EVENING)),
                        new LeadAppointed("f1"),
                        new SessionStarted("evening", NOW.minusSeconds(60)),
                        new SegmentStarted(0, NOW.minusSeconds(60)))
                .and(present(here))
                .and(present("f2", "f3", "f1"))
                .when(LEAD, new SkipSegment())
                .andThen();
    }

    private static Actor member(Given given, int group, int index) {
        return Actor.person(given.thenModel().seating().members(group).get(index), Role.MEMBER);
    }

    @Test
    void notes_saved_by_two_members_who_started_from_the_same_version_keep_both_texts() {
        Given open = roundOne();
        Actor amina = member(open, 1, 0);
        Actor bruno = member(open, 1, 1);
        Given first = open.when(amina, new EditNotes("Amina: bike lanes", 0)).andThen();
        NotesEdited merged = first.when(bruno, new EditNotes("Bruno: night buses", 0))
                .events(NotesEdited.class)
                .get(0);
        assertThat(merged.text()).isEqualTo("Amina: bike lanes\nBruno: night buses");
        assertThat(merged.byPersonId()).isEqualTo(bruno.personId());
    }

    @Test
    void saving_on_the_latest_version_replaces_the_notes_and_saving_nothing_new_records_nothing() {
        Given open = roundOne();
        Actor amina = member(open, 1, 0);
        Given first = open.when(amina, new EditNotes("draft", 0)).andThen();
        assertThat(first.when(amina, new EditNotes("final", 1))
                        .events(NotesEdited.class)
                        .get(0)
                        .text())
                .isEqualTo("final");
        assertThat(first.when(member(open, 1, 1), new EditNotes("draft", 1)).events())
                .isEmpty();
    }

    @Test
    void a_groups_notes_and_cards_stay_readable_after_the_round_by_its_people_and_the_lead_only() {
        Given open = roundOne();
        Actor amina = member(open, 1, 0);
        Actor other = member(open, 2, 0);
        Given closed = open.when(amina, new EditNotes("We agree on buses", 0))
                .andThen()
                .when(amina, new AddIdea("Free buses on Sundays"))
                .andThen()
                .when(LEAD, new SkipSegment())
                .andThen();
        assertThat(closed.thenModel().seating().isOpen()).isFalse();

        Map<String, Object> list = answer(closed.when(amina, new ListReports()));
        assertThat(list.get("reports")).asList().singleElement().satisfies(r -> assertThat(map(r))
                .containsEntry("round", 1)
                .containsEntry("group", 1));
        Map<String, Object> report = answer(closed.when(amina, new ReadReport(1, 1)));
        assertThat(report).containsEntry("notes", "We agree on buses");
        assertThat(report.get("cards")).asList().singleElement().satisfies(c -> assertThat(map(c))
                .containsEntry("text", "Free buses on Sundays"));
        assertThat(report.get("members")).asList().contains("Name of " + amina.personId());

        closed.when(other, new ReadReport(1, 1)).thenRejected("forbidden");
        assertThat(answer(closed.when(LEAD, new ReadReport(1, 1)))).containsEntry("notes", "We agree on buses");
        assertThat(answer(closed.when(LEAD, new ListReports())).get("reports"))
                .asList()
                .hasSize(2);
        closed.when(LEAD, new ReadReport(1, 7)).thenRejected("no-such-report");
    }

    @Test
    void a_round_that_keeps_its_groups_continues_the_same_notes() {
        Given open = roundOne();
        Actor amina = member(open, 1, 0);
        Given second = open.when(amina, new EditNotes("Round one notes", 0))
                .andThen()
                .when(LEAD, new SkipSegment())
                .andThen()
                .when(LEAD, new SkipSegment())
                .andThen();
        assertThat(second.thenModel().seating().round()).isEqualTo(2);
        assertThat(second.thenModel()
                        .seating()
                        .seatOf(amina.personId())
                        .orElseThrow()
                        .group())
                .isEqualTo(1);
        NotesEdited more = second.when(amina, new EditNotes("Round one notes\nRound two", 1))
                .events(NotesEdited.class)
                .get(0);
        assertThat(more.round()).isEqualTo(1); // the workspace begun in round 1
        Map<String, Object> list = answer(second.andThen().when(amina, new ListReports()));
        assertThat(list.get("reports")).asList().singleElement().satisfies(r -> assertThat(map(r))
                .containsEntry("rounds", List.of(1, 2)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(Given given) {
        assertThat(given.verdict()).isInstanceOf(Verdict.Answered.class);
        return (Map<String, Object>) ((Verdict.Answered) given.verdict()).result();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
