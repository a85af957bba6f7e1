package org.assemblyhub.sortition;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.sortition.domain.Panel;
import org.assemblyhub.sortition.domain.PanelRules;
import org.assemblyhub.sortition.domain.Quota;
import org.assemblyhub.sortition.domain.Quotas;
import org.assemblyhub.sortition.domain.SelectionProblem;
import org.assemblyhub.sortition.domain.Volunteer;
import org.assemblyhub.sortition.replace.Replacement;
import org.assemblyhub.sortition.replace.Replacements;
import org.assemblyhub.sortition.select.Algorithm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class ReplacementTest {
    static final SelectionProblem PROBLEM = new SelectionProblem(
            List.of(
                    Pools.inHousehold("m1", "h1", "gender", "f", "age", "young"),
                    Pools.inHousehold("m2", "h2", "gender", "m", "age", "old"),
                    Pools.inHousehold("m3", "h3", "gender", "f", "age", "old"),
                    Pools.inHousehold("m4", "h4", "gender", "m", "age", "young"),
                    Pools.inHousehold("a1", "h5", "gender", "m", "age", "old"),
                    Pools.inHousehold("a2", "h6", "gender", "f", "age", "old"),
                    Pools.inHousehold("a3", "h1", "gender", "f", "age", "young"),
                    Pools.inHousehold("a4", "h7", "gender", "f", "age", "young")),
            new Quotas(List.of(
                    Quota.of("gender", "f", 2, 2),
                    Quota.of("gender", "m", 2, 2),
                    Quota.of("age", "young", 1, 3),
                    Quota.of("age", "old", 1, 3))),
            4,
            true);
    static final List<String> PANEL = List.of("m1", "m2", "m3", "m4");
    static final List<String> ALTERNATES = List.of("a1", "a2", "a3", "a4");

    @Test
    void the_best_matching_alternate_takes_the_seat_even_if_a_less_similar_one_comes_first() {
        Replacement r = Replacements.replace(PROBLEM, PANEL, "m3", ALTERNATES);
        Replacement.Replaced replaced = (Replacement.Replaced) r;
        assertThat(replaced.replacement()).isEqualTo("a2");
        assertThat(replaced.rank()).isEqualTo(2);
        assertThat(replaced.changes()).isEmpty();
        assertThat(replaced.panel()).containsExactlyInAnyOrder("m1", "m2", "a2", "m4");
        assertThat(replaced.alternates()).containsExactly("a1", "a3", "a4");
    }

    @Test
    void when_no_one_has_the_same_profile_the_replacement_says_what_changed() {
        Replacement.Replaced replaced =
                (Replacement.Replaced) Replacements.replace(PROBLEM, PANEL, "m1", List.of("a2", "a3", "a4"));
        // a3 has m1's profile but lives with m1, who is leaving: allowed, and the closest.
        assertThat(replaced.replacement()).isEqualTo("a3");
        Replacement.Replaced older = (Replacement.Replaced) Replacements.replace(PROBLEM, PANEL, "m1", List.of("a2"));
        assertThat(older.changes()).containsExactly("age: young → old");
    }

    @Test
    void a_housemate_of_a_member_who_stays_cannot_take_a_seat() {
        Replacement r = Replacements.replace(PROBLEM, PANEL, "m3", List.of("a3"));
        assertThat(r).isInstanceOf(Replacement.NoneFits.class);
        assertThat(((Replacement.NoneFits) r).reason()).contains("shares a household");
    }

    @Test
    void when_no_alternate_keeps_the_quotas_the_answer_says_so_and_names_the_quota() {
        Replacement r = Replacements.replace(PROBLEM, PANEL, "m2", List.of("a2", "a4"));
        assertThat(r).isInstanceOf(Replacement.NoneFits.class);
        assertThat(((Replacement.NoneFits) r).reason()).contains("gender=m has 1 people, the quota is 2-2");
        assertThat(Replacements.replace(PROBLEM, PANEL, "a1", ALTERNATES)).isInstanceOf(Replacement.NotOnPanel.class);
    }

    @Test
    void replacement_keeps_the_quotas_whenever_some_alternate_allows_it() {
        SelectionProblem problem = Pools.realistic(60, 10, 4);
        Panel panel =
                SelectionTest.select(problem, Algorithm.MAXIMIN).panels().get(0).panel();
        List<String> members = ids(problem, panel.members());
        List<String> alternates = new ArrayList<>();
        for (Volunteer v : problem.pool()) if (!members.contains(v.id())) alternates.add(v.id());
        for (String dropout : members) {
            boolean someoneFits = false;
            for (String a : alternates) {
                List<String> trial = new ArrayList<>(members);
                trial.set(trial.indexOf(dropout), a);
                someoneFits |= PanelRules.meets(problem, panelOf(problem, trial));
            }
            Replacement r = Replacements.replace(problem, members, dropout, alternates);
            assertThat(r instanceof Replacement.Replaced).as(dropout).isEqualTo(someoneFits);
            if (r instanceof Replacement.Replaced replaced) {
                assertThat(PanelRules.broken(problem, panelOf(problem, replaced.panel())))
                        .isEmpty();
            }
        }
    }

    private static List<String> ids(SelectionProblem problem, int[] members) {
        List<String> ids = new ArrayList<>();
        for (int i : members) ids.add(problem.pool().get(i).id());
        return ids;
    }

    private static Panel panelOf(SelectionProblem problem, List<String> ids) {
        return new Panel(ids.stream().mapToInt(problem::indexOf).toArray());
    }
}
