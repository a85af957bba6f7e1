package org.assemblyhub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** The ownership lease's rules, with a clock the test sets: who may take an assembly, and when an owner must stop. */
class LeaseTest {
    private static final long LEASE = 10_000;
    private static final Set<String> BOTH = Set.of("a", "b");

    /** A clock that shows exactly the time the test sets. */
    private static final class SetClock extends Clock {
        long millis = 1_000_000;

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void an_assembly_nobody_ever_owned_is_taken_at_epoch_one() {
        assertThat(Lease.takeOver(null, "a", 1_000, LEASE, BOTH)).contains(new Lease("a", 1, 11_000));
    }

    @Test
    void a_live_owners_lease_is_never_taken() {
        Lease owned = new Lease("a", 4, 11_000);
        assertThat(Lease.takeOver(owned, "b", 10_999, LEASE, BOTH)).isEmpty();
    }

    @Test
    void a_lease_that_ran_out_is_taken_at_the_next_epoch() {
        Lease owned = new Lease("a", 4, 11_000);
        assertThat(Lease.takeOver(owned, "b", 11_000, LEASE, BOTH)).contains(new Lease("b", 5, 21_000));
    }

    @Test
    void the_lease_of_a_node_that_left_is_taken_at_the_next_epoch_once_that_node_surely_stopped_acknowledging() {
        Lease owned = new Lease("a", 4, 11_000);
        assertThat(Lease.takeOver(owned, "b", 5_999, LEASE, Set.of("b"))).isEmpty();
        assertThat(Lease.takeOver(owned, "b", 6_000, LEASE, Set.of("b"))).contains(new Lease("b", 5, 16_000));
    }

    @Test
    void a_lease_given_up_on_purpose_is_taken_at_once_and_keeps_the_epochs_rising() {
        Lease released = new Lease("a", 7, 11_000).released();
        assertThat(Lease.takeOver(released, "b", 2_000, LEASE, BOTH)).contains(new Lease("b", 8, 12_000));
    }

    @Test
    void a_lease_reads_back_as_it_was_written_even_with_a_bar_in_the_node_id() {
        Lease lease = new Lease("node|1", 12, 99_000);
        assertThat(Lease.decode(lease.encode())).isEqualTo(lease);
        assertThat(Lease.decode(null)).isNull();
    }

    @Test
    void a_renewal_moves_the_end_and_keeps_the_owner_and_epoch() {
        assertThat(new Lease("a", 3, 11_000).renewed(15_000, LEASE)).isEqualTo(new Lease("a", 3, 25_000));
    }

    @Test
    void an_owner_that_cannot_renew_stops_acknowledging_at_half_the_lease_before_anyone_may_take_it() {
        SetClock clock = new SetClock();
        long start = clock.millis();
        Lease lease = new Lease("a", 1, start + LEASE);
        Hold hold = new Hold("x", lease, start, clock, LEASE, () -> {});
        clock.millis = start + LEASE / 2 - 1;
        assertThat(hold.current()).isTrue();
        clock.millis = start + LEASE / 2;
        assertThat(hold.current()).isFalse();
        assertThat(Lease.takeOver(lease, "b", clock.millis, LEASE, BOTH))
                .as("nobody may take it yet")
                .isEmpty();
        clock.millis = start + LEASE;
        assertThat(Lease.takeOver(lease, "b", clock.millis, LEASE, BOTH)).isPresent();
    }

    @Test
    void a_renewal_counts_from_when_it_started_and_keeps_the_owner_acknowledging() {
        SetClock clock = new SetClock();
        long start = clock.millis();
        Hold hold = new Hold("x", new Lease("a", 1, start + LEASE), start, clock, LEASE, () -> {});
        long renewalStart = start + 2_000;
        hold.renewed(hold.lease().renewed(renewalStart, LEASE), renewalStart);
        clock.millis = renewalStart + LEASE / 2 - 1;
        assertThat(hold.current()).isTrue();
        clock.millis = renewalStart + LEASE / 2;
        assertThat(hold.current()).isFalse();
    }

    @Test
    void an_owner_fenced_off_by_the_journal_stops_at_once_and_says_so() {
        SetClock clock = new SetClock();
        AtomicBoolean told = new AtomicBoolean();
        Hold hold = new Hold(
                "x", new Lease("a", 1, clock.millis + LEASE), clock.millis, clock, LEASE, () -> told.set(true));
        hold.fenced();
        assertThat(hold.current()).isFalse();
        assertThat(told).isTrue();
    }

    @Test
    void a_lost_hold_is_never_current_again() {
        SetClock clock = new SetClock();
        Hold hold = new Hold("x", new Lease("a", 1, clock.millis + LEASE), clock.millis, clock, LEASE, () -> {});
        hold.lose();
        assertThat(hold.current()).isFalse();
    }
}
