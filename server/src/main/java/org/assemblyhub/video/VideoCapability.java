package org.assemblyhub.video;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;
import org.assemblyhub.kernel.Acting;
import org.assemblyhub.kernel.Audience;
import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.kernel.DomainEvent;
import org.assemblyhub.kernel.Model;
import org.assemblyhub.kernel.Verdict;
import org.assemblyhub.kernel.plug.Capability;
import org.assemblyhub.kernel.plug.Engine;
import org.assemblyhub.kernel.plug.Plugin;
import org.assemblyhub.kernel.plug.WireCommand;
import org.assemblyhub.video.domain.LiveStream;
import org.assemblyhub.video.domain.VideoCommand;
import org.assemblyhub.video.domain.VideoDefaults;
import org.assemblyhub.video.domain.VideoEvent;
import org.assemblyhub.video.domain.VideoState;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Calls: each person is in their breakout group's room while it meets, otherwise in the plenary's — through a Jitsi
 * deployment or the built-in mesh. Calls are not recorded (the plugin reads the seating and the roster, and relays
 * signals); what is recorded is the plenary's public live stream an organiser sets, which observers watch.
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
    public List<WireCommand> wire() {
        return VideoWire.COMMANDS;
    }

    @Override
    public List<Class<? extends DomainEvent>> events() {
        return List.of(VideoEvent.class);
    }

    @Override
    public List<Class<? extends DomainCommand>> commands() {
        return List.of(VideoCommand.class);
    }

    @Override
    public Object newState() {
        return new VideoState();
    }

    @Override
    public Verdict decide(Model model, Acting who, DomainCommand command, Instant now) {
        return state(model).decide(who.actor(), (VideoCommand) command);
    }

    @Override
    public void evolve(Model model, DomainEvent event) {
        state(model).evolve((VideoEvent) event);
    }

    /**
     * {@code watch}: the section for those who watch the plenary — observers (and experts, who see what they see),
     * and the organisers and the lead, who set and check it. Only the stream: nothing personal.
     */
    @Override
    public void view(Model model, Audience audience, ObjectNode view) {
        VideoDefaults defaults = state(model).defaults();
        if (audience.kind() == Audience.Kind.ORGANISER && !defaults.equals(VideoDefaults.DEFAULT)) {
            view.putObject("videoDefaults")
                    .put("calls", defaults.calls())
                    .put("camera", defaults.camera())
                    .put("microphone", defaults.microphone());
        }
        LiveStream stream = state(model).stream();
        boolean watches = audience.onlooker()
                || audience.kind() == Audience.Kind.ORGANISER
                || audience.kind() == Audience.Kind.LEAD;
        if (stream == null || !watches) return;
        view.putObject("watch")
                .putObject("stream")
                .put("url", stream.url())
                .put("kind", stream.kind().wire())
                .put("origin", stream.origin())
                .put("captions", stream.captions());
    }

    /** {@code live-stream}: the stream as the hub's stream page plays it (empty when none is set); public. */
    @Override
    public Optional<JsonObject> record(Model model, String what, JsonObject request, boolean participant) {
        if (!"live-stream".equals(what)) return Optional.empty();
        LiveStream stream = state(model).stream();
        JsonObject data = new JsonObject();
        if (stream != null) {
            data.put("url", stream.url())
                    .put("kind", stream.kind().wire())
                    .put("origin", stream.origin())
                    .put("captions", stream.captions());
        }
        return Optional.of(data);
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

    static VideoState state(Model model) {
        return model.slice(NAME, VideoState.class);
    }
}
