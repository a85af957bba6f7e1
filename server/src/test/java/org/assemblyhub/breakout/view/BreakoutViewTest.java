package org.assemblyhub.breakout.view;

import static org.assemblyhub.testing.Given.givenAnAssembly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.assemblyhub.breakout.BreakoutCapability;
import org.assemblyhub.breakout.domain.AllocationQuality;
import org.assemblyhub.breakout.domain.BreakoutEvent.BreakoutsPlanned;
import org.assemblyhub.breakout.domain.Breakouts;
import org.assemblyhub.breakout.domain.Group;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.Model;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class BreakoutViewTest {
    private static final AllocationQuality NONE = new AllocationQuality(Map.of(), Map.of(), 0, 0);

    @Test
    void the_desk_counts_the_groups_with_nobody_of_a_kind_beside_what_a_random_split_would_leave() {
        // Given's members alternate between areas: even numbers live north, odd ones south.
        Model model = givenAnAssembly(new BreakoutsPlanned(
                        1,
                        0,
                        List.of(
                                new Group(1, "f2", null, List.of("m2", "m4", "m6")),
                                new Group(2, "f3", null, List.of("m1", "m3", "m5"))),
                        NONE,
                        NONE))
                .thenModel();
        Breakouts breakouts = model.slice(BreakoutCapability.NAME, Breakouts.class);
        JsonNode coverage = BreakoutView.project(breakouts.rooms, breakouts.workspaces, model.roster(), Audience.LEAD)
                .path("coverage");
        assertThat(coverage).hasSize(2);
        assertThat(coverage.get(0).path("attribute").asText()).isEqualTo("area");
        assertThat(coverage.get(0).path("value").asText()).isEqualTo("north");
        assertThat(coverage.get(0).path("without").asInt()).isEqualTo(1);
        assertThat(coverage.get(0).path("random").asDouble()).isEqualTo(0.1); // 2 × (3/6 · 2/5 · 1/4)
        assertThat(BreakoutView.project(breakouts.rooms, breakouts.workspaces, model.roster(), Audience.FACILITATOR)
                        .has("coverage"))
                .isFalse();
    }

    @Test
    void the_chance_that_a_random_group_misses_everyone_of_a_kind_is_hypergeometric() {
        assertThat(BreakoutView.chanceOfNone(10, 2, 3)).isCloseTo(8.0 / 10 * 7 / 9 * 6 / 8, within(1e-12));
        assertThat(BreakoutView.chanceOfNone(10, 8, 3)).isZero();
        assertThat(BreakoutView.chanceOfNone(10, 0, 3)).isEqualTo(1.0);
    }
}
