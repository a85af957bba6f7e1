package org.assemblyhub.video.domain;

import java.io.Serializable;

/**
 * How an assembly's calls start, as its organisers set them: whether there are calls at all (an assembly that meets
 * in a room uses the hub for everything else), and whether people join with their camera and their microphone on.
 * Everyone can switch their own camera and microphone at any time; these are only where they start.
 */
public record VideoDefaults(boolean calls, boolean camera, boolean microphone) implements Serializable {
    public static final VideoDefaults DEFAULT = new VideoDefaults(true, true, true);

    /** These defaults with the settings given changed (null: kept). */
    public VideoDefaults with(Boolean calls, Boolean camera, Boolean microphone) {
        return new VideoDefaults(
                calls == null ? this.calls : calls,
                camera == null ? this.camera : camera,
                microphone == null ? this.microphone : microphone);
    }
}
