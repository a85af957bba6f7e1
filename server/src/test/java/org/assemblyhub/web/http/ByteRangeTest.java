package org.assemblyhub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    @Test
    void one_range_is_read_in_its_three_forms_and_clamped_to_the_file() {
        assertThat(ByteRange.of("bytes=0-99", 1000)).isEqualTo(new ByteRange.Part(0, 99));
        assertThat(ByteRange.of("bytes=500-", 1000)).isEqualTo(new ByteRange.Part(500, 999));
        assertThat(ByteRange.of("bytes=-100", 1000)).isEqualTo(new ByteRange.Part(900, 999));
        assertThat(ByteRange.of("bytes=-5000", 1000)).isEqualTo(new ByteRange.Part(0, 999));
        assertThat(ByteRange.of("bytes=990-5000", 1000)).isEqualTo(new ByteRange.Part(990, 999));
        assertThat(new ByteRange.Part(990, 999).contentRange(1000)).isEqualTo("bytes 990-999/1000");
    }

    @Test
    void a_range_past_the_end_cannot_be_satisfied() {
        assertThat(ByteRange.of("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=2000-3000", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void no_header_another_unit_several_ranges_or_nonsense_get_the_whole_file() {
        for (String header : new String[] {
            null, "items=0-1", "bytes=0-1,5-6", "bytes=5-1", "bytes=-", "bytes=x-y", "bytes=99999999999999999999-"
        }) {
            assertThat(ByteRange.of(header, 1000)).as(header).isInstanceOf(ByteRange.Whole.class);
        }
    }
}
