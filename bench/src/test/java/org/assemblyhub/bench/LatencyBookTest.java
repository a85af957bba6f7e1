package org.assemblyhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.List;

class LatencyBookTest {
    private static final long MS = 1_000_000;

    @Test
    void each_vote_is_timed_to_the_first_message_at_or_past_its_seq_on_each_screen() {
        LatencyBook book = new LatencyBook();
        List<LatencyBook.Vote> votes = List.of(new LatencyBook.Vote(10, 100 * MS), new LatencyBook.Vote(12, 150 * MS));
        // Screen A: seq 9 (before both), seq 11 at 130 ms (shows vote 10), seq 12 at 260 ms (shows vote 12).
        book.observer(votes, new long[] {9, 11, 12}, new long[] {90 * MS, 130 * MS, 260 * MS}, 3);
        // Screen B: one message at seq 13 at 400 ms shows both.
        book.observer(votes, new long[] {13}, new long[] {400 * MS}, 1);

        assertThat(book.pairs()).isEqualTo(4);
        assertThat(book.missed()).isZero();
        assertThat(book.maxMs()).isEqualTo(300.0, Offset.offset(0.5)); // B: 400 − 100
        assertThat(book.percentileMs(0)).isEqualTo(30.0, Offset.offset(0.5)); // A: 130 − 100
    }

    @Test
    void a_screen_that_saw_the_change_before_the_voter_got_the_ack_counts_zero_and_one_that_never_saw_it_is_missed() {
        LatencyBook book = new LatencyBook();
        List<LatencyBook.Vote> votes = List.of(new LatencyBook.Vote(5, 200 * MS), new LatencyBook.Vote(8, 300 * MS));

        book.observer(votes, new long[] {6}, new long[] {180 * MS}, 1);

        assertThat(book.pairs()).isEqualTo(2);
        assertThat(book.missed()).isEqualTo(1);
        assertThat(book.maxMs()).isZero();
    }

    @Test
    void percentiles_come_from_every_pair_of_every_screen() {
        LatencyBook book = new LatencyBook();
        List<LatencyBook.Vote> votes = List.of(new LatencyBook.Vote(1, 0));
        for (int i = 1; i <= 100; i++) book.observer(votes, new long[] {1}, new long[] {i * MS}, 1);

        assertThat(book.percentileMs(50)).isEqualTo(50.0, Offset.offset(0.5));
        assertThat(book.percentileMs(99)).isEqualTo(99.0, Offset.offset(0.5));
    }

    @Test
    void a_vote_timed_from_its_sending_counts_the_whole_way_even_when_the_screen_beat_the_ack() {
        LatencyBook fromAck = new LatencyBook();
        LatencyBook fromSend = new LatencyBook();
        LatencyBook.Vote vote = new LatencyBook.Vote(7, 50 * MS, 20 * MS); // sent at 20 ms, ack at 50 ms
        // The screen showed it at 45 ms: before the ack (0 from the ack), 25 ms after the vote left the voter.
        fromAck.observer(List.of(vote), new long[] {7}, new long[] {45 * MS}, 1);
        fromSend.observer(List.of(vote.asSent()), new long[] {7}, new long[] {45 * MS}, 1);

        assertThat(fromAck.maxMs()).isZero();
        assertThat(fromSend.maxMs()).isEqualTo(25.0, Offset.offset(0.5));
    }

    @Test
    void the_seq_of_a_hub_message_is_read_without_parsing_the_json() {
        assertThat(FrameLog.number("{\"type\":\"patch\",\"seq\":1234,\"base\":1230}", "seq"))
                .isEqualTo(1234);
        assertThat(FrameLog.number("{\"type\":\"pong\"}", "seq")).isEqualTo(-1);
        assertThat(FrameLog.string("{\"type\":\"snapshot\",\"seq\":3,\"audience\":\"member@7\"}", "audience"))
                .isEqualTo("member@7");
    }
}
