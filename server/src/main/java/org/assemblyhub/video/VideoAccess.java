package org.assemblyhub.video;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.assemblyhub.config.VideoConfig;

import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * What a person needs to join the call of the room they are in now: the provider, the room, and for Jitsi its domain
 * and a token for that room only; for the mesh, the STUN/TURN servers (TURN with the person's own credentials) and who
 * is in the room, under ids that mean nothing outside it ({@link PeerIds}). A request for any other room is refused —
 * moving between rooms is the hub's decision, never the browser's.
 */
public final class VideoAccess {
    private final VideoConfig config;
    private final byte[] roomKey;
    private final JitsiTokens jitsi;
    private final DialIn dialIn;
    private final IceServers ice;
    private final Clock clock;

    public VideoAccess(VideoConfig config, byte[] roomKey, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.roomKey = roomKey.clone();
        this.ice = new IceServers(config.iceServers(), config.turn(), clock);
        this.jitsi = config.provider() == VideoConfig.Provider.JITSI ? new JitsiTokens(config, clock) : null;
        this.dialIn = jitsi != null && config.dialInNumbersUrl() != null
                ? new DialIn(
                        config.dialInNumbersUrl(),
                        config.dialInConfCodeUrl(),
                        "conference." + config.jitsiDomain().replaceAll(":\\d+$", ""),
                        clock)
                : null;
    }

    /** Phone numbers and the room's PIN when the Jitsi deployment provides them; otherwise null. */
    public CompletableFuture<JsonObject> dialIn(VideoRoom room) {
        return dialIn == null ? CompletableFuture.completedFuture(null) : dialIn.forRoom(room.name());
    }

    /** mesh, jitsi or none: the browser knows at once how it will join calls. */
    public String provider() {
        return config.provider().name().toLowerCase();
    }

    public int relayFanOut() {
        return config.relayFanOut();
    }

    public VideoRoom room(String assemblyId, int round, int group) {
        return VideoRoom.of(roomKey, assemblyId, round, group);
    }

    /** The hub's clock in milliseconds (relay health is judged on it). */
    public LongSupplier millis() {
        return clock::millis;
    }

    /** A fresh id book under this hub's room key (one per assembly: ids stay stable while the hub runs). */
    public PeerIds peerIds() {
        return new PeerIds(roomKey);
    }

    /**
     * @param requested  the room name the browser asks for (null: whichever room the person is in)
     * @param moderator  facilitator of this group room, or the lead/an organiser in the plenary
     * @param me         the person's own id in this room, as peers know it ({@link PeerIds}; null for an observer)
     * @param iceUser the person's opaque user id ({@link PeerIds#user}): in TURN credentials and Jitsi tokens (null: an
     * observer)
     * @param peers      the peer ids of the people in the room connected now (the mesh connects to them)
     */
    public JsonObject join(
            String name,
            VideoRoom room,
            String requested,
            boolean moderator,
            String me,
            String iceUser,
            Collection<String> peers) {
        if (config.provider() == VideoConfig.Provider.NONE)
            return error("video-off", "Video is turned off for this hub.");
        if (requested != null && !requested.equals(room.name())) {
            return error(
                    "not-your-room",
                    "You are not in that room. The hub moves you between rooms when the lead opens or closes groups.");
        }
        JsonObject answer = new JsonObject()
                .put("status", "ok")
                .put("provider", config.provider().name().toLowerCase())
                .put("room", room.name())
                .put("group", room.group())
                .put("moderator", moderator);
        if (jitsi != null) {
            // The token's user id reaches the other participants (Jitsi puts it in presence): the opaque user, not the
            // person id. An observer (no person) gets a visitor's token: watching only (JitsiTokens#visitor).
            answer.put("domain", config.jitsiDomain())
                    .put(
                            "jwt",
                            iceUser == null
                                    ? jitsi.visitor("Observer", room)
                                    : jitsi.issue(iceUser, name, room, moderator));
            // An observer watches as a Jitsi visitor: the browser never asks for a camera or microphone.
            if (iceUser == null) answer.put("watchOnly", true);
        } else if (iceUser == null) {
            // An observer is in no mesh: no peers, no TURN credentials; the picture reaches them by the live stream.
            answer.put("watchOnly", true).put("peers", new JsonArray());
        } else {
            answer.put("me", me)
                    .put("iceServers", ice.forUser(iceUser))
                    .put("iceTransportPolicy", ice.transportPolicy())
                    .put("peers", new JsonArray(peers.stream().sorted().toList()));
        }
        return answer;
    }

    private static JsonObject error(String code, String message) {
        return new JsonObject().put("status", "error").put("code", code).put("message", message);
    }
}
