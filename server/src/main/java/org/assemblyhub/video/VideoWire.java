package org.assemblyhub.video;

import static org.assemblyhub.kernel.plug.WireCommand.ORGANISERS;
import static org.assemblyhub.kernel.plug.WireCommand.of;

import org.assemblyhub.kernel.plug.Decoded;
import org.assemblyhub.kernel.plug.WireArgs;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.video.domain.LiveStream;
import org.assemblyhub.video.domain.VideoCommand.SetLiveStream;
import org.assemblyhub.video.domain.VideoCommand.SetVideoDefaults;

import java.util.List;

/** Wire commands of video: the organiser's live stream of the plenary (calls themselves are queries, not commands). */
public final class VideoWire {
    private VideoWire() {}

    public static final List<WireCommand> COMMANDS = List.of(
            of("set-live-stream", ORGANISERS, VideoWire::liveStream), of("set-video", ORGANISERS, VideoWire::defaults));

    /** {@code calls}, {@code camera}, {@code microphone}: each true or false, each optional (absent: unchanged). */
    private static Decoded defaults(WireArgs a, WireCommand.Context c) {
        return Decoded.ok(new SetVideoDefaults(setting(a, "calls"), setting(a, "camera"), setting(a, "microphone")));
    }

    private static Boolean setting(WireArgs a, String key) {
        return a.has(key) ? a.flag(key, true) : null;
    }

    /** {@code url}: empty or absent clears the stream; {@code captions}: the stream carries captions. */
    private static Decoded liveStream(WireArgs a, WireCommand.Context c) {
        String url = a.text("url", 4 * LiveStream.MAX_URL);
        boolean captions = a.flag("captions", false);
        if (url == null || url.isEmpty()) return Decoded.ok(new SetLiveStream(null));
        LiveStream.Checked checked = LiveStream.check(url, captions);
        if (checked instanceof LiveStream.Invalid invalid)
            return Decoded.failed(invalid.refusal().code(), invalid.refusal().message());
        return Decoded.ok(new SetLiveStream(((LiveStream.Valid) checked).stream()));
    }
}
