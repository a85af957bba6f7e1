package org.assemblyhub.config;

import java.util.List;

/**
 * How people see and hear each other (config {@code videoProvider}): {@code mesh} (the embedded default: WebRTC
 * between the browsers of a room, signalled over the hub's own WebSocket), {@code jitsi} (a self-hosted Jitsi Meet
 * with token authentication) or {@code none}.
 *
 * @param jitsiDomain  the Jitsi Meet host (its {@code external_api.js} is loaded from there)
 * @param jitsiAppId   the app id Jitsi's token authentication expects as {@code iss}
 * @param jitsiSecret  the shared HS256 secret (at least 32 characters)
 * @param jitsiAudience the {@code aud} claim Jitsi checks ({@code jitsi} by default)
 * @param iceServers   STUN/TURN URLs for the mesh (none needed on a LAN or loopback)
 * @param tokenMinutes lifetime of a Jitsi token (it is checked when joining a room)
 */
public record VideoConfig(Provider provider, String jitsiDomain, String jitsiAppId, String jitsiSecret, String jitsiAudience,
                          List<String> iceServers, int tokenMinutes) {
    public enum Provider { MESH, JITSI, NONE }

    public static final VideoConfig MESH = new VideoConfig(Provider.MESH, null, null, null, "jitsi", List.of(), 10);

    public VideoConfig {
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
        if (provider == Provider.JITSI && (jitsiDomain == null || jitsiAppId == null || jitsiSecret == null || jitsiSecret.length() < 32)) {
            throw new ConfigException("videoProvider jitsi needs jitsiDomain, jitsiAppId and a jitsiSecret of at least 32 characters");
        }
    }
}
