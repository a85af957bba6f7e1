package org.assemblyhub.config;

import java.util.Arrays;
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
 * @param relayFanOut  mesh plenary: how many others each browser passes the stage's picture on to
 * @param dialInNumbersUrl  Jitsi: the deployment's list of phone numbers (Jitsi's own {@code dialInNumbersUrl})
 * @param dialInConfCodeUrl Jitsi: the deployment's room → PIN service (Jitsi's own {@code dialInConfCodeUrl})
 * @param turn         credentials for the TURN URLs among {@code iceServers}, and relay-only calls
 */
public record VideoConfig(
        Provider provider,
        String jitsiDomain,
        String jitsiAppId,
        String jitsiSecret,
        String jitsiAudience,
        List<String> iceServers,
        int tokenMinutes,
        int relayFanOut,
        String dialInNumbersUrl,
        String dialInConfCodeUrl,
        TurnConfig turn) {
    public enum Provider {
        MESH,
        JITSI,
        NONE
    }

    public static final int DEFAULT_RELAY_FAN_OUT = 3;
    public static final VideoConfig MESH = new VideoConfig(Provider.MESH, null, null, null, "jitsi", List.of(), 10);

    public VideoConfig(
            Provider provider,
            String jitsiDomain,
            String jitsiAppId,
            String jitsiSecret,
            String jitsiAudience,
            List<String> iceServers,
            int tokenMinutes) {
        this(
                provider,
                jitsiDomain,
                jitsiAppId,
                jitsiSecret,
                jitsiAudience,
                iceServers,
                tokenMinutes,
                DEFAULT_RELAY_FAN_OUT,
                null,
                null,
                TurnConfig.NONE);
    }

    public VideoConfig withRelayFanOut(int fanOut) {
        return new VideoConfig(
                provider,
                jitsiDomain,
                jitsiAppId,
                jitsiSecret,
                jitsiAudience,
                iceServers,
                tokenMinutes,
                fanOut,
                dialInNumbersUrl,
                dialInConfCodeUrl,
                turn);
    }

    public VideoConfig withDialIn(String numbersUrl, String confCodeUrl) {
        return new VideoConfig(
                provider,
                jitsiDomain,
                jitsiAppId,
                jitsiSecret,
                jitsiAudience,
                iceServers,
                tokenMinutes,
                relayFanOut,
                numbersUrl,
                confCodeUrl,
                turn);
    }

    /** The mesh's STUN/TURN servers and how browsers authenticate to the TURN ones. */
    public VideoConfig withIce(List<String> urls, TurnConfig turnConfig) {
        return new VideoConfig(
                provider,
                jitsiDomain,
                jitsiAppId,
                jitsiSecret,
                jitsiAudience,
                urls,
                tokenMinutes,
                relayFanOut,
                dialInNumbersUrl,
                dialInConfCodeUrl,
                turnConfig);
    }

    public VideoConfig {
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
        turn = turn == null ? TurnConfig.NONE : turn;
        for (String url : iceServers) {
            if (!url.matches("(stun|stuns|turn|turns):[^\\s,]+")) {
                throw new ConfigException("iceServers are stun:/turn: URLs separated by commas, got '" + url + "'");
            }
        }
        boolean turnUrls = iceServers.stream().anyMatch(u -> u.startsWith("turn"));
        if (turnUrls && !turn.hasCredentials()) {
            throw new ConfigException(
                    "the turn: URLs in iceServers need credentials: turnSecret (coturn's static-auth-secret) or turnUsername and turnCredential");
        }
        if (turn.hasCredentials() && !turnUrls) {
            throw new ConfigException("TURN credentials are set but iceServers names no turn: or turns: URL");
        }
        if (turn.relayOnly() && !turnUrls) {
            throw new ConfigException(
                    "relayOnly needs at least one turn: or turns: URL in iceServers (with its credentials)");
        }
        if (relayFanOut < 1 || relayFanOut > 8)
            throw new ConfigException("videoRelayFanOut must be between 1 and 8, got " + relayFanOut);
        if ((dialInNumbersUrl == null) != (dialInConfCodeUrl == null)) {
            throw new ConfigException("jitsiDialInNumbersUrl and jitsiDialInConfCodeUrl go together (both or neither)");
        }
        for (String url : Arrays.asList(dialInNumbersUrl, dialInConfCodeUrl)) {
            if (url != null && !url.matches("https?://[^\\s]+"))
                throw new ConfigException("dial-in URLs must be http(s) URLs, got '" + url + "'");
        }
        if (provider == Provider.JITSI
                && (jitsiDomain == null || jitsiAppId == null || jitsiSecret == null || jitsiSecret.length() < 32)) {
            throw new ConfigException(
                    "videoProvider jitsi needs jitsiDomain, jitsiAppId and a jitsiSecret of at least 32 characters");
        }
    }
}
