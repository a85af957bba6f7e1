package org.assemblyhub.video.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;
import org.junit.jupiter.api.Test;

class LiveStreamTest {
    private static String refusal(String url) {
        return ((LiveStream.Invalid) LiveStream.check(url, false)).refusal().code();
    }

    private static LiveStream valid(String url) {
        return ((LiveStream.Valid) LiveStream.check(url, false)).stream();
    }

    @Test
    void an_https_playlist_is_an_hls_stream_and_any_other_page_is_embedded() {
        LiveStream hls = valid("https://Media.Example.org:8443/live/Plenary.M3U8?token=public");
        assertThat(hls.kind()).isEqualTo(LiveStream.Kind.HLS);
        assertThat(hls.origin()).isEqualTo("https://media.example.org:8443");
        LiveStream player = valid("https://peertube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d");
        assertThat(player.kind()).isEqualTo(LiveStream.Kind.EMBED);
        assertThat(player.origin()).isEqualTo("https://peertube.example.org");
    }

    @Test
    void plain_http_is_allowed_only_on_this_machine() {
        assertThat(valid("http://127.0.0.1:8089/live.m3u8").origin()).isEqualTo("http://127.0.0.1:8089");
        assertThat(valid("http://localhost/live.m3u8").kind()).isEqualTo(LiveStream.Kind.HLS);
        assertThat(refusal("http://media.example.org/live.m3u8")).isEqualTo("stream-url-invalid");
        assertThat(refusal("ftp://media.example.org/live.m3u8")).isEqualTo("stream-url-invalid");
        assertThat(refusal("javascript:alert(1)")).isEqualTo("stream-url-invalid");
    }

    @Test
    void addresses_without_a_host_too_long_or_with_credentials_are_refused() {
        assertThat(refusal("/live.m3u8")).isEqualTo("stream-url-invalid");
        assertThat(refusal("https:///live.m3u8")).isEqualTo("stream-url-invalid");
        assertThat(refusal("https://x.org/" + "a".repeat(LiveStream.MAX_URL))).isEqualTo("stream-url-invalid");
        assertThat(refusal("https://bad url/")).isEqualTo("stream-url-invalid");
        assertThat(refusal("https://user:pass@media.example.org/live.m3u8")).isEqualTo("stream-url-credentials");
        assertThat(refusal("https://user@media.example.org/live.m3u8")).isEqualTo("stream-url-credentials");
    }

    @Test
    void setting_records_the_stream_once_and_clearing_records_nothing_when_none_is_set() {
        VideoState state = new VideoState();
        Actor organiser = Actor.person("organiser-1", Role.ORGANISER);
        LiveStream stream = valid("https://media.example.org/live.m3u8");
        assertThat(state.decide(organiser, new VideoCommand.SetLiveStream(null)))
                .isEqualTo(Verdict.accept());
        Verdict set = state.decide(organiser, new VideoCommand.SetLiveStream(stream));
        assertThat(set)
                .isEqualTo(Verdict.accept(new VideoEvent.LiveStreamSet(
                        "https://media.example.org/live.m3u8", "hls", "https://media.example.org", false)));
        state.evolve((VideoEvent) ((Verdict.Accepted) set).events().get(0));
        assertThat(state.stream()).isEqualTo(stream);
        assertThat(state.decide(organiser, new VideoCommand.SetLiveStream(stream)))
                .isEqualTo(Verdict.accept());
        assertThat(state.decide(Actor.person("m1", Role.MEMBER), new VideoCommand.SetLiveStream(null)))
                .isInstanceOf(Verdict.Rejected.class);
        state.evolve(new VideoEvent.LiveStreamCleared());
        assertThat(state.stream()).isNull();
    }
}
