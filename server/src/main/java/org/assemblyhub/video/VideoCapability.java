package org.assemblyhub.video;

import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.Engine;
import org.assemblyhub.kernel.plug.Plugin;

import java.security.SecureRandom;

/**
 * Calls: each person is in their breakout group's room while it meets, otherwise in the plenary's — through a Jitsi
 * deployment or the built-in mesh. Nothing of it is recorded: it reads the seating and the roster, and relays signals.
 */
public final class VideoCapability implements Capability {
    public static final String NAME = "video";

    private final VideoAccess video;

    /** {@code video}: the hub's video settings; null for a mesh with a room key of this process. */
    public VideoCapability(VideoAccess video) {
        this.video = video;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plugin plugin(Engine engine) {
        VideoAccess access = video;
        if (access == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            access = new VideoAccess(VideoConfig.MESH, key, engine.clock());
        }
        return new VideoCalls(engine, access);
    }
}
