package org.assemblyhub.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatList;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

class RelayHealthTest {
    final AtomicLong now = new AtomicLong(1_000_000);
    final RelayHealth health = new RelayHealth(now::get);

    private RelayHealth.Verdict after(long ms, String reporter, String relay) {
        now.addAndGet(ms);
        return health.report(reporter, relay);
    }

    @Test
    void a_relay_is_replaced_only_when_its_child_confirms_the_report_a_few_seconds_later() {
        assertThat(health.report("child", "relay")).isEqualTo(RelayHealth.Verdict.NOTED);
        assertThat(after(1_000, "child", "relay")).as("too soon").isEqualTo(RelayHealth.Verdict.RATE_LIMITED);
        assertThat(after(2_000, "child", "relay")).isEqualTo(RelayHealth.Verdict.REPLACE);
        assertThat(after(30_000, "child", "other"))
                .as("a new report starts again")
                .isEqualTo(RelayHealth.Verdict.NOTED);
        assertThat(after(30_000, "child", "other"))
                .as("confirmation too late: noted again")
                .isEqualTo(RelayHealth.Verdict.NOTED);
    }

    @Test
    void a_relay_that_itself_reported_its_parent_is_starved_not_faulty() {
        health.report("child", "relay");
        after(500, "relay", "grandparent");
        assertThat(after(2_600, "child", "relay")).isEqualTo(RelayHealth.Verdict.UPSTREAM);
        assertThat(after(0, "relay", "grandparent")).isEqualTo(RelayHealth.Verdict.REPLACE);
    }

    @Test
    void one_member_cannot_have_more_than_three_relays_replaced_in_ten_minutes() {
        assertThatList(IntStream.range(0, 4)
                        .mapToObj(i -> {
                            after(3_000, "child", "relay" + i);
                            return after(3_000, "child", "relay" + i);
                        })
                        .toList())
                .containsExactly(
                        RelayHealth.Verdict.REPLACE,
                        RelayHealth.Verdict.REPLACE,
                        RelayHealth.Verdict.REPLACE,
                        RelayHealth.Verdict.RATE_LIMITED);
        now.addAndGet(11 * 60_000);
        after(0, "child", "relay9");
        assertThat(after(3_000, "child", "relay9")).isEqualTo(RelayHealth.Verdict.REPLACE);
    }
}
