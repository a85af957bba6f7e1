package org.assemblyhub.video;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.assemblyhub.config.VideoConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Jitsi JWTs (java-jwt, HS256 with the app secret), one per person and room, with the claims Jitsi's token
 * authentication checks: {@code iss} (app id), {@code aud}, {@code sub} (the Jitsi domain), {@code room}, numeric
 * {@code exp}/{@code nbf}/{@code iat}, and {@code context.user} with the person's id and name, {@code moderator}
 * true only for that room's facilitators, and the same as {@code affiliation} (owner/member) for the
 * {@code token_affiliation} Prosody module (deploy/jitsi).
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

    public String issue(String personId, String name, VideoRoom room, boolean moderator) {
        Instant now = clock.instant();
        return JWT.create()
                .withHeader(Map.of("typ", "JWT"))
                .withIssuer(config.jitsiAppId())
                .withAudience(config.jitsiAudience())
                .withSubject(config.jitsiDomain())
                .withClaim("room", room.name())
                .withIssuedAt(now)
                .withNotBefore(now.minusSeconds(30))
                .withExpiresAt(now.plusSeconds(60L * config.tokenMinutes()))
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
}
