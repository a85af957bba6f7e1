package org.assemblyhub.video.domain;

import org.assemblyhub.kernel.Actor;
import org.assemblyhub.kernel.Role;
import org.assemblyhub.kernel.Verdict;

import java.io.Serializable;
import java.util.Locale;

/** The recorded part of video: the plenary's live stream, if one is set, and how calls start. */
public final class VideoState implements Serializable {
    private LiveStream stream;
    private VideoDefaults defaults = VideoDefaults.DEFAULT;

    public VideoDefaults defaults() {
        return defaults == null ? VideoDefaults.DEFAULT : defaults; // null in a snapshot taken before they existed
    }

    public LiveStream stream() {
        return stream;
    }

    /** Organisers only (the wire checks it first); asking for what is already there records nothing. */
    public Verdict decide(Actor actor, VideoCommand command) {
        if (actor.role() != Role.ORGANISER)
            return Verdict.reject("forbidden", "Only organisers set the live stream and how calls start.");
        if (command instanceof VideoCommand.SetVideoDefaults c) {
            VideoDefaults next = defaults().with(c.calls(), c.camera(), c.microphone());
            if (next.equals(defaults())) return Verdict.accept();
            return Verdict.accept(new VideoEvent.VideoDefaultsSet(next.calls(), next.camera(), next.microphone()));
        }
        LiveStream wanted = ((VideoCommand.SetLiveStream) command).stream();
        if (wanted == null)
            return stream == null ? Verdict.accept() : Verdict.accept(new VideoEvent.LiveStreamCleared());
        if (wanted.equals(stream)) return Verdict.accept();
        return Verdict.accept(
                new VideoEvent.LiveStreamSet(wanted.url(), wanted.kind().wire(), wanted.origin(), wanted.captions()));
    }

    public void evolve(VideoEvent event) {
        if (event instanceof VideoEvent.LiveStreamSet e) {
            LiveStream.Kind kind = LiveStream.Kind.valueOf(e.kind().toUpperCase(Locale.ROOT));
            stream = new LiveStream(e.url(), kind, e.origin(), e.captions());
        } else if (event instanceof VideoEvent.LiveStreamCleared) {
            stream = null;
        } else if (event instanceof VideoEvent.VideoDefaultsSet e) {
            defaults = new VideoDefaults(e.calls(), e.camera(), e.microphone());
        }
    }
}
