package org.assemblyhub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishBudgetTest {
    private static final long MS = 1_000_000;
    private static final long INTERVAL = 25 * MS;

    @Test
    void after_a_quiet_moment_a_few_updates_go_out_at_once_then_one_per_interval() {
        PublishBudget budget = new PublishBudget();
        assertThat(budget.tryTake(0, INTERVAL)).isTrue();
        assertThat(budget.tryTake(1 * MS, INTERVAL)).isTrue();
        assertThat(budget.tryTake(2 * MS, INTERVAL)).isTrue();
        assertThat(budget.tryTake(3 * MS, INTERVAL)).isFalse();
        assertThat(budget.nanosUntilNext(3 * MS, INTERVAL))
                .isEqualTo(22 * MS); // refilling since the first: 3/25 of one
        assertThat(budget.tryTake(27 * MS, INTERVAL)).isTrue();
        assertThat(budget.tryTake(28 * MS, INTERVAL)).isFalse();
    }

    @Test
    void a_long_quiet_spell_refills_only_up_to_the_burst() {
        PublishBudget budget = new PublishBudget();
        budget.tryTake(0, INTERVAL);
        long later = 10_000 * MS;
        int taken = 0;
        while (budget.tryTake(later, INTERVAL)) taken++;
        assertThat(taken).isEqualTo(PublishBudget.BURST);
    }

    @Test
    void updates_forced_out_are_a_debt_paid_back_before_the_next_one() {
        PublishBudget budget = new PublishBudget();
        for (int i = 0; i < 5; i++) budget.take(0, INTERVAL); // three available, two owed
        assertThat(budget.tryTake(40 * MS, INTERVAL)).isFalse();
        assertThat(budget.nanosUntilNext(40 * MS, INTERVAL)).isEqualTo(35 * MS);
    }

    @Test
    void a_steady_rate_below_the_pace_never_waits() {
        PublishBudget budget = new PublishBudget();
        for (int k = 0; k < 1_000; k++)
            assertThat(budget.tryTake(k * 42 * MS, INTERVAL)).isTrue();
    }
}
