package org.assemblyhub.video;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import org.assemblyhub.config.VideoConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jitsi JWTs (java-jwt, HS256 with the app secret), one per person and room, with the claims Jitsi's token
 * authentication checks: {@code iss} (app id), {@code aud}, {@code sub} (the Jitsi domain), {@code room}, numeric
 * {@code exp}/{@code nbf}/{@code iat}, and {@code context.user} with the person's id and name, {@code moderator}
 * true only for that room's facilitators, and the same as {@code affiliation} (owner/member) for the
 * {@code token_affiliation} Prosody module (deploy/jitsi).
 *
 * <p>An observer's token ({@link #visitor}) grants watching only, through Jitsi's visitors feature: {@code
 * context.user.visitor} true sends them to a visitor node, where they receive the conference and are not in its
 * participant list; never moderator, no affiliation, and every feature Jitsi grants by token ({@code
 * context.features}: recording, live streaming, transcription, calls out, screen sharing…) false. One anonymous id
 * for all observers: nothing in it tells one observer from another.
 */
public final class JitsiTokens {
    private final VideoConfig config;
    private final Clock clock;
    private final Algorithm algorithm;

    public JitsiTokens(VideoConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.algorithm = Algorithm.HMAC256(config.jitsiSecret());
    }

    /** Features Jitsi grants by token; a visitor has none of them. */
    static final String[] FEATURES = {
        "livestreaming",
        "recording",
        "transcription",
        "screen-sharing",
        "outbound-call",
        "sip-outbound-call",
        "inbound-call",
        "sip-inbound-call",
        "file-upload",
        "list-visitors"
    };

    /** The token of an observer: to watch the room, never to send, moderate or be listed. */
    public String visitor(String name, VideoRoom room) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", "observer");
        user.put("name", name);
        user.put("moderator", false);
        // Jitsi reads the role (jitsi-meet's JWT middleware and Prosody's visitors component); "visitor" is kept
        // for deployments that read the older flag.
        user.put("role", "visitor");
        user.put("visitor", true);
        Map<String, Object> features = new LinkedHashMap<>();
        for (String feature : FEATURES) features.put(feature, false);
        return claims(room)
                .withClaim("context", Map.of("user", user, "features", features))
                .sign(algorithm);
    }

    public String issue(String personId, String name, VideoRoom room, boolean moderator) {
        return claims(room)
                .withClaim(
                        "context",
                        Map.of(
                                "user",
                                Map.of(
                                        "id",
                                        personId,
                                        "name",
                                        name,
                                        "moderator",
                                        moderator,
                                        "affiliation",
                                        moderator ? "owner" : "member")))
                .sign(algorithm);
    }

    private JWTCreator.Builder claims(VideoRoom room) {
        Instant now = clock.instant();
        return JWT.create()
                .withHeader(Map.of("typ", "JWT"))
                .withIssuer(config.jitsiAppId())
                .withAudience(config.jitsiAudience())
                .withSubject(config.jitsiDomain())
                .withClaim("room", room.name())
                .withIssuedAt(now)
                .withNotBefore(now.minusSeconds(30))
                .withExpiresAt(now.plusSeconds(60L * config.tokenMinutes()));
    }
}
