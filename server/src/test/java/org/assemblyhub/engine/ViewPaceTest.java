package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewPaceTest {
    @Test
    void small_assemblies_get_fifty_updates_a_second_and_large_ones_ten_so_the_fan_out_stays_within_budget() {
        assertThat(ViewPace.intervalMs(0, 100)).isEqualTo(20);
        assertThat(ViewPace.intervalMs(300, 100)).isEqualTo(20);
        assertThat(ViewPace.intervalMs(1_250, 100)).isEqualTo(25);
        assertThat(ViewPace.intervalMs(4_000, 100)).isEqualTo(80);
        assertThat(ViewPace.intervalMs(10_200, 100)).isEqualTo(100);
        assertThat(ViewPace.intervalMs(10_200, 30)).isEqualTo(30);
        assertThat(ViewPace.intervalMs(0, 10)).isEqualTo(10);
    }
}
